package dev.fluxo.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static dev.fluxo.schema.ChangeColumns.COMMIT_TIME;
import static dev.fluxo.schema.ChangeColumns.INGESTED_AT;
import static dev.fluxo.schema.ChangeColumns.OP;
import static dev.fluxo.schema.ChangeColumns.SCHEMA_VERSION;
import static dev.fluxo.schema.ChangeColumns.SOURCE_COORDINATES;
import static dev.fluxo.schema.ChangeColumns.SOURCE_POSITION;
import static dev.fluxo.schema.ChangeColumns.SOURCE_TXID;

/**
 * Every table of the lakehouse. The {@code Lakehouse} component registers them in Glue; the data plane writes
 * them with Iceberg. Changing a table here changes both.
 */
public final class LakehouseTables {
    /** The version of the customer record that the tables below describe. */
    public static final int CUSTOMER_SCHEMA_VERSION = 1;

    /** Raw change envelopes, one row per decodable record, exactly as received. */
    public static final TableDefinition BRONZE_CUSTOMERS_CHANGES = new TableDefinition(Layer.BRONZE, "customers_changes",
            "Raw CDC envelopes for public.customers, append only",
            List.of(SOURCE_POSITION, OP, ChangeColumns.SOURCE_TXID, CustomerColumns.ID.asOptional(), COMMIT_TIME,
                    INGESTED_AT, SOURCE_COORDINATES, Column.required("raw", ColumnType.BINARY, "The envelope's bytes")),
            List.of(PartitionField.day(COMMIT_TIME.name())), List.of());

    /** Records that could not be decoded or validated: never dropped, always with the reason. */
    public static final TableDefinition BRONZE_CUSTOMERS_DEAD_LETTER = new TableDefinition(Layer.BRONZE,
            "customers_dead_letter", "Records the pipeline could not decode or validate, with the reason",
            List.of(Column.required("received_at", ColumnType.TIMESTAMP, "When the record was received, UTC"),
                    SOURCE_COORDINATES,
                    Column.required("stage", ColumnType.STRING, "decode or validate"),
                    Column.required("reason", ColumnType.STRING, "Why the record was rejected"),
                    Column.required("raw", ColumnType.BINARY, "The record's bytes, unchanged")),
            List.of(PartitionField.day("received_at")), List.of());

    /** Validated, typed and masked changes: the stream the gold merge reads. */
    public static final TableDefinition SILVER_CUSTOMERS_CHANGES = new TableDefinition(Layer.SILVER, "customers_changes",
            "Validated, typed, PII-masked changes to public.customers, append only",
            concat(CustomerColumns.ALL, List.of(OP, SOURCE_POSITION, SOURCE_TXID, COMMIT_TIME, INGESTED_AT,
                    SCHEMA_VERSION)),
            List.of(PartitionField.day(COMMIT_TIME.name())), List.of());

    /** Current state: one row per customer id, as in the source (masked as in silver). */
    public static final TableDefinition GOLD_CUSTOMERS = new TableDefinition(Layer.GOLD, "customers",
            "Current state of public.customers, one row per id",
            concat(CustomerColumns.ALL, List.of(SOURCE_POSITION, COMMIT_TIME)),
            List.of(), List.of(CustomerColumns.ID.name()));

    /** Customers per profissao and sexo, kept consistent with {@link #GOLD_CUSTOMERS} after every merge. */
    public static final TableDefinition GOLD_CUSTOMERS_BY_PROFISSAO = new TableDefinition(Layer.GOLD,
            "customers_by_profissao", "Customers per profissao and sexo",
            List.of(CustomerColumns.PROFISSAO, CustomerColumns.SEXO,
                    Column.required("customers", ColumnType.LONG, "Number of customers")),
            List.of(), List.of(CustomerColumns.PROFISSAO.name(), CustomerColumns.SEXO.name()));

    /** All tables, bronze to gold. */
    public static final List<TableDefinition> ALL = List.of(BRONZE_CUSTOMERS_CHANGES, BRONZE_CUSTOMERS_DEAD_LETTER,
            SILVER_CUSTOMERS_CHANGES, GOLD_CUSTOMERS, GOLD_CUSTOMERS_BY_PROFISSAO);

    public static List<TableDefinition> in(Layer layer) {
        return ALL.stream().filter(t -> t.layer() == layer).toList();
    }

    private static List<Column> concat(List<Column> a, List<Column> b) {
        var all = new ArrayList<Column>(a.size() + b.size());
        Stream.of(a, b).forEach(all::addAll);
        return all;
    }

    private LakehouseTables() {
    }
}
