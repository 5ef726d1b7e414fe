package dev.fluxo.local.service;

import dev.fluxo.local.LocalException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * The stand-in for RDS: PostgreSQL 17 (embedded binaries) with {@code wal_level=logical}, its data kept under the
 * state directory so a restart finds the table, the publication, the replication slot and the Iceberg catalog.
 * Two databases: {@value #SOURCE_DATABASE} (the producer's table) and {@value #CATALOG_DATABASE} (Iceberg's JDBC
 * catalog, the stand-in for Glue).
 */
public final class SourceDatabase implements AutoCloseable {
    public static final String SOURCE_DATABASE = "postgres";
    public static final String CATALOG_DATABASE = "fluxo_catalog";
    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private final EmbeddedPostgres postgres;
    private final Path dataDir;
    private final int port;

    private SourceDatabase(EmbeddedPostgres postgres, Path dataDir, int port) {
        this.postgres = postgres;
        this.dataDir = dataDir;
        this.port = port;
    }

    /** Starts PostgreSQL on {@code 127.0.0.1:port} over {@code dataDir} (initialised on the first run). */
    public static SourceDatabase start(Path dataDir, int port) {
        EmbeddedPostgres pg;
        try {
            pg = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("wal_level", "logical")
                    .setServerConfig("max_replication_slots", "4")
                    .setServerConfig("max_wal_senders", "4")
                    .setServerConfig("max_connections", "60")
                    .start();
        } catch (IOException | RuntimeException e) {
            throw new LocalException("PostgreSQL did not start on 127.0.0.1:" + port + " over " + dataDir + ": "
                    + e.getMessage(), e);
        }
        SourceDatabase db = new SourceDatabase(pg, dataDir, port);
        db.ensureCatalogDatabase();
        return db;
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return jdbcUrl(port, database);
    }

    public static String jdbcUrl(int port, String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** The postmaster's pid, to stop an orphan after a crash. */
    public long pid() {
        try {
            return Long.parseLong(java.nio.file.Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), USER, PASSWORD);
    }

    private void ensureCatalogDatabase() {
        try (Connection c = connect(SOURCE_DATABASE); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + CATALOG_DATABASE + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            s.execute("CREATE DATABASE " + CATALOG_DATABASE);
        } catch (SQLException e) {
            throw new LocalException("cannot create the catalog database: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
