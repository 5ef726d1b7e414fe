package dev.fluxo.local.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fluxo.local.LocalException;
import dev.fluxo.producer.db.SchemaBootstrap;
import dev.fluxo.schema.CustomerColumns;
import io.debezium.engine.ChangeEvent;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.format.Json;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The stand-in for Debezium on MSK Connect: the Debezium PostgreSQL connector (pgoutput) in an embedded engine,
 * publishing each change event as JSON without schemas (as the MSK Connect worker is configured) to the change topic,
 * keyed by the customer id. Source offsets are committed to a file only after Kafka acknowledged the batch, so a
 * crash replays changes (at least once; gold's merge ignores replays) and never loses one. Each Kafka record carries
 * the change's commit time ({@code source.ts_ms}) as its timestamp, from which the poller measures freshness.
 */
public final class ChangeCapture implements AutoCloseable {
    /** Debezium's topic prefix: events go to {@code fluxo.public.customers}. */
    public static final String TOPIC_PREFIX = "fluxo";
    /** The change topic. */
    public static final String TOPIC = TOPIC_PREFIX + ".public.customers";
    /** The logical replication slot. */
    public static final String SLOT = "fluxo_local";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DebeziumEngine<ChangeEvent<String, String>> engine;
    private final ExecutorService executor;
    private final KafkaProducer<byte[], byte[]> producer;
    private final AtomicLong captured = new AtomicLong();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    private ChangeCapture(int pgPort, Path offsets, String bootstrapServers) {
        this.producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrapServers, "acks", "all",
                "enable.idempotence", "true", "linger.ms", "5", "client.id", "fluxo-debezium"),
                new ByteArraySerializer(), new ByteArraySerializer());
        Properties p = new Properties();
        p.setProperty("name", "fluxo-local-capture");
        p.setProperty("connector.class", "io.debezium.connector.postgresql.PostgresConnector");
        p.setProperty("offset.storage", "org.apache.kafka.connect.storage.FileOffsetBackingStore");
        p.setProperty("offset.storage.file.filename", offsets.toString());
        p.setProperty("offset.flush.interval.ms", "1000");
        p.setProperty("database.hostname", "127.0.0.1");
        p.setProperty("database.port", String.valueOf(pgPort));
        p.setProperty("database.user", SourceDatabase.USER);
        p.setProperty("database.password", SourceDatabase.PASSWORD);
        p.setProperty("database.dbname", SourceDatabase.SOURCE_DATABASE);
        p.setProperty("topic.prefix", TOPIC_PREFIX);
        p.setProperty("plugin.name", "pgoutput");
        p.setProperty("slot.name", SLOT);
        p.setProperty("publication.name", SchemaBootstrap.DEFAULT_PUBLICATION);
        p.setProperty("publication.autocreate.mode", "disabled");
        p.setProperty("table.include.list", CustomerColumns.SOURCE_TABLE);
        p.setProperty("snapshot.mode", "initial");
        p.setProperty("key.converter.schemas.enable", "false");
        p.setProperty("value.converter.schemas.enable", "false");
        p.setProperty("max.batch.size", "2048");
        p.setProperty("poll.interval.ms", "50");
        CountDownLatch started = new CountDownLatch(1);
        this.engine = DebeziumEngine.create(Json.class)
                .using(p)
                .using(new DebeziumEngine.ConnectorCallback() {
                    @Override
                    public void taskStarted() {
                        started.countDown();
                    }
                })
                .using((success, message, error) -> {
                    if (!success) {
                        failure.compareAndSet(null, error != null ? error : new IllegalStateException(message));
                    }
                    started.countDown();
                })
                .notifying(this::publish)
                .build();
        this.executor = Executors.newSingleThreadExecutor(r -> new Thread(r, "fluxo-debezium"));
        executor.execute(engine);
        try {
            if (!started.await(60, TimeUnit.SECONDS)) {
                throw new LocalException("Debezium did not start within 60 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalException("interrupted while starting Debezium", e);
        }
        if (failure.get() != null) {
            throw new LocalException("Debezium failed to start: " + failure.get().getMessage(), failure.get());
        }
    }

    /**
     * Starts capturing {@code public.customers} from PostgreSQL on {@code pgPort} into {@link #TOPIC}; the first run
     * snapshots the existing rows, later runs resume from {@code offsets}.
     */
    public static ChangeCapture start(int pgPort, Path offsets, String bootstrapServers) {
        return new ChangeCapture(pgPort, offsets, bootstrapServers);
    }

    private void publish(List<ChangeEvent<String, String>> events,
                         DebeziumEngine.RecordCommitter<ChangeEvent<String, String>> committer)
            throws InterruptedException {
        List<Future<RecordMetadata>> sent = new ArrayList<>(events.size());
        long changes = 0;
        for (ChangeEvent<String, String> e : events) {
            byte[] key = e.key() == null ? null : e.key().getBytes(StandardCharsets.UTF_8);
            byte[] value = e.value() == null ? null : e.value().getBytes(StandardCharsets.UTF_8);
            sent.add(producer.send(new ProducerRecord<>(TOPIC, null, commitTime(e.value()), key, value)));
            if (value != null) {
                changes++;
            }
        }
        for (Future<RecordMetadata> f : sent) {
            try {
                f.get();
            } catch (java.util.concurrent.ExecutionException ex) {
                // not acknowledged: fail the engine so its offsets stay before this batch
                failure.compareAndSet(null, ex.getCause());
                throw new IllegalStateException("Kafka did not take a change event: " + ex.getCause(), ex.getCause());
            }
        }
        for (ChangeEvent<String, String> e : events) {
            committer.markProcessed(e);
        }
        committer.markBatchFinished();
        captured.addAndGet(changes);
    }

    /** The change's commit time in ms ({@code source.ts_ms}), or now if the event has none (tombstones). */
    static long commitTime(String value) {
        if (value != null) {
            try {
                JsonNode ts = JSON.readTree(value).path("source").path("ts_ms");
                if (ts.canConvertToLong()) {
                    return ts.asLong();
                }
            } catch (java.io.IOException e) {
                // not JSON: fall through
            }
        }
        return System.currentTimeMillis();
    }

    /** Change events (not tombstones) published since this start. */
    public long captured() {
        return captured.get();
    }

    /** Why the engine stopped, if it failed. */
    public Throwable failure() {
        return failure.get();
    }

    @Override
    public void close() throws Exception {
        engine.close();
        executor.shutdown();
        executor.awaitTermination(30, TimeUnit.SECONDS);
        producer.close(java.time.Duration.ofSeconds(10));
    }
}
