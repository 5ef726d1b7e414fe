package dev.fluxo.pipeline.write;

import dev.fluxo.schema.Column;
import dev.fluxo.schema.ColumnType;
import dev.fluxo.schema.LakehouseTables;
import dev.fluxo.schema.TableDefinition;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.inmemory.InMemoryCatalog;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class IcebergTablesTest {

    @Test
    void everyColumnTypeHasAnIcebergType() {
        assertThat(Arrays.stream(ColumnType.values()).map(IcebergTables::type)).doesNotContainNull();
        assertThat(IcebergTables.type(ColumnType.TIMESTAMP)).isEqualTo(Types.TimestampType.withZone());
    }

    @Test
    void schemasAreTheDefinitionsColumnsInOrder() {
        for (TableDefinition table : LakehouseTables.ALL) {
            Schema schema = IcebergTables.schema(table);
            assertThat(schema.columns()).extracting(Types.NestedField::name).as(table.qualifiedName())
                    .containsExactlyElementsOf(table.columnNames());
            for (Column c : table.columns()) {
                Types.NestedField f = schema.findField(c.name());
                assertThat(f.isRequired()).as(c.name()).isEqualTo(c.required());
                assertThat(f.type()).as(c.name()).isEqualTo(IcebergTables.type(c.type()));
                assertThat(f.doc()).isEqualTo(c.doc());
            }
        }
    }

    @Test
    void changeTablesArePartitionedByDay() {
        TableDefinition silver = LakehouseTables.SILVER_CUSTOMERS_CHANGES;
        PartitionSpec spec = IcebergTables.partitionSpec(silver, IcebergTables.schema(silver));
        assertThat(spec.fields()).singleElement().satisfies(f -> {
            assertThat(f.transform().toString()).isEqualTo("day");
            assertThat(spec.schema().findColumnName(f.sourceId())).isEqualTo("commit_time");
        });
        assertThat(IcebergTables.identifier(silver).toString()).isEqualTo("silver.customers_changes");
    }

    @Test
    void existingTableWithoutThePartitionSpecOrAColumnIsCompleted() {
        InMemoryCatalog catalog = new InMemoryCatalog();
        catalog.initialize("test", Map.of());
        TableDefinition dlq = LakehouseTables.BRONZE_CUSTOMERS_DEAD_LETTER;
        catalog.createNamespace(Namespace.of("bronze"));
        Schema full = IcebergTables.schema(dlq);
        // as a catalog created outside this pipeline might hold it: unpartitioned, without the reason column
        catalog.createTable(IcebergTables.identifier(dlq), new Schema(full.columns().stream()
                .filter(f -> !f.name().equals("reason")).toList()), PartitionSpec.unpartitioned());

        Table table = IcebergTables.ensure(catalog, dlq);

        assertThat(table.spec().fields()).singleElement()
                .satisfies(f -> assertThat(f.transform().toString()).isEqualTo("day"));
        assertThat(table.schema().findField("reason")).isNotNull();
        assertThat(IcebergTables.ensure(catalog, dlq).spec().specId()).as("ensuring twice changes nothing")
                .isEqualTo(table.spec().specId());
    }

    @Test
    void missingTablesAreCreatedInTheirLayersNamespace() {
        InMemoryCatalog catalog = new InMemoryCatalog();
        catalog.initialize("test", Map.of());
        Table table = IcebergTables.ensure(catalog, LakehouseTables.BRONZE_CUSTOMERS_CHANGES);
        assertThat(catalog.namespaceExists(Namespace.of("bronze"))).isTrue();
        assertThat(table.schema().sameSchema(IcebergTables.schema(LakehouseTables.BRONZE_CUSTOMERS_CHANGES))).isTrue();
    }

    @Test
    void newTablesGetTheParquetLayoutThatSkipsDictionaryAndBoundsForUniqueColumns() {
        InMemoryCatalog catalog = new InMemoryCatalog();
        catalog.initialize("test", Map.of());
        Map<String, String> props = IcebergTables.ensure(catalog, LakehouseTables.BRONZE_CUSTOMERS_CHANGES).properties();

        assertThat(props).containsEntry("write.parquet.dict-encoding-enabled.column.raw", "false")
                .containsEntry("write.parquet.dict-encoding-enabled.column.source_position", "false")
                .doesNotContainKey("write.parquet.dict-encoding-enabled.column.op")
                .containsEntry("write.parquet.stats-enabled.column.raw", "false")
                .containsEntry("write.metadata.metrics.column.raw", "none")
                .containsEntry("write.metadata.metrics.column.source_coordinates", "counts")
                .containsEntry("write.parquet.compression-codec", ParquetLayout.CODEC)
                .containsEntry("write.parquet.compression-level", ParquetLayout.CODEC_LEVEL);
        assertThat(IcebergTables.ensure(catalog, LakehouseTables.SILVER_CUSTOMERS_CHANGES).properties())
                .containsEntry("write.metadata.metrics.column.email", "counts")
                .doesNotContainKey("write.metadata.metrics.column.dt_update")
                .doesNotContainKey("write.parquet.dict-encoding-enabled.column.sexo");
    }

    @Test
    void existingTableGetsTheLayoutItLacksAndKeepsItsOwnChoices() {
        InMemoryCatalog catalog = new InMemoryCatalog();
        catalog.initialize("test", Map.of());
        TableDefinition bronze = LakehouseTables.BRONZE_CUSTOMERS_CHANGES;
        catalog.createNamespace(Namespace.of("bronze"));
        catalog.createTable(IcebergTables.identifier(bronze), IcebergTables.schema(bronze),
                IcebergTables.partitionSpec(bronze, IcebergTables.schema(bronze)), Map.of(
                        "write.parquet.compression-codec", "snappy"));

        Map<String, String> props = IcebergTables.ensure(catalog, bronze).properties();

        assertThat(props).containsEntry("write.parquet.compression-codec", "snappy")
                .containsEntry("write.metadata.metrics.column.raw", "none");
    }
}
