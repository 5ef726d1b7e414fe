package dev.fluxo.schema;

/**
 * Metadata every change carries from the source to gold. The source position is what makes the merge
 * replay-safe: a change is applied only if its position is newer than the stored one.
 */
public final class ChangeColumns {
    /** {@code c} insert, {@code u} update, {@code d} delete, {@code r} snapshot read (Debezium's letters). */
    public static final Column OP = Column.required("op", ColumnType.STRING, "Change operation: c, u, d or r");
    /**
     * Order-preserving position in the source: fixed-width, zero-padded decimal text, so that comparing the
     * strings compares the positions (PostgreSQL LSN: 20 digits; Kinesis sequence number: 64 digits).
     */
    public static final Column SOURCE_POSITION = Column.required("source_position", ColumnType.STRING,
            "Order-preserving source position (zero-padded LSN or stream sequence)");
    public static final Column SOURCE_TXID = Column.optional("source_txid", ColumnType.LONG, "Source transaction id");
    public static final Column COMMIT_TIME = Column.required("commit_time", ColumnType.TIMESTAMP,
            "When the change was committed in the source, UTC");
    public static final Column INGESTED_AT = Column.required("ingested_at", ColumnType.TIMESTAMP,
            "When the pipeline wrote the change, UTC");
    public static final Column SOURCE_COORDINATES = Column.required("source_coordinates", ColumnType.STRING,
            "Where the record was read: topic/partition/offset or stream/shard/sequence");
    public static final Column SCHEMA_VERSION = Column.required("schema_version", ColumnType.INT,
            "Version of the customer record schema the change was decoded with");

    private ChangeColumns() {
    }
}
