package dev.fluxo.schema;

/**
 * Logical column types of the lakehouse. Each maps to one Glue/Hive type name (what Athena shows) and,
 * in the data plane, to one Iceberg type.
 */
public enum ColumnType {
    STRING("string"),
    INT("int"),
    LONG("bigint"),
    BOOLEAN("boolean"),
    /** An instant, stored in UTC (Iceberg {@code timestamptz}). */
    TIMESTAMP("timestamp"),
    BINARY("binary");

    private final String glueType;

    ColumnType(String glueType) {
        this.glueType = glueType;
    }

    /** The type name as the Glue catalog and Athena spell it. */
    public String glueType() {
        return glueType;
    }
}
