package dev.fluxo.producer;

import dev.fluxo.producer.change.ProducedBatch;

/**
 * What one invocation of {@link ProducerHandler} returns: the counts of its committed batch. A plain bean so the
 * Lambda runtime's serializer writes it as {@code {"inserted":70,"updated":25,"deleted":5,"dtUpdate":"…"}}.
 */
public final class BatchSummary {
    private final int inserted;
    private final int updated;
    private final int deleted;
    private final String dtUpdate;

    private BatchSummary(int inserted, int updated, int deleted, String dtUpdate) {
        this.inserted = inserted;
        this.updated = updated;
        this.deleted = deleted;
        this.dtUpdate = dtUpdate;
    }

    /** The summary of {@code batch}. */
    public static BatchSummary of(ProducedBatch batch) {
        return new BatchSummary(batch.insertedIds().size(), batch.updatedIds().size(), batch.deletedIds().size(),
                batch.dtUpdate().toString());
    }

    public int getInserted() {
        return inserted;
    }

    public int getUpdated() {
        return updated;
    }

    public int getDeleted() {
        return deleted;
    }

    /** The batch's {@code dt_update}, ISO-8601 in UTC. */
    public String getDtUpdate() {
        return dtUpdate;
    }

    @Override
    public String toString() {
        return "BatchSummary[inserted=" + inserted + ", updated=" + updated + ", deleted=" + deleted + ", dtUpdate="
                + dtUpdate + "]";
    }
}
