package dev.fluxo.transform.testing;

import io.debezium.engine.ChangeEvent;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.format.Json;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Real Debezium JSON: runs SQL on {@code public.customers} of the test database and returns what the Debezium
 * embedded engine (pgoutput, JSON converter without schemas, as MSK Connect is configured) emits for it, tombstones
 * included, in order.
 */
public final class CapturedChanges {
    /** The topic Debezium names for the table with prefix {@code fluxo}. */
    public static final String TOPIC = "fluxo.public.customers";

    private CapturedChanges() {
    }

    /** One change event as Kafka would carry it. */
    public record Change(String key, String value) {
    }

    public static List<Change> capture(TestLakehouse db, int expectedEvents, String... sql) throws Exception {
        db.execute("postgres", """
                create table if not exists public.customers (
                  id bigserial primary key, nome text, sexo char(1), endereco text, telefone text, email text,
                  foto text, profissao text, dt_update timestamp(6) not null default (now() at time zone 'utc'));
                alter table public.customers replica identity full""");
        Properties p = new Properties();
        p.setProperty("name", "capture");
        p.setProperty("connector.class", "io.debezium.connector.postgresql.PostgresConnector");
        p.setProperty("offset.storage", "org.apache.kafka.connect.storage.MemoryOffsetBackingStore");
        p.setProperty("database.hostname", "127.0.0.1");
        p.setProperty("database.port", String.valueOf(db.port()));
        p.setProperty("database.user", "postgres");
        p.setProperty("database.password", "postgres");
        p.setProperty("database.dbname", "postgres");
        p.setProperty("topic.prefix", "fluxo");
        p.setProperty("plugin.name", "pgoutput");
        p.setProperty("slot.name", "transform_test");
        p.setProperty("slot.drop.on.stop", "true");
        p.setProperty("publication.autocreate.mode", "filtered");
        p.setProperty("table.include.list", "public.customers");
        p.setProperty("snapshot.mode", "no_data");
        p.setProperty("key.converter.schemas.enable", "false");
        p.setProperty("value.converter.schemas.enable", "false");
        BlockingQueue<ChangeEvent<String, String>> events = new LinkedBlockingQueue<>();
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try (DebeziumEngine<ChangeEvent<String, String>> engine = DebeziumEngine.create(Json.class).using(p)
                .notifying(events::add).build()) {
            executor.execute(engine);
            waitForSlot(db);
            db.execute("postgres", sql);
            List<Change> changes = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (changes.size() < expectedEvents) {
                ChangeEvent<String, String> e = events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (e == null) {
                    throw new IllegalStateException("Debezium emitted " + changes.size() + " of " + expectedEvents
                            + " events: " + changes);
                }
                changes.add(new Change(e.key(), e.value()));
            }
            return changes;
        } finally {
            executor.shutdown();
            executor.awaitTermination(30, TimeUnit.SECONDS);
        }
    }

    /** Streaming starts once the engine's replication slot exists and is active. */
    private static void waitForSlot(TestLakehouse db) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            try (var c = java.sql.DriverManager.getConnection(db.jdbcUrl("postgres"), "postgres", "postgres");
                 var rs = c.createStatement().executeQuery(
                         "select count(*) from pg_replication_slots where slot_name = 'transform_test' and active")) {
                rs.next();
                if (rs.getInt(1) == 1) {
                    return;
                }
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("Debezium's replication slot did not become active");
    }
}
