package dev.fluxo.transform.testing;

import dev.fluxo.pipeline.write.CatalogFactory;
import dev.fluxo.pipeline.write.IcebergTables;
import dev.fluxo.schema.TableDefinition;
import dev.fluxo.transform.config.TransformSettings;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The local target's services for one test class: an embedded PostgreSQL 17 (logical decoding on; the Iceberg JDBC
 * catalog lives in its database {@value #CATALOG_DATABASE}) and s3proxy on a filesystem store (bucket
 * {@value #BUCKET}). {@link #environment} is a transform function's environment pointing at them.
 */
public final class TestLakehouse implements AutoCloseable {
    public static final String BUCKET = "lakehouse";
    public static final String CATALOG_DATABASE = "iceberg";
    public static final String MASKING_KEY = "a-local-masking-key-of-32-bytes!";
    /** Credentials the Glue REST requests of {@link #glueRestEnvironment} are signed with. */
    public static final String SIGNING_ACCESS_KEY = "AKIDFLUXOTEST";
    public static final String SIGNING_SECRET_KEY = "fluxo-test-signing-secret";
    private static final String ACCESS_KEY = "local";
    private static final String SECRET_KEY = "localsecret";

    private final EmbeddedPostgres postgres;
    private final S3Proxy s3;

    private TestLakehouse(EmbeddedPostgres postgres, S3Proxy s3) {
        this.postgres = postgres;
        this.s3 = s3;
    }

    public static TestLakehouse start(Path dir) throws Exception {
        EmbeddedPostgres pg = EmbeddedPostgres.builder().setServerConfig("wal_level", "logical")
                .setServerConfig("max_replication_slots", "4").setServerConfig("max_wal_senders", "4").start();
        Files.createDirectories(dir.resolve(BUCKET));
        Properties props = new Properties();
        props.setProperty("jclouds.filesystem.basedir", dir.toString());
        S3Proxy proxy = S3Proxy.builder().blobStore(BlobStores.create("filesystem", props))
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY).build();
        proxy.start();
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!"STARTED".equals(proxy.getState()) && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        TestLakehouse lakehouse = new TestLakehouse(pg, proxy);
        lakehouse.execute("postgres", "create database " + CATALOG_DATABASE);
        return lakehouse;
    }

    /**
     * A transform function's environment: JDBC catalog {@code name} in {@code database}, warehouse
     * {@code s3://lakehouse/name} on s3proxy, the masking key given directly.
     */
    public Map<String, String> environment(String database, String name) {
        Map<String, String> env = new HashMap<>();
        env.put(TransformSettings.CATALOG, "jdbc");
        env.put("FLUXO_CATALOG_NAME", name);
        env.put("FLUXO_CATALOG_WAREHOUSE", "s3://" + BUCKET + "/" + name);
        env.put("FLUXO_CATALOG_JDBC_URI", jdbcUrl(database));
        env.put("FLUXO_CATALOG_JDBC_USER", "postgres");
        env.put("FLUXO_CATALOG_JDBC_PASSWORD", "postgres");
        env.put("FLUXO_S3_ENDPOINT", "http://127.0.0.1:" + s3.getPort());
        env.put("FLUXO_S3_ACCESS_KEY_ID", ACCESS_KEY);
        env.put("FLUXO_S3_SECRET_ACCESS_KEY", SECRET_KEY);
        env.put(TransformSettings.AWS_REGION, "us-east-1");
        env.put(TransformSettings.MASKING_KEY, MASKING_KEY);
        return env;
    }

    public Map<String, String> environment(String name) {
        return environment(CATALOG_DATABASE, name);
    }

    /**
     * A transform function's environment as on AWS, catalog type {@code glue-rest}, but with the Glue Iceberg REST
     * endpoint at {@code glue} and tables on s3proxy. The signer's credentials come from the default chain, as in
     * Lambda: {@link #SIGNING_ACCESS_KEY} in the variables or system properties of the caller's choice.
     */
    public Map<String, String> glueRestEnvironment(String name, IcebergRestServer glue, String catalogId) {
        Map<String, String> env = environment(name);
        env.keySet().removeIf(k -> k.startsWith("FLUXO_CATALOG_JDBC") || k.equals("FLUXO_CATALOG_WAREHOUSE"));
        env.put(TransformSettings.CATALOG, "glue-rest");
        env.put("FLUXO_CATALOG_GLUE_CATALOG_ID", catalogId);
        env.put("FLUXO_CATALOG_GLUE_ENDPOINT", glue.endpoint());
        return env;
    }

    /** The catalog an environment names, for reading tables back. */
    public static Catalog catalog(Map<String, String> env) {
        return CatalogFactory.create(TransformSettings.properties(env));
    }

    /** Every row of a table, as IcebergGenerics reads it. */
    public static List<Record> read(Catalog catalog, TableDefinition definition) throws Exception {
        Table table = catalog.loadTable(IcebergTables.identifier(definition));
        List<Record> rows = new ArrayList<>();
        try (CloseableIterable<Record> it = IcebergGenerics.read(table).build()) {
            it.forEach(r -> rows.add(r.copy()));
        }
        return rows;
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    public void execute(String database, String... statements) {
        try (Connection c = DriverManager.getConnection(jdbcUrl(database), "postgres", "postgres");
             Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("SQL failed on " + database + ": " + String.join("; ", statements), e);
        }
    }

    @Override
    public void close() throws Exception {
        s3.stop();
        postgres.close();
    }
}
