package dev.fluxo.pipeline.write;

import dev.fluxo.schema.Column;
import dev.fluxo.schema.ColumnType;
import dev.fluxo.schema.PartitionField;
import dev.fluxo.schema.TableDefinition;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.UpdatePartitionSpec;
import org.apache.iceberg.UpdateProperties;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.AlreadyExistsException;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The lakehouse's tables in Iceberg terms, derived from the schema module's {@link TableDefinition}s and never declared
 * again here: one mapping from {@link ColumnType} to Iceberg types, the partition spec from
 * {@link TableDefinition#partitioning()}, and creating or completing a table in a catalog.
 */
public final class IcebergTables {
    /** Iceberg format version of the tables this pipeline creates. */
    public static final String FORMAT_VERSION = "2";

    private IcebergTables() {
    }

    /** The Iceberg type of a lakehouse column type. */
    public static Type type(ColumnType type) {
        return switch (type) {
            case STRING -> Types.StringType.get();
            case INT -> Types.IntegerType.get();
            case LONG -> Types.LongType.get();
            case BOOLEAN -> Types.BooleanType.get();
            case TIMESTAMP -> Types.TimestampType.withZone();
            case BINARY -> Types.BinaryType.get();
        };
    }

    /** The table's Iceberg schema: its columns in order, field ids from 1. */
    public static Schema schema(TableDefinition table) {
        List<Types.NestedField> fields = new ArrayList<>(table.columns().size());
        int id = 1;
        for (Column c : table.columns()) {
            fields.add(Types.NestedField.of(id++, !c.required(), c.name(), type(c.type()), c.doc()));
        }
        return new Schema(fields);
    }

    /** The partition spec the definition asks for, over {@code schema}. */
    public static PartitionSpec partitionSpec(TableDefinition table, Schema schema) {
        PartitionSpec.Builder spec = PartitionSpec.builderFor(schema);
        for (PartitionField p : table.partitioning()) {
            switch (p.transform()) {
                case DAY -> spec.day(p.column());
                case IDENTITY -> spec.identity(p.column());
            }
        }
        return spec.build();
    }

    /** {@code layer.name} as a catalog identifier. */
    public static TableIdentifier identifier(TableDefinition table) {
        return identifier(table, "");
    }

    /** {@code <prefix>layer.name} as a catalog identifier, e.g. {@code fluxo_dev_silver.customers_changes}. */
    public static TableIdentifier identifier(TableDefinition table, String namespacePrefix) {
        return TableIdentifier.of(Namespace.of(table.layer().database(namespacePrefix)), table.name());
    }

    /**
     * The table, created if missing (format version {@value #FORMAT_VERSION}, the definition's partitioning, the
     * {@link ParquetLayout}). An existing table, e.g. one the Glue catalog holds from the stack, gets the columns,
     * partition fields and layout properties it lacks; nothing is ever removed, and properties it sets are kept.
     */
    public static Table ensure(Catalog catalog, TableDefinition definition) {
        return ensure(catalog, definition, "");
    }

    /** As {@link #ensure(Catalog, TableDefinition)}, in the {@code <namespacePrefix><layer>} namespace. */
    public static Table ensure(Catalog catalog, TableDefinition definition, String namespacePrefix) {
        TableIdentifier id = identifier(definition, namespacePrefix);
        Schema schema = schema(definition);
        if (!catalog.tableExists(id)) {
            if (catalog instanceof SupportsNamespaces namespaces && !namespaces.namespaceExists(id.namespace())) {
                try {
                    namespaces.createNamespace(id.namespace());
                } catch (AlreadyExistsException raced) {
                    // another writer created it first: fine
                }
            }
            try {
                Map<String, String> properties = new HashMap<>(ParquetLayout.properties(definition));
                properties.put(TableProperties.FORMAT_VERSION, FORMAT_VERSION);
                properties.put("comment", definition.description());
                return catalog.createTable(id, schema, partitionSpec(definition, schema), null, properties);
            } catch (AlreadyExistsException raced) {
                // another writer created it between the check and here: complete it below
            }
        }
        Table table = catalog.loadTable(id);
        complete(table, definition, schema);
        return table;
    }

    private static void complete(Table table, TableDefinition definition, Schema schema) {
        boolean missingColumn = definition.columns().stream().anyMatch(c -> table.schema().findField(c.name()) == null);
        if (missingColumn) {
            table.updateSchema().unionByNameWith(schema).commit();
        }
        List<PartitionField> missing = definition.partitioning().stream()
                .filter(p -> table.spec().fields().stream().noneMatch(f -> covers(table, f, p))).toList();
        if (!missing.isEmpty()) {
            UpdatePartitionSpec update = table.updateSpec();
            for (PartitionField p : missing) {
                switch (p.transform()) {
                    case DAY -> update.addField(Expressions.day(p.column()));
                    case IDENTITY -> update.addField(p.column());
                }
            }
            update.commit();
        }
        Map<String, String> lacking = new HashMap<>(ParquetLayout.properties(definition));
        lacking.keySet().removeAll(table.properties().keySet());
        if (!lacking.isEmpty()) {
            UpdateProperties update = table.updateProperties();
            lacking.forEach(update::set);
            update.commit();
        }
    }

    private static boolean covers(Table table, org.apache.iceberg.PartitionField field, PartitionField wanted) {
        String source = table.schema().findColumnName(field.sourceId());
        String transform = wanted.transform() == PartitionField.Transform.DAY ? "day" : "identity";
        return wanted.column().equals(source) && transform.equals(field.transform().toString());
    }
}
