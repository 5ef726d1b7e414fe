package dev.fluxo.jobs.config;

/** Where the Iceberg tables are registered. */
public enum CatalogType {
    /** AWS Glue Data Catalog ({@code org.apache.iceberg.aws.glue.GlueCatalog}), as on EMR. */
    GLUE("org.apache.iceberg.aws.glue.GlueCatalog"),
    /** Iceberg's JDBC catalog ({@code org.apache.iceberg.jdbc.JdbcCatalog}), as in the local target. */
    JDBC("org.apache.iceberg.jdbc.JdbcCatalog");

    private final String implementation;

    CatalogType(String implementation) {
        this.implementation = implementation;
    }

    /** The Iceberg catalog class. */
    public String implementation() {
        return implementation;
    }
}
