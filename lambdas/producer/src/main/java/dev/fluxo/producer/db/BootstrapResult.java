package dev.fluxo.producer.db;

/**
 * What {@link SchemaBootstrap#ensure} had to do; all false when everything was already in place.
 *
 * @param createdTable       the table did not exist and was created
 * @param setReplicaIdentity the table's replica identity was switched to FULL
 * @param createdPublication the publication did not exist and was created for the table
 * @param addedToPublication the publication existed without the table, which was added
 */
public record BootstrapResult(boolean createdTable, boolean setReplicaIdentity, boolean createdPublication,
                              boolean addedToPublication) {
    /** Whether anything was changed. */
    public boolean changedAnything() {
        return createdTable || setReplicaIdentity || createdPublication || addedToPublication;
    }
}
