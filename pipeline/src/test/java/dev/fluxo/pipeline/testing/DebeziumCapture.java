package dev.fluxo.pipeline.testing;

import io.debezium.engine.ChangeEvent;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.format.Json;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the Debezium embedded engine (pgoutput, JSON converter) against a {@link SourceDatabase} and collects the
 * change events it emits, exactly as Kafka would carry them.
 */
public final class DebeziumCapture implements AutoCloseable {
    private static final AtomicInteger RUNS = new AtomicInteger();

    private final DebeziumEngine<ChangeEvent<String, String>> engine;
    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private final BlockingQueue<ChangeEvent<String, String>> events = new LinkedBlockingQueue<>();

    /** Starts capturing {@code public.customers}: a snapshot of existing rows, then the stream. */
    public DebeziumCapture(SourceDatabase db, boolean schemas) {
        int run = RUNS.incrementAndGet();
        Properties p = new Properties();
        p.setProperty("name", "capture-" + run);
        p.setProperty("connector.class", "io.debezium.connector.postgresql.PostgresConnector");
        p.setProperty("offset.storage", "org.apache.kafka.connect.storage.MemoryOffsetBackingStore");
        p.setProperty("offset.flush.interval.ms", "1000");
        p.setProperty("database.hostname", "127.0.0.1");
        p.setProperty("database.port", String.valueOf(db.port()));
        p.setProperty("database.user", "postgres");
        p.setProperty("database.password", "postgres");
        p.setProperty("database.dbname", "postgres");
        p.setProperty("topic.prefix", "fluxo");
        p.setProperty("plugin.name", "pgoutput");
        p.setProperty("slot.name", "capture_" + run);
        p.setProperty("slot.drop.on.stop", "true");
        p.setProperty("publication.name", "capture_pub_" + run);
        p.setProperty("publication.autocreate.mode", "filtered");
        p.setProperty("table.include.list", "public.customers");
        p.setProperty("snapshot.mode", "initial");
        p.setProperty("key.converter.schemas.enable", String.valueOf(schemas));
        p.setProperty("value.converter.schemas.enable", String.valueOf(schemas));
        engine = DebeziumEngine.create(Json.class).using(p).notifying(events::add).build();
        executor.execute(engine);
    }

    /** Waits for {@code count} events (tombstones included), failing after {@code seconds}. */
    public List<ChangeEvent<String, String>> take(int count, int seconds) throws InterruptedException {
        List<ChangeEvent<String, String>> taken = new ArrayList<>(count);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (taken.size() < count) {
            long left = deadline - System.nanoTime();
            ChangeEvent<String, String> e = left <= 0 ? null : events.poll(left, TimeUnit.NANOSECONDS);
            if (e == null) {
                throw new IllegalStateException("got " + taken.size() + " of " + count + " change events in " + seconds
                        + " s: " + taken.stream().map(ChangeEvent::value).toList());
            }
            taken.add(e);
        }
        return taken;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        engine.close();
        executor.shutdown();
        executor.awaitTermination(30, TimeUnit.SECONDS);
    }
}
