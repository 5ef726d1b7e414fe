package dev.fluxo.jobs.table;

import dev.fluxo.schema.CustomerColumns;
import dev.fluxo.schema.Layer;
import dev.fluxo.schema.LakehouseTables;
import dev.fluxo.schema.TableDefinition;

import java.util.List;
import java.util.Map;

/**
 * The tables the streaming job reads and writes. Besides the schema module's tables the job keeps one of its own:
 * {@link #CUSTOMERS_DELETES}, the newest delete per id, so that a change older than a delete (a late update, a
 * replayed insert) never brings a deleted customer back. Its columns are taken from {@code gold.customers}.
 */
public final class GoldTables {
    public static final TableDefinition SILVER_CHANGES = LakehouseTables.SILVER_CUSTOMERS_CHANGES;
    public static final TableDefinition CUSTOMERS = LakehouseTables.GOLD_CUSTOMERS;
    public static final TableDefinition BY_PROFISSAO = LakehouseTables.GOLD_CUSTOMERS_BY_PROFISSAO;

    /** Newest delete per customer id (tombstones): id, source_position and commit_time of the delete. */
    public static final TableDefinition CUSTOMERS_DELETES = new TableDefinition(Layer.GOLD, "customers_deletes",
            "Newest delete per customer id, kept so that older changes arriving late never resurrect a customer",
            CUSTOMERS.columns().stream().filter(c -> c.name().equals(CustomerColumns.ID.name())
                    || !CustomerColumns.ALL.contains(c)).toList(),
            List.of(), CUSTOMERS.identifierFields());

    /**
     * Table properties of the merge targets: merge-on-read, so a batch writes its changes and position deletes
     * instead of rewriting every data file it touches (copy-on-write rewrote all of gold each batch); Maintenance
     * compacts the delete files away.
     */
    public static final Map<String, String> MERGE_TARGET_PROPERTIES = Map.of(
            "write.merge.mode", "merge-on-read",
            "write.update.mode", "merge-on-read",
            "write.delete.mode", "merge-on-read");

    /** The tables the job creates when they are missing (silver belongs to the pipeline). */
    public static final List<TableDefinition> OWNED = List.of(CUSTOMERS, CUSTOMERS_DELETES, BY_PROFISSAO);

    /** Table properties the job creates {@code table} with, beyond the format version. */
    public static Map<String, String> properties(TableDefinition table) {
        return table == CUSTOMERS || table == CUSTOMERS_DELETES ? MERGE_TARGET_PROPERTIES : Map.of();
    }

    private GoldTables() {
    }
}
