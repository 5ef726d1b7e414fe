package dev.fluxo.producer.run;

import dev.fluxo.producer.change.ProducedBatch;

import java.time.Duration;

/**
 * Running totals of a {@link ProducerLoop}.
 *
 * @param batches  batches committed
 * @param inserted rows inserted
 * @param updated  rows updated
 * @param deleted  rows deleted
 * @param elapsed  wall-clock time since the loop started, pauses included
 */
public record ProducerTotals(long batches, long inserted, long updated, long deleted, Duration elapsed) {
    /** Nothing produced yet. */
    public static final ProducerTotals NONE = new ProducerTotals(0, 0, 0, 0, Duration.ZERO);

    /** These totals plus one batch, at {@code elapsed} since the start. */
    public ProducerTotals plus(ProducedBatch batch, Duration elapsed) {
        return new ProducerTotals(batches + 1, inserted + batch.insertedIds().size(),
                updated + batch.updatedIds().size(), deleted + batch.deletedIds().size(), elapsed);
    }

    /** All rows changed. */
    public long rows() {
        return inserted + updated + deleted;
    }

    /** Rows changed per second of wall-clock time (0 before any time passed). */
    public double rowsPerSecond() {
        return elapsed.isZero() ? 0 : rows() / (elapsed.toNanos() / 1e9);
    }
}
