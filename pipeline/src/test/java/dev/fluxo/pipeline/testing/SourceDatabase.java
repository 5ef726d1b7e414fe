package dev.fluxo.pipeline.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** An embedded PostgreSQL 17 with logical decoding on and the source table {@code public.customers}. */
public final class SourceDatabase implements AutoCloseable {
    /** The source table as the producer creates it; {@code dt_update} is a {@code timestamp} (microseconds, no zone). */
    public static final String CREATE_CUSTOMERS = """
            create table if not exists public.customers (
              id bigserial primary key, nome text, sexo char(1), endereco text, telefone text, email text, foto text,
              profissao text, dt_update timestamp(6) not null default (now() at time zone 'utc'));
            alter table public.customers replica identity full""";

    private final EmbeddedPostgres postgres;

    private SourceDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    public static SourceDatabase start() {
        try {
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setServerConfig("wal_level", "logical")
                    .setServerConfig("max_replication_slots", "8")
                    .setServerConfig("max_wal_senders", "8")
                    .start();
            SourceDatabase db = new SourceDatabase(pg);
            db.execute(CREATE_CUSTOMERS);
            return db;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl("postgres"), "postgres", "postgres");
    }

    public void execute(String sql) {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("SQL failed: " + sql, e);
        }
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
