package dev.fluxo.transform;

import dev.fluxo.pipeline.BatchReport;

/**
 * What {@link MskTransformHandler} returns for a written batch: the counts of its {@link BatchReport}, as a bean so the
 * Lambda runtime serializes it as {@code {"received":…,"bronze":…,…}}.
 */
public final class TransformSummary {
    private final int received;
    private final int ignored;
    private final int bronze;
    private final int silver;
    private final int deadLettered;

    private TransformSummary(BatchReport report) {
        this.received = report.received();
        this.ignored = report.ignored();
        this.bronze = report.bronze();
        this.silver = report.silver();
        this.deadLettered = report.deadLettered();
    }

    public static TransformSummary of(BatchReport report) {
        return new TransformSummary(report);
    }

    /** Records in the batch. */
    public int getReceived() {
        return received;
    }

    /** Tombstones and control records, skipped on purpose. */
    public int getIgnored() {
        return ignored;
    }

    /** Rows written to {@code bronze.customers_changes}. */
    public int getBronze() {
        return bronze;
    }

    /** Rows written to {@code silver.customers_changes}. */
    public int getSilver() {
        return silver;
    }

    /** Rows written to {@code bronze.customers_dead_letter}. */
    public int getDeadLettered() {
        return deadLettered;
    }

    @Override
    public String toString() {
        return "TransformSummary[received=" + received + ", ignored=" + ignored + ", bronze=" + bronze + ", silver="
                + silver + ", deadLettered=" + deadLettered + "]";
    }
}
