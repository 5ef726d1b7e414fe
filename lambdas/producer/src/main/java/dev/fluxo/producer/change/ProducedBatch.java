package dev.fluxo.producer.change;

import java.time.Instant;
import java.util.List;

/**
 * What a batch really did once committed. An update or delete whose row another writer removed in the meantime
 * is not counted, so these ids are exactly the rows changed.
 *
 * @param insertedIds ids of the new rows
 * @param updatedIds  ids of the rows updated
 * @param deletedIds  ids of the rows deleted
 * @param dtUpdate    the {@code dt_update} written on inserted and updated rows (UTC, microseconds)
 */
public record ProducedBatch(List<Long> insertedIds, List<Long> updatedIds, List<Long> deletedIds, Instant dtUpdate) {
    public ProducedBatch {
        insertedIds = List.copyOf(insertedIds);
        updatedIds = List.copyOf(updatedIds);
        deletedIds = List.copyOf(deletedIds);
    }

    /** The number of changes of each kind. */
    public ChangeCounts counts() {
        return new ChangeCounts(insertedIds.size(), updatedIds.size(), deletedIds.size());
    }

    /** Rows changed in total. */
    public int total() {
        return insertedIds.size() + updatedIds.size() + deletedIds.size();
    }
}
