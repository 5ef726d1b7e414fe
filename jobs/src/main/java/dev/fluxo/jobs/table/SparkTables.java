package dev.fluxo.jobs.table;

import dev.fluxo.schema.Column;
import dev.fluxo.schema.ColumnType;
import dev.fluxo.schema.PartitionField;
import dev.fluxo.schema.TableDefinition;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The one mapping from the schema module's {@link TableDefinition}s to Spark: struct types, qualified names and
 * {@code CREATE TABLE} statements. Column lists are never spelled out by hand elsewhere in this module.
 */
public final class SparkTables {
    /** Iceberg format version of the tables the job creates (the same as the pipeline's). */
    public static final String FORMAT_VERSION = "2";

    private SparkTables() {
    }

    /** The Spark type of a lakehouse column type (TIMESTAMP is an instant: Iceberg {@code timestamptz}). */
    public static DataType sparkType(ColumnType type) {
        return switch (type) {
            case STRING -> DataTypes.StringType;
            case INT -> DataTypes.IntegerType;
            case LONG -> DataTypes.LongType;
            case BOOLEAN -> DataTypes.BooleanType;
            case TIMESTAMP -> DataTypes.TimestampType;
            case BINARY -> DataTypes.BinaryType;
        };
    }

    /** The table's columns as a Spark struct, in order; required columns are not nullable. */
    public static StructType structType(TableDefinition table) {
        return new StructType(table.columns().stream()
                .map(c -> new StructField(c.name(), sparkType(c.type()), !c.required(), Metadata.empty()))
                .toArray(StructField[]::new));
    }

    /** {@code CREATE TABLE IF NOT EXISTS} for the definition: Iceberg, format v2, hidden partitioning, comments. */
    public static String createTableDdl(LakeTables lake, TableDefinition table) {
        return createTableDdl(lake, table, Map.of());
    }

    /** As {@link #createTableDdl(LakeTables, TableDefinition)}, with extra table properties. */
    public static String createTableDdl(LakeTables lake, TableDefinition table, Map<String, String> properties) {
        String columns = table.columns().stream().map(SparkTables::columnDdl).collect(Collectors.joining(", "));
        String partitioning = table.partitioning().isEmpty() ? ""
                : " PARTITIONED BY (" + table.partitioning().stream().map(SparkTables::partitionDdl)
                        .collect(Collectors.joining(", ")) + ")";
        return "CREATE TABLE IF NOT EXISTS " + lake.qualifiedName(table) + " (" + columns + ") USING iceberg"
                + partitioning + " COMMENT " + literal(table.description())
                + " TBLPROPERTIES (" + new TreeMap<>(withFormat(properties)).entrySet().stream()
                        .map(e -> literal(e.getKey()) + " = " + literal(e.getValue())).collect(Collectors.joining(", "))
                + ")";
    }

    private static Map<String, String> withFormat(Map<String, String> properties) {
        Map<String, String> all = new TreeMap<>(properties);
        all.put("format-version", FORMAT_VERSION);
        return all;
    }

    /** The column names joined for SQL, e.g. {@code id, nome, ...} with an optional alias prefix. */
    public static String columnList(List<String> names, String prefix) {
        return names.stream().map(n -> prefix + n).collect(Collectors.joining(", "));
    }

    private static String columnDdl(Column c) {
        return c.name() + " " + sparkType(c.type()).sql() + (c.required() ? " NOT NULL" : "")
                + " COMMENT " + literal(c.doc());
    }

    private static String partitionDdl(PartitionField p) {
        return switch (p.transform()) {
            case DAY -> "days(" + p.column() + ")";
            case IDENTITY -> p.column();
        };
    }

    private static String literal(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
