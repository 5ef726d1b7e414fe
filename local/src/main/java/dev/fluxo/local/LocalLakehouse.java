package dev.fluxo.local;

import dev.fluxo.local.LocalPorts.Service;
import dev.fluxo.local.service.ChangeCapture;
import dev.fluxo.local.service.ChangeProducer;
import dev.fluxo.local.service.GoldJob;
import dev.fluxo.local.service.JobMetrics;
import dev.fluxo.local.service.KafkaBroker;
import dev.fluxo.local.service.ObjectStore;
import dev.fluxo.local.service.SourceDatabase;
import dev.fluxo.local.sql.JdkFinder;
import dev.fluxo.local.sql.SqlEngine;
import dev.fluxo.local.sql.TrinoDistribution;
import dev.fluxo.local.sql.TrinoServer;
import dev.fluxo.pipeline.PipelineSettings;
import dev.fluxo.pipeline.write.CatalogFactory;
import dev.fluxo.pipeline.write.LakehouseWriter;
import dev.fluxo.schema.CustomerColumns;
import dev.fluxo.schema.LakehouseTables;
import dev.fluxo.transform.service.function.TransformFunctionSink;
import dev.fluxo.transform.service.poll.BatchSink;
import dev.fluxo.transform.service.poll.TransformPoller;
import org.apache.iceberg.catalog.Catalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The whole pipeline on this machine, started in dependency order and stopped in reverse: PostgreSQL → Kafka →
 * s3proxy → Debezium → transform poller → Spark job → producer, with Trino starting alongside. Each phase prints
 * what it started and how long it took.
 */
public final class LocalLakehouse implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LocalLakehouse.class);

    private final LocalSettings settings;
    private final LocalLayout layout;
    private final PrintStream out;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final long startNanos = System.nanoTime();
    private RunLock lock;
    private LocalPorts ports;
    private SourceDatabase database;
    private KafkaBroker broker;
    private ObjectStore store;
    private ChangeCapture capture;
    private TransformPoller poller;
    private GoldJob job;
    private JobMetrics jobMetrics;
    private ChangeProducer producer;
    private CompletableFuture<SqlEngine> engine = CompletableFuture.completedFuture(null);
    private String engineNote = "SQL engine not started";
    private volatile boolean closed;

    private LocalLakehouse(LocalSettings settings, PrintStream out) {
        this.settings = settings;
        this.layout = settings.layout();
        this.out = out;
    }

    /** Starts everything; on failure stops what was started and rethrows. */
    public static LocalLakehouse start(LocalSettings settings, PrintStream out) {
        LocalLakehouse lakehouse = new LocalLakehouse(settings, out);
        try {
            lakehouse.startAll();
            return lakehouse;
        } catch (RuntimeException e) {
            lakehouse.close();
            throw e;
        }
    }

    private void startAll() {
        layout.create();
        lock = RunLock.acquire(layout);
        started.push(lock);
        ports = new LocalPorts(layout.ports());
        out.println("fluxo local: state in " + layout.root() + (layout.exists() ? " (resuming)" : " (new)"));

        database = phase("PostgreSQL 17 (embedded, wal_level=logical)", () -> push(SourceDatabase.start(layout.postgres(),
                ports.port(Service.POSTGRES))), db -> "127.0.0.1:" + db.port());
        lock.recordChild(database.pid());
        producer = new ChangeProducer(database.jdbcUrl(SourceDatabase.SOURCE_DATABASE));
        started.push(producer);
        phase("source table and publication", () -> {
            producer.bootstrap();
            return producer;
        }, p -> CustomerColumns.SOURCE_TABLE);
        broker = phase("Kafka 4.3 (KRaft, in-process)", () -> {
            KafkaBroker b = KafkaBroker.start(layout.kafka(), ports.port(Service.KAFKA),
                    ports.port(Service.KAFKA_CONTROLLER));
            started.push(b);
            b.ensureTopic(ChangeCapture.TOPIC);
            return b;
        }, b -> b.bootstrapServers() + ", topic " + ChangeCapture.TOPIC + " (" + KafkaBroker.PARTITIONS + " partitions)");
        store = phase("s3proxy (S3 on the filesystem)", () -> push(ObjectStore.start(layout.s3(),
                ports.port(Service.S3))), s -> s.endpoint() + ", " + ObjectStore.WAREHOUSE);
        Map<String, String> props = LakehouseConfig.pipelineProperties(database.port(), store.endpoint());
        PipelineSettings pipeline = PipelineSettings.from(props);
        phase("lakehouse tables (Iceberg JDBC catalog)", () -> {
            Catalog catalog = CatalogFactory.create(pipeline.catalog());
            new LakehouseWriter(catalog).ensureTables();
            closeQuietly(catalog);
            return catalog;
        }, c -> "bronze, silver, dead letter in " + SourceDatabase.CATALOG_DATABASE);
        // the job's JVM warms up (Spark takes the longest to start) while the rest starts
        jobMetrics = new JobMetrics(layout.jobMetrics());
        job = phase("Spark job (local[2], own JVM)", () -> push(GoldJob.start(GoldJob.arguments(
                database.jdbcUrl(SourceDatabase.CATALOG_DATABASE), store.endpoint(), layout.checkpoint(),
                layout.jobMetrics()), layout.logs().resolve("gold-job.log"))), j -> "pid " + j.pid()
                + ", log " + layout.root().relativize(layout.logs().resolve("gold-job.log")));
        lock.recordChild(job.pid());
        if (settings.sql()) {
            startSqlEngine();
        }
        capture = phase("Debezium 3.6 (embedded, pgoutput)", () -> push(ChangeCapture.start(database.port(),
                layout.debeziumOffsets(), broker.bootstrapServers())), c -> "slot " + ChangeCapture.SLOT);
        poller = phase("transform Lambda (MskTransformHandler) behind a Kafka poller", () -> {
            BatchSink sink = new TransformFunctionSink(LakehouseConfig.transformEnvironment(database.port(),
                    store.endpoint(), layout), broker.bootstrapServers());
            return push(new TransformPoller(broker.bootstrapServers(), ChangeCapture.TOPIC, sink,
                    settings.batchSize(), settings.batchWindow()).start());
        }, p -> "consumer group " + TransformPoller.GROUP + ", batches of " + settings.batchSize() + " or "
                + settings.batchWindow().toMillis() + " ms");
        phase("producer", () -> {
            long filled = producer.fillTo(settings.customers());
            producer.start(settings.rate(), settings.changes());
            return filled;
        }, filled -> (filled > 0 ? filled + " customers inserted, " : "") + rateText());
    }

    private String rateText() {
        return String.format("%,.0f changes/s", settings.rate())
                + (settings.changes() > 0 ? " up to " + settings.changes() + " changes" : "");
    }

    private void startSqlEngine() {
        Optional<Path> jdk = JdkFinder.find(TrinoDistribution.REQUIRED_JDK);
        if (jdk.isEmpty()) {
            engineNote = "SQL engine: none. Trino " + TrinoDistribution.VERSION + " needs a JDK >= "
                    + TrinoDistribution.REQUIRED_JDK + " (set " + JdkFinder.ENV + " or JAVA_HOME to one); "
                    + "gold is still queryable through the Iceberg API";
            out.println("  " + engineNote);
            return;
        }
        Path home = phase("Trino " + TrinoDistribution.VERSION + " distribution", () ->
                TrinoDistribution.install(out), h -> h.toString());
        TrinoServer server = TrinoServer.start(jdk.get(), home, layout.trino(), layout.logs().resolve("trino.log"),
                ports.port(Service.TRINO), database.port(), store.endpoint());
        lock.recordChild(server.pid());
        started.push(server);
        long t0 = System.nanoTime();
        out.println("  starting Trino " + TrinoDistribution.VERSION + " on 127.0.0.1:" + server.port() + " with "
                + jdk.get() + " (in the background)");
        engineNote = "SQL engine: Trino " + TrinoDistribution.VERSION;
        engine = CompletableFuture.supplyAsync(() -> {
            server.awaitReady();
            out.printf("%n  Trino ready in %.1f s%n", (System.nanoTime() - t0) / 1e9);
            warmUp(server);
            return server;
        });
    }

    /**
     * Plans and runs one query over the lakehouse while gold's first batch is still on its way, so the first named
     * query does not pay for loading the Iceberg connector, the JDBC catalog connection and the S3 client (~10 s on
     * two cores). Silver exists from start-up on. A failure here only costs that time later.
     */
    private static void warmUp(SqlEngine engine) {
        try {
            engine.query("SELECT count(*) FROM " + LakehouseTables.SILVER_CUSTOMERS_CHANGES.qualifiedName());
        } catch (Exception e) {
            LOG.debug("SQL engine warm-up failed: {}", e.toString());
        }
    }

    private <T extends AutoCloseable> T push(T component) {
        started.push(component);
        return component;
    }

    /** A startup step: prints its name, runs it, prints how long it took. */
    private <T> T phase(String name, Step<T> step, java.util.function.Function<T, String> detail) {
        long t0 = System.nanoTime();
        out.print("  starting " + name + " ... ");
        out.flush();
        try {
            T result = step.run();
            out.printf("%.1f s  %s%n", (System.nanoTime() - t0) / 1e9, detail.apply(result));
            return result;
        } catch (LocalException e) {
            out.println("failed");
            throw e;
        } catch (Exception e) {
            out.println("failed");
            throw new LocalException(name + " did not start: " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    interface Step<T> {
        T run() throws Exception;
    }

    /** The SQL engine once it is ready, or empty if there is none or it is not ready within {@code wait}. */
    public Optional<SqlEngine> engine(Duration wait) {
        try {
            return Optional.ofNullable(engine.get(wait.toMillis(), TimeUnit.MILLISECONDS));
        } catch (java.util.concurrent.TimeoutException e) {
            return Optional.empty();
        } catch (Exception e) {
            engineNote = "SQL engine failed: " + rootMessage(e) + " (see logs/trino.log)";
            return Optional.empty();
        }
    }

    /** Which engine runs the named queries, or why none does. */
    public String engineNote() {
        return engineNote;
    }

    /** A snapshot of the counters. */
    public Progress progress() {
        jobMetrics.refresh();
        return new Progress(Duration.ofNanos(System.nanoTime() - startNanos), producer.produced(), capture.captured(),
                poller.bronze(), poller.silver(), poller.deadLettered(), jobMetrics.merged(),
                poller.silverFreshness().quantile(0.5), poller.silverFreshness().quantile(0.99),
                jobMetrics.goldFreshness().quantile(0.5), jobMetrics.goldFreshness().quantile(0.99));
    }

    /** Forgets the freshness samples so far, so that figures cover only what follows (benchmarks after warm-up). */
    public void resetFreshness() {
        jobMetrics.refresh();
        poller.silverFreshness().clear();
        jobMetrics.goldFreshness().clear();
    }

    /** Job micro-batches that committed since this run started. */
    public long goldBatches() {
        jobMetrics.refresh();
        return jobMetrics.batches();
    }

    /** Records in Kafka the transform has not written yet. */
    public long transformLag() {
        return poller.lag();
    }

    /** Stops the producer (after its batch in flight). */
    public void stopProducing() {
        producer.stop();
    }

    public boolean producerDone() {
        return producer.isDone();
    }

    /**
     * Waits until everything produced reached gold: nothing left in Kafka for the transform, the capture idle, and a
     * job batch finished after the last silver write with at least as many rows as silver received. Returns whether
     * that happened within {@code max}.
     */
    public boolean awaitQuiet(Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        long lastCaptured = -1;
        int stableTicks = 0;
        while (System.nanoTime() < deadline) {
            failIfBroken();
            jobMetrics.refresh();
            long captured = capture.captured();
            var lastBatch = jobMetrics.lastBatchFinished();
            boolean drained = poller.lag() == 0
                    && (poller.silver() == 0 || (lastBatch != null
                    && lastBatch.toEpochMilli() > poller.lastWriteMillis()
                    && jobMetrics.rowsIn() >= poller.silver()));
            stableTicks = drained && captured == lastCaptured ? stableTicks + 1 : 0;
            lastCaptured = captured;
            if (stableTicks >= 8) {
                return true;
            }
            Thread.sleep(250);
        }
        return false;
    }

    /** Throws if a component died (the job's JVM exited, Debezium failed). */
    public void failIfBroken() {
        if (job != null && !job.isAlive()) {
            throw new LocalException("the Spark job exited with code " + job.exitCode() + "; see "
                    + layout.logs().resolve("gold-job.log"));
        }
        if (capture != null && capture.failure() != null) {
            throw new LocalException("Debezium stopped: " + capture.failure().getMessage());
        }
    }

    public LocalLayout layout() {
        return layout;
    }

    public String kafkaBootstrapServers() {
        return broker.bootstrapServers();
    }

    public int postgresPort() {
        return database.port();
    }

    public String s3Endpoint() {
        return store.endpoint();
    }

    /** Stops every started component in reverse order; safe to call twice. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (producer != null) {
            producer.stop(); // no new changes while the rest drains and stops
        }
        while (!started.isEmpty()) {
            closeQuietly(started.pop());
        }
    }

    private static void closeQuietly(Object c) {
        if (c instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.warn("Stopping {} failed: {}", c, e.toString());
            }
        }
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }

    /**
     * The counters the progress line shows.
     *
     * @param elapsed        since {@code up} started
     * @param produced       rows changed in PostgreSQL by this run
     * @param captured       change events Debezium published
     * @param bronze         rows written to bronze
     * @param silver         rows written to silver
     * @param deadLettered   records written to the dead-letter table
     * @param merged         changes the job merged into gold
     * @param silverP50      commit → silver, median ms (-1: no sample yet)
     * @param silverP99      commit → silver, 99th percentile ms
     * @param goldP50        commit → gold, median ms (per job batch)
     * @param goldP99        commit → gold, 99th percentile ms
     */
    public record Progress(Duration elapsed, long produced, long captured, long bronze, long silver,
                           long deadLettered, long merged, long silverP50, long silverP99, long goldP50,
                           long goldP99) {
        /** One line, e.g. {@code 0:42 produced 8,400 | captured 8,400 | bronze 8,390 ...}. */
        public String line() {
            return String.format("%d:%02d produced %,d | captured %,d | bronze %,d silver %,d dead-lettered %,d"
                            + " | gold merged %,d | freshness silver p50 %s p99 %s, gold p50 %s p99 %s",
                    elapsed.toMinutes(), elapsed.toSecondsPart(), produced, captured, bronze, silver, deadLettered,
                    merged, seconds(silverP50), seconds(silverP99), seconds(goldP50), seconds(goldP99));
        }

        public static String seconds(long ms) {
            return ms < 0 ? "-" : String.format("%.1fs", ms / 1000.0);
        }
    }
}
