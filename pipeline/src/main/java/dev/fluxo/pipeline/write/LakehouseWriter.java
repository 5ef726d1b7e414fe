package dev.fluxo.pipeline.write;

import dev.fluxo.pipeline.change.Customer;
import dev.fluxo.pipeline.change.CustomerChange;
import dev.fluxo.pipeline.deadletter.DeadLetter;
import dev.fluxo.schema.ChangeColumns;
import dev.fluxo.schema.Column;
import dev.fluxo.schema.ColumnType;
import dev.fluxo.schema.CustomerColumns;
import dev.fluxo.schema.LakehouseTables;
import dev.fluxo.schema.TableDefinition;
import org.apache.iceberg.AppendFiles;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.PartitionKey;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.data.GenericFileWriterFactory;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.InternalRecordWrapper;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.FanoutDataWriter;
import org.apache.iceberg.io.OutputFileFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes a batch to the lakehouse: bronze rows, silver rows and dead letters, each table in ONE Iceberg commit per
 * batch (Parquet files, one per day partition). Tables are created or completed from {@link LakehouseTables} on first
 * use and kept for the writer's life (a warm Lambda reuses them). Rows are built from the table definitions' columns.
 * The three commits are not one transaction: if a later one fails, the caller's retry writes the batch again, so
 * delivery is at least once and readers deduplicate on {@code source_position} (as the gold merge does).
 */
public final class LakehouseWriter {
    /** Target size of a data file before the writer rolls to the next one: 128 MiB. */
    public static final long TARGET_FILE_BYTES = 128L << 20;

    private static final Column RAW = column(LakehouseTables.BRONZE_CUSTOMERS_CHANGES, "raw");
    private static final Column RECEIVED_AT = column(LakehouseTables.BRONZE_CUSTOMERS_DEAD_LETTER, "received_at");
    private static final Column STAGE = column(LakehouseTables.BRONZE_CUSTOMERS_DEAD_LETTER, "stage");
    private static final Column REASON = column(LakehouseTables.BRONZE_CUSTOMERS_DEAD_LETTER, "reason");

    private final Catalog catalog;
    private final Map<TableDefinition, Table> tables = new ConcurrentHashMap<>();

    public LakehouseWriter(Catalog catalog) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
    }

    /** What one call wrote: rows per table (0 where nothing was committed). */
    public record Written(int bronze, int silver, int deadLetters) {
    }

    /**
     * Writes the three row sets, each in one commit; an empty set commits nothing.
     *
     * @param ingestedAt the {@code ingested_at} of every bronze and silver row
     */
    public Written write(List<BronzeRow> bronze, List<CustomerChange> silver, List<DeadLetter> deadLetters,
                         Instant ingestedAt) {
        OffsetDateTime ingested = utc(ingestedAt);
        int b = append(LakehouseTables.BRONZE_CUSTOMERS_CHANGES, bronze, (row, rec) -> bronzeRow(row, rec, ingested));
        int s = append(LakehouseTables.SILVER_CUSTOMERS_CHANGES, silver, (change, rec) -> silverRow(change, rec, ingested));
        int d = append(LakehouseTables.BRONZE_CUSTOMERS_DEAD_LETTER, deadLetters, LakehouseWriter::deadLetterRow);
        return new Written(b, s, d);
    }

    /** The table, created or completed on first use. */
    public Table table(TableDefinition definition) {
        return tables.computeIfAbsent(definition, d -> IcebergTables.ensure(catalog, d));
    }

    /** Creates or completes every table this writer appends to, e.g. at cold start. */
    public void ensureTables() {
        List.of(LakehouseTables.BRONZE_CUSTOMERS_CHANGES, LakehouseTables.SILVER_CUSTOMERS_CHANGES,
                LakehouseTables.BRONZE_CUSTOMERS_DEAD_LETTER).forEach(this::table);
    }

    /** Sets every column of a row from an item: the record is reused, so a column left out keeps the last row's value. */
    private interface RowFiller<T> {
        void fill(T item, Record record);
    }

    private <T> int append(TableDefinition definition, List<T> items, RowFiller<T> filler) {
        if (items.isEmpty()) {
            return 0;
        }
        Table table = table(definition);
        Schema schema = table.schema();
        var writerFactory = new GenericFileWriterFactory.Builder(table).dataFileFormat(FileFormat.PARQUET).build();
        OutputFileFactory files = OutputFileFactory.builderFor(table, 1, System.currentTimeMillis())
                .format(FileFormat.PARQUET).operationId(UUID.randomUUID().toString()).build();
        PartitionKey key = new PartitionKey(table.spec(), schema);
        InternalRecordWrapper wrapper = new InternalRecordWrapper(schema.asStruct());
        List<DataFile> dataFiles;
        FanoutDataWriter<Record> writer = new FanoutDataWriter<>(writerFactory, files, table.io(), TARGET_FILE_BYTES);
        // One record reused for every row: the Parquet writer encodes a row's values when it is written, and the
        // fan-out writer copies a partition key only when it opens a partition, so neither keeps a reference.
        Record record = GenericRecord.create(schema);
        try (writer) {
            for (T item : items) {
                filler.fill(item, record);
                key.partition(wrapper.wrap(record));
                writer.write(record, table.spec(), key);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + definition.qualifiedName() + ": " + e.getMessage(), e);
        }
        dataFiles = writer.result().dataFiles();
        AppendFiles append = table.newAppend();
        dataFiles.forEach(append::appendFile);
        append.set("fluxo.rows", String.valueOf(items.size()));
        append.commit();
        return items.size();
    }

    private static void bronzeRow(BronzeRow row, Record r, OffsetDateTime ingestedAt) {
        CustomerChange c = row.change();
        r.setField(ChangeColumns.SOURCE_POSITION.name(), c.position().rendered());
        r.setField(ChangeColumns.OP.name(), c.op().letter());
        r.setField(ChangeColumns.SOURCE_TXID.name(), c.position().txId());
        r.setField(CustomerColumns.ID.name(), c.id());
        r.setField(ChangeColumns.COMMIT_TIME.name(), utc(c.commitTime()));
        r.setField(ChangeColumns.INGESTED_AT.name(), ingestedAt);
        r.setField(ChangeColumns.SOURCE_COORDINATES.name(), row.coordinates());
        r.setField(RAW.name(), ByteBuffer.wrap(row.raw()));
    }

    private static void silverRow(CustomerChange c, Record r, OffsetDateTime ingestedAt) {
        Customer image = c.image();
        Object[] values = image.values();
        for (int i = 0; i < values.length; i++) {
            Column column = CustomerColumns.ALL.get(i);
            r.setField(column.name(), column.type() == ColumnType.TIMESTAMP ? utc((Instant) values[i]) : values[i]);
        }
        r.setField(ChangeColumns.OP.name(), c.op().letter());
        r.setField(ChangeColumns.SOURCE_POSITION.name(), c.position().rendered());
        r.setField(ChangeColumns.SOURCE_TXID.name(), c.position().txId());
        r.setField(ChangeColumns.COMMIT_TIME.name(), utc(c.commitTime()));
        r.setField(ChangeColumns.INGESTED_AT.name(), ingestedAt);
        r.setField(ChangeColumns.SCHEMA_VERSION.name(), c.schemaVersion());
    }

    private static void deadLetterRow(DeadLetter d, Record r) {
        r.setField(RECEIVED_AT.name(), utc(d.receivedAt()));
        r.setField(ChangeColumns.SOURCE_COORDINATES.name(), d.coordinates());
        r.setField(STAGE.name(), d.stage().column());
        r.setField(REASON.name(), d.reason());
        r.setField(RAW.name(), ByteBuffer.wrap(d.raw()));
    }

    private static Column column(TableDefinition table, String name) {
        return table.column(name).orElseThrow(() -> new IllegalStateException(table.qualifiedName() + " has no " + name));
    }

    private static OffsetDateTime utc(Instant instant) {
        // through LocalDateTime: Instant.atOffset builds a ZoneRules per call
        return instant == null ? null : OffsetDateTime.of(
                LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC), ZoneOffset.UTC);
    }
}
