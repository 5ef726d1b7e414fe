package dev.fluxo.producer.change;

import dev.fluxo.producer.customer.Customer;
import dev.fluxo.producer.customer.CustomerUpdate;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The changes to apply in one transaction: new customers (their ids come from the table's sequence), updates
 * keyed by existing id, and ids to delete.
 *
 * @param inserts new customers, in order
 * @param updates new values per existing id, in order
 * @param deletes existing ids to remove
 */
public record ChangeBatch(List<Customer> inserts, Map<Long, CustomerUpdate> updates, List<Long> deletes) {
    public ChangeBatch {
        inserts = List.copyOf(inserts);
        updates = Collections.unmodifiableMap(new LinkedHashMap<>(updates));
        deletes = List.copyOf(deletes);
        for (Long id : deletes) {
            if (updates.containsKey(id)) {
                throw new IllegalArgumentException("id " + id + " is both updated and deleted in one batch");
            }
        }
    }

    /** The number of changes of each kind. */
    public ChangeCounts counts() {
        return new ChangeCounts(inserts.size(), updates.size(), deletes.size());
    }
}
