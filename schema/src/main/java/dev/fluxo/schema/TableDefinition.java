package dev.fluxo.schema;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A lakehouse table: where it lives, its columns, how it is partitioned and, for current-state tables,
 * the columns that identify a row.
 *
 * @param layer            the medallion layer (and so the Glue database)
 * @param name             the table name inside the layer's database
 * @param description      one line for the catalog
 * @param columns          the columns, in order
 * @param partitioning     Iceberg partition fields (empty: unpartitioned)
 * @param identifierFields the row identity for merge targets (empty: append-only table)
 */
public record TableDefinition(Layer layer, String name, String description, List<Column> columns,
                              List<PartitionField> partitioning, List<String> identifierFields) {
    public TableDefinition {
        Objects.requireNonNull(layer, "layer");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        columns = List.copyOf(columns);
        partitioning = List.copyOf(partitioning);
        identifierFields = List.copyOf(identifierFields);
        var names = columns.stream().map(Column::name).toList();
        if (names.stream().distinct().count() != names.size()) {
            throw new IllegalArgumentException(name + ": duplicate column names in " + names);
        }
        for (var p : partitioning) {
            if (!names.contains(p.column())) {
                throw new IllegalArgumentException(name + ": partition column " + p.column() + " is not a column");
            }
        }
        for (var id : identifierFields) {
            if (!names.contains(id)) {
                throw new IllegalArgumentException(name + ": identifier " + id + " is not a column");
            }
        }
    }

    /** {@code layer.name}, as SQL and the Iceberg catalog refer to it. */
    public String qualifiedName() {
        return qualifiedName("");
    }

    /** {@code <prefix>layer.name}: the table in its environment's namespace (e.g. {@code fluxo_dev_gold.customers}). */
    public String qualifiedName(String namespacePrefix) {
        return layer.database(namespacePrefix) + "." + name;
    }

    public Optional<Column> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }

    public List<String> columnNames() {
        return columns.stream().map(Column::name).toList();
    }
}
