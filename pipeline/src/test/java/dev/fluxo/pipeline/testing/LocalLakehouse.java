package dev.fluxo.pipeline.testing;

import dev.fluxo.pipeline.write.CatalogFactory;
import dev.fluxo.pipeline.write.CatalogSettings;
import org.apache.iceberg.catalog.Catalog;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The local target's storage: an Iceberg JDBC catalog on the embedded PostgreSQL, table files on s3proxy through
 * S3FileIO. One instance per test class.
 */
public final class LocalLakehouse implements AutoCloseable {
    public static final String BUCKET = "lakehouse";

    private final SourceDatabase db;
    private final LocalS3 s3;

    private LocalLakehouse(SourceDatabase db, LocalS3 s3) {
        this.db = db;
        this.s3 = s3;
    }

    public static LocalLakehouse start(Path dir) throws Exception {
        SourceDatabase db = SourceDatabase.start();
        db.execute("create database iceberg");
        return new LocalLakehouse(db, LocalS3.start(dir, BUCKET));
    }

    /** The catalog settings as the local target would pass them; {@code name} isolates tests sharing the database. */
    public Map<String, String> catalogProperties(String name) {
        Map<String, String> p = new HashMap<>();
        p.put(CatalogSettings.TYPE, "jdbc");
        p.put(CatalogSettings.NAME, name);
        p.put(CatalogSettings.WAREHOUSE, "s3://" + BUCKET + "/" + name);
        p.put(CatalogSettings.JDBC_URI, db.jdbcUrl("iceberg"));
        p.put(CatalogSettings.JDBC_USER, "postgres");
        p.put(CatalogSettings.JDBC_PASSWORD, "postgres");
        p.put(CatalogSettings.S3_ENDPOINT, s3.endpoint());
        p.put(CatalogSettings.S3_ACCESS_KEY_ID, LocalS3.ACCESS_KEY);
        p.put(CatalogSettings.S3_SECRET_ACCESS_KEY, LocalS3.SECRET_KEY);
        p.put(CatalogSettings.REGION, LocalS3.REGION);
        return p;
    }

    public Catalog catalog(String name) {
        return CatalogFactory.create(catalogProperties(name));
    }

    public Path bucketDirectory() {
        return s3.bucketDirectory(BUCKET);
    }

    @Override
    public void close() throws Exception {
        s3.close();
        db.close();
    }
}
