package dev.fluxo.local.service;

import dev.fluxo.producer.change.ChangeMix;
import dev.fluxo.producer.customer.CustomerGenerator;
import dev.fluxo.producer.db.ConnectionSettings;
import dev.fluxo.producer.db.CustomerWriter;
import dev.fluxo.producer.db.SchemaBootstrap;
import dev.fluxo.producer.run.BatchListener;
import dev.fluxo.producer.run.BatchProducer;
import dev.fluxo.producer.run.Pace;
import dev.fluxo.producer.run.ProducerLoop;
import dev.fluxo.producer.run.ProducerTotals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The stand-in for the producer Lambda: the same {@link ProducerLoop} writing customers to {@code public.customers}
 * at a target rate ({@link Pace#rowsPerSecond}), with the default mix of inserts, updates and deletes. Before the
 * changes start, the table is filled up to a number of customers (inserts only), so updates and deletes have rows
 * to work on.
 */
public final class ChangeProducer implements AutoCloseable {
    /** Batches per second the rate is split into: small commits, steady flow. */
    public static final int BATCHES_PER_SECOND = 10;
    /** Rows per insert batch while filling the table. */
    static final int FILL_BATCH = 1_000;

    private static final Logger LOG = LoggerFactory.getLogger(ChangeProducer.class);

    private final ConnectionSettings connections;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> new Thread(r, "fluxo-producer"));
    private final AtomicLong produced = new AtomicLong();
    private volatile ProducerLoop loop;
    private Future<ProducerTotals> running;

    public ChangeProducer(String jdbcUrl) {
        this.connections = new ConnectionSettings(jdbcUrl, SourceDatabase.USER, SourceDatabase.PASSWORD);
    }

    /** Creates the table, its replica identity and the publication if missing. */
    public void bootstrap() throws SQLException {
        try (Connection c = connections.open()) {
            new SchemaBootstrap().ensure(c);
        }
    }

    /** Rows in {@code public.customers} now. */
    public long customers() throws SQLException {
        try (Connection c = connections.open(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM public.customers")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Inserts customers until the table holds {@code target}; returns how many were inserted. */
    public long fillTo(long target) throws SQLException {
        long missing = target - customers();
        if (missing <= 0) {
            return 0;
        }
        BatchProducer inserts = new BatchProducer(CustomerGenerator.unseeded(), ChangeMix.parse("100/0/0"),
                new CustomerWriter(), System.nanoTime());
        try (Connection c = connections.open()) {
            for (long done = 0; done < missing; ) {
                int n = (int) Math.min(FILL_BATCH, missing - done);
                inserts.produce(c, n);
                done += n;
                produced.addAndGet(n);
            }
        }
        return missing;
    }

    /**
     * Starts producing at {@code rowsPerSecond} on its own thread, until {@code changes} rows changed (0: until
     * stopped).
     */
    public void start(double rowsPerSecond, long changes) {
        int rowsPerBatch = (int) Math.max(1, Math.min(5_000, Math.round(rowsPerSecond / BATCHES_PER_SECOND)));
        long batches = changes <= 0 ? ProducerLoop.FOREVER : Math.max(1, (changes + rowsPerBatch - 1) / rowsPerBatch);
        BatchProducer producer = BatchProducer.withDefaults(CustomerGenerator.unseeded(), System.nanoTime());
        loop = new ProducerLoop(connections, producer, rowsPerBatch, batches, Pace.rowsPerSecond(rowsPerSecond));
        BatchListener listener = (n, batch, took, totals) -> produced.addAndGet(batch.total());
        running = executor.submit(() -> {
            try {
                return loop.run(listener);
            } catch (SQLException | RuntimeException e) {
                LOG.error("Producer stopped", e);
                throw e;
            }
        });
    }

    /** Rows inserted, updated or deleted by this run (the fill included). */
    public long produced() {
        return produced.get();
    }

    /** Whether the loop finished (its number of changes reached, or it failed). */
    public boolean isDone() {
        return running != null && running.isDone();
    }

    /** Asks the loop to stop after its batch in flight and waits for it. */
    public void stop() {
        if (loop != null) {
            loop.stop();
        }
        if (running != null) {
            try {
                running.get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.warn("Producer ended with {}", e.toString());
            }
        }
    }

    @Override
    public void close() {
        stop();
        executor.shutdownNow();
    }
}
