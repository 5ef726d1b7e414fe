package dev.fluxo.jobs.stream;

import dev.fluxo.jobs.table.LakeTables;
import dev.fluxo.jobs.support.TestLakehouse;
import dev.fluxo.jobs.table.GoldTables;
import dev.fluxo.jobs.table.SparkTables;
import dev.fluxo.schema.Column;
import dev.fluxo.schema.TableDefinition;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SparkTablesTest {

    @Test
    void tablesCreatedFromTheSchemaDefinitionsHaveTheirColumnsNullabilityAndPartitioning() {
        TestLakehouse lake = new TestLakehouse("ddl").withSilver();
        lake.spark().sql("CREATE NAMESPACE IF NOT EXISTS ddl.gold");
        for (TableDefinition t : GoldTables.OWNED) {
            lake.spark().sql(SparkTables.createTableDdl(new LakeTables("ddl", LakeTables.NO_PREFIX), t));
        }

        for (TableDefinition t : List.of(GoldTables.SILVER_CHANGES, GoldTables.CUSTOMERS, GoldTables.CUSTOMERS_DELETES,
                GoldTables.BY_PROFISSAO)) {
            StructField[] fields = lake.spark().table(lake.table(t)).schema().fields();
            assertThat(Arrays.stream(fields).map(StructField::name).toList()).isEqualTo(t.columnNames());
            assertThat(Arrays.stream(fields).map(StructField::nullable).toList())
                    .isEqualTo(t.columns().stream().map(c -> !c.required()).toList());
        }
        String partitioning = lake.spark().sql("SELECT * FROM " + lake.table(GoldTables.SILVER_CHANGES) + ".partitions")
                .schema().apply("partition").dataType().sql();
        assertThat(partitioning).contains("commit_time_day");
        assertThat(lake.spark().sql("SHOW TBLPROPERTIES " + lake.table(GoldTables.CUSTOMERS) + " ('format-version')")
                .first().getString(1)).isEqualTo(SparkTables.FORMAT_VERSION);
    }

    @Test
    void theDeletesTableKeepsGoldsIdentityAndPositionColumns() {
        assertThat(GoldTables.CUSTOMERS_DELETES.columnNames()).containsExactly("id", "source_position", "commit_time");
        assertThat(GoldTables.CUSTOMERS_DELETES.columns()).allMatch(Column::required);
    }
}
