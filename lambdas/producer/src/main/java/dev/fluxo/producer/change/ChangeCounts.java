package dev.fluxo.producer.change;

/**
 * How many changes of each kind a batch should make.
 *
 * @param inserts new customers
 * @param updates existing customers to change
 * @param deletes existing customers to remove
 */
public record ChangeCounts(int inserts, int updates, int deletes) {
    public ChangeCounts {
        if (inserts < 0 || updates < 0 || deletes < 0) {
            throw new IllegalArgumentException("change counts must be >= 0: " + inserts + "/" + updates + "/" + deletes);
        }
    }

    /** All changes together. */
    public int total() {
        return inserts + updates + deletes;
    }
}
