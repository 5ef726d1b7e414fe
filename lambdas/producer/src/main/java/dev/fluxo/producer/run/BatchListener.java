package dev.fluxo.producer.run;

import dev.fluxo.producer.change.ProducedBatch;

import java.time.Duration;

/** Told about every batch the {@link ProducerLoop} committed, e.g. to print a progress line. */
@FunctionalInterface
public interface BatchListener {
    /** Ignores every batch. */
    BatchListener NONE = (number, batch, took, totals) -> { };

    /**
     * @param number the batch's number, from 1
     * @param batch  what it changed
     * @param took   time to generate and write it
     * @param totals totals including this batch
     */
    void onBatch(long number, ProducedBatch batch, Duration took, ProducerTotals totals);
}
