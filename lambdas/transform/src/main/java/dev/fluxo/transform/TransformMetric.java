package dev.fluxo.transform;

/** The metrics each transform batch emits (unit {@code Count}), e.g. for alarms. */
public enum TransformMetric {
    /** Records in the batch. */
    RECORDS_IN("RecordsIn"),
    /** Rows written to {@code bronze.customers_changes}. */
    WRITTEN_BRONZE("WrittenBronze"),
    /** Rows written to {@code silver.customers_changes}. */
    WRITTEN_SILVER("WrittenSilver"),
    /** Rows written to {@code bronze.customers_dead_letter}. */
    DEAD_LETTERED("DeadLettered"),
    /** Tombstones and control records, skipped on purpose. */
    IGNORED("Ignored"),
    /** Batches not written because the lakehouse failed (1 per failed batch). */
    FAILED_BATCHES("FailedBatches");

    private final String metricName;

    TransformMetric(String metricName) {
        this.metricName = metricName;
    }

    public String metricName() {
        return metricName;
    }
}
