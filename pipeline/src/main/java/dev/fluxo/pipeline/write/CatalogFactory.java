package dev.fluxo.pipeline.write;

import org.apache.iceberg.CatalogUtil;
import org.apache.iceberg.catalog.Catalog;

import java.util.Map;

/** Builds the Iceberg catalog the settings name: Glue on AWS, JDBC locally, both over S3FileIO. */
public final class CatalogFactory {
    private CatalogFactory() {
    }

    /** Validates {@code properties} (see {@link CatalogSettings} for the keys) and builds the catalog. */
    public static Catalog create(Map<String, String> properties) {
        return create(CatalogSettings.from(properties));
    }

    public static Catalog create(CatalogSettings settings) {
        // No Hadoop configuration: S3FileIO does not need one, and loading it only adds cold-start time.
        return CatalogUtil.buildIcebergCatalog(settings.name(), settings.icebergProperties(), null);
    }
}
