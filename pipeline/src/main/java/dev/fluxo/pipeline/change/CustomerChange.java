package dev.fluxo.pipeline.change;

import java.time.Instant;
import java.util.Objects;

/**
 * One change to a {@code public.customers} row, whatever envelope (Debezium, Kafka Connect, DMS) carried it.
 *
 * @param id            the row's key; {@code null} only for malformed input, which validation rejects
 * @param op            what the change did
 * @param before        the row before the change, when the source sends it (deletes, updates with full replica
 *                      identity), else {@code null}
 * @param after         the row after the change; {@code null} for deletes
 * @param position      where the change sits in the source
 * @param commitTime    when the source committed it, UTC
 * @param schemaVersion the version of the customer record the change was written with
 */
public record CustomerChange(Long id, Op op, Customer before, Customer after, SourcePosition position,
                             Instant commitTime, int schemaVersion) {
    public CustomerChange {
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(commitTime, "commitTime");
    }

    /** The image silver stores: the new row, or for a delete the last known one (at least its key). */
    public Customer image() {
        if (after != null) {
            return after;
        }
        if (before != null) {
            return before;
        }
        return id == null ? null : Customer.keyOnly(id);
    }

    /** The same change with other images (cleaning and masking produce these). */
    public CustomerChange withImages(Customer newBefore, Customer newAfter) {
        return new CustomerChange(id, op, newBefore, newAfter, position, commitTime, schemaVersion);
    }
}
