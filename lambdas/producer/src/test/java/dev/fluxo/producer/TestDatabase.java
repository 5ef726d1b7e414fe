package dev.fluxo.producer;

import dev.fluxo.producer.db.ConnectionSettings;
import dev.fluxo.producer.db.SchemaBootstrap;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** One embedded PostgreSQL 17 per test JVM (started on first use), reset to an empty database per test. */
public final class TestDatabase {
    private static EmbeddedPostgres postgres;

    private TestDatabase() {
    }

    public static synchronized EmbeddedPostgres postgres() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().setServerConfig("wal_level", "logical").start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is exiting
                }
            }));
        }
        return postgres;
    }

    public static int port() {
        return postgres().getPort();
    }

    /** Settings for the {@code postgres} database as user {@code postgres} (trust authentication). */
    public static ConnectionSettings settings() {
        return new ConnectionSettings("jdbc:postgresql://127.0.0.1:" + port() + "/postgres", "postgres", null);
    }

    public static Connection connect() throws SQLException {
        return settings().open();
    }

    /** Drops the customers table and every publication. */
    public static void reset() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS public.customers CASCADE");
            try (ResultSet rs = c.createStatement().executeQuery("SELECT pubname FROM pg_publication")) {
                while (rs.next()) {
                    c.createStatement().execute("DROP PUBLICATION " + rs.getString(1));
                }
            }
        }
    }

    /** {@link #reset()}, then an empty customers table and publication made by the bootstrap. */
    public static void resetWithSchema() throws SQLException {
        reset();
        try (Connection c = connect()) {
            new SchemaBootstrap().ensure(c);
        }
    }

    public static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
