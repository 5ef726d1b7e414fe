package dev.fluxo.pipeline.write;

import org.apache.iceberg.CatalogUtil;
import org.apache.iceberg.catalog.Catalog;

import java.util.Map;

/**
 * Builds the Iceberg catalog the settings name: Glue on AWS (its Iceberg REST endpoint, or the Glue SDK client), JDBC
 * locally, all over S3FileIO.
 */
public final class CatalogFactory {
    /** Present only where the Glue SDK client is: this module declares it optional. */
    static final String GLUE_CLIENT_CLASS = "software.amazon.awssdk.services.glue.GlueClient";

    private CatalogFactory() {
    }

    /** Validates {@code properties} (see {@link CatalogSettings} for the keys) and builds the catalog. */
    public static Catalog create(Map<String, String> properties) {
        return create(CatalogSettings.from(properties));
    }

    public static Catalog create(CatalogSettings settings) {
        if (settings.type() == CatalogSettings.Type.GLUE && !onClasspath(GLUE_CLIENT_CLASS)) {
            throw new IllegalStateException("catalog type glue needs the Glue SDK client (software.amazon.awssdk:glue),"
                    + " which this runtime does not carry; use " + CatalogSettings.TYPE + "="
                    + CatalogSettings.Type.GLUE_REST.id() + " (the same Glue catalog through its Iceberg REST endpoint)");
        }
        // No Hadoop configuration: S3FileIO does not need one, and loading it only adds cold-start time.
        return CatalogUtil.buildIcebergCatalog(settings.name(), settings.icebergProperties(), null);
    }

    private static boolean onClasspath(String className) {
        try {
            Class.forName(className, false, CatalogFactory.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
