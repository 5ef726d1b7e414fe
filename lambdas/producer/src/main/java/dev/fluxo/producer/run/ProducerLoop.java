package dev.fluxo.producer.run;

import dev.fluxo.producer.change.ProducedBatch;
import dev.fluxo.producer.db.ConnectionSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Produces batches on one connection until a number of batches is reached or {@link #stop()} is called, paced by
 * a {@link Pace}. Stopping is clean: a batch in flight finishes and commits, then the loop returns; a pause is cut
 * short. Run it on the caller's thread or hand {@link #run} to an executor.
 *
 * <pre>{@code
 * var loop = new ProducerLoop(settings, BatchProducer.withDefaults(CustomerGenerator.unseeded(), 1L),
 *         500, ProducerLoop.FOREVER, Pace.rowsPerSecond(1_000));
 * Future<ProducerTotals> done = executor.submit(() -> loop.run(BatchListener.NONE));
 * ...
 * loop.stop();
 * done.get();
 * }</pre>
 */
public final class ProducerLoop {
    /** {@code batches} value meaning: until stopped. */
    public static final long FOREVER = 0;

    private final ConnectionSource connections;
    private final BatchProducer producer;
    private final int rowsPerBatch;
    private final long batches;
    private final Pace pace;
    private final CountDownLatch stopSignal = new CountDownLatch(1);

    /**
     * @param connections  opens the one connection the loop uses
     * @param producer     makes each batch
     * @param rowsPerBatch changes per batch, &gt; 0
     * @param batches      batches to produce, or {@link #FOREVER}
     * @param pace         the pause between batches
     */
    public ProducerLoop(ConnectionSource connections, BatchProducer producer, int rowsPerBatch, long batches,
                        Pace pace) {
        if (rowsPerBatch <= 0) {
            throw new IllegalArgumentException("rows per batch must be > 0, was " + rowsPerBatch);
        }
        if (batches < 0) {
            throw new IllegalArgumentException("batches must be >= 0 (0 = until stopped), was " + batches);
        }
        this.connections = connections;
        this.producer = producer;
        this.rowsPerBatch = rowsPerBatch;
        this.batches = batches;
        this.pace = pace;
    }

    /**
     * Runs until done or stopped and returns the totals. A database error ends the loop with that error; batches
     * committed before it stay committed.
     */
    public ProducerTotals run(BatchListener listener) throws SQLException {
        long start = System.nanoTime();
        ProducerTotals totals = ProducerTotals.NONE;
        try (Connection connection = connections.open()) {
            for (long n = 1; (batches == FOREVER || n <= batches) && !isStopped(); n++) {
                long batchStart = System.nanoTime();
                ProducedBatch batch = producer.produce(connection, rowsPerBatch);
                Duration took = Duration.ofNanos(System.nanoTime() - batchStart);
                totals = totals.plus(batch, Duration.ofNanos(System.nanoTime() - start));
                listener.onBatch(n, batch, took, totals);
                if (batches == FOREVER || n < batches) {
                    pause(pace.pauseAfter(rowsPerBatch, took));
                }
            }
        }
        return new ProducerTotals(totals.batches(), totals.inserted(), totals.updated(), totals.deleted(),
                Duration.ofNanos(System.nanoTime() - start));
    }

    /** Asks the loop to finish after the batch in flight; returns at once. */
    public void stop() {
        stopSignal.countDown();
    }

    /** Whether {@link #stop()} was called. */
    public boolean isStopped() {
        return stopSignal.getCount() == 0;
    }

    private void pause(Duration pause) {
        if (pause.isZero()) {
            return;
        }
        try {
            stopSignal.await(pause.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop();
        }
    }
}
