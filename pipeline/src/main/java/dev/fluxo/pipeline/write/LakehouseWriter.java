package dev.fluxo.pipeline.write;

import dev.fluxo.pipeline.change.CustomerChange;
import dev.fluxo.pipeline.deadletter.DeadLetter;
import dev.fluxo.schema.ChangeColumns;
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
import org.apache.iceberg.types.Types;

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

    // Rows are filled by column index in their definition (GenericRecord.setField would hash the name per value).
    private static final TableDefinition BRONZE = LakehouseTables.BRONZE_CUSTOMERS_CHANGES;
    private static final int B_POSITION = index(BRONZE, ChangeColumns.SOURCE_POSITION.name());
    private static final int B_OP = index(BRONZE, ChangeColumns.OP.name());
    private static final int B_TXID = index(BRONZE, ChangeColumns.SOURCE_TXID.name());
    private static final int B_ID = index(BRONZE, CustomerColumns.ID.name());
    private static final int B_COMMIT_TIME = index(BRONZE, ChangeColumns.COMMIT_TIME.name());
    private static final int B_INGESTED_AT = index(BRONZE, ChangeColumns.INGESTED_AT.name());
    private static final int B_COORDINATES = index(BRONZE, ChangeColumns.SOURCE_COORDINATES.name());
    private static final int B_RAW = index(BRONZE, "raw");

    private static final TableDefinition SILVER = LakehouseTables.SILVER_CUSTOMERS_CHANGES;
    /** Index in silver of each of {@link CustomerColumns#ALL}, in that order. */
    private static final int[] S_CUSTOMER = CustomerColumns.ALL.stream().mapToInt(c -> index(SILVER, c.name())).toArray();
    private static final boolean[] S_CUSTOMER_TIMESTAMP = timestampFlags();
    private static final int S_OP = index(SILVER, ChangeColumns.OP.name());
    private static final int S_POSITION = index(SILVER, ChangeColumns.SOURCE_POSITION.name());
    private static final int S_TXID = index(SILVER, ChangeColumns.SOURCE_TXID.name());
    private static final int S_COMMIT_TIME = index(SILVER, ChangeColumns.COMMIT_TIME.name());
    private static final int S_INGESTED_AT = index(SILVER, ChangeColumns.INGESTED_AT.name());
    private static final int S_SCHEMA_VERSION = index(SILVER, ChangeColumns.SCHEMA_VERSION.name());

    private static final TableDefinition DEAD_LETTER = LakehouseTables.BRONZE_CUSTOMERS_DEAD_LETTER;
    private static final int D_RECEIVED_AT = index(DEAD_LETTER, "received_at");
    private static final int D_COORDINATES = index(DEAD_LETTER, ChangeColumns.SOURCE_COORDINATES.name());
    private static final int D_STAGE = index(DEAD_LETTER, "stage");
    private static final int D_REASON = index(DEAD_LETTER, "reason");
    private static final int D_RAW = index(DEAD_LETTER, "raw");

    private final Catalog catalog;
    private final String namespacePrefix;
    private final Map<TableDefinition, Table> tables = new ConcurrentHashMap<>();

    /** A writer into the layers' own namespaces ({@code bronze}, {@code silver}), as locally. */
    public LakehouseWriter(Catalog catalog) {
        this(catalog, "");
    }

    /**
     * A writer into {@code <namespacePrefix><layer>} namespaces, e.g. {@code fluxo_dev_silver}: on AWS each
     * environment's Glue databases ({@link CatalogSettings#namespacePrefix()}).
     */
    public LakehouseWriter(Catalog catalog, String namespacePrefix) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.namespacePrefix = Objects.requireNonNull(namespacePrefix, "namespacePrefix");
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
        try (Batch batch = open(ingestedAt)) {
            RowSink rows = batch.rows();
            bronze.forEach(rows.bronze());
            silver.forEach(rows.silver());
            deadLetters.forEach(rows.deadLetter());
            return batch.commit();
        }
    }

    /**
     * Starts a batch whose rows are encoded as they come, so a caller that streams a batch through the pipeline holds
     * no decoded rows: each is in its Parquet file once added. Nothing is visible before {@link Batch#commit()}.
     *
     * @param ingestedAt the {@code ingested_at} of every bronze and silver row
     */
    public Batch open(Instant ingestedAt) {
        return new Batch(ingestedAt);
    }

    /**
     * One batch being written: a bronze, a silver and a dead-letter file set, each opened by its first row. Closing a
     * batch that was not committed closes its files and commits nothing; the caller's retry writes the batch again
     * (the files left behind are referenced by no snapshot, as after a failed commit, and orphan-file removal
     * deletes them).
     */
    public final class Batch implements AutoCloseable {
        private final Instant ingestedAt;
        private final TableAppend<BronzeRow> bronze;
        private final TableAppend<CustomerChange> silver;
        private final TableAppend<DeadLetter> deadLetters;
        private boolean committed;

        private Batch(Instant ingestedAt) {
            this.ingestedAt = Objects.requireNonNull(ingestedAt, "ingestedAt");
            OffsetDateTime ingested = utc(ingestedAt);
            this.bronze = new TableAppend<>(BRONZE, (row, values) -> bronzeRow(row, values, ingested));
            this.silver = new TableAppend<>(SILVER, (change, values) -> silverRow(change, values, ingested));
            this.deadLetters = new TableAppend<>(DEAD_LETTER, LakehouseWriter::deadLetterRow);
        }

        /** The {@code ingested_at} of this batch's rows (and {@code received_at} of its dead letters). */
        public Instant ingestedAt() {
            return ingestedAt;
        }

        /** Where the pipeline hands this batch's rows, each encoded into its table's files when handed. */
        public RowSink rows() {
            return new RowSink(bronze::add, silver::add, deadLetters::add);
        }

        /** Commits bronze, silver and dead letters, in that order, one commit each where rows were added. */
        public Written commit() {
            if (committed) {
                throw new IllegalStateException("this batch is already committed");
            }
            committed = true;
            try {
                return new Written(bronze.commit(), silver.commit(), deadLetters.commit());
            } catch (RuntimeException e) {
                abort(); // the tables not committed yet still have open files
                throw e;
            }
        }

        @Override
        public void close() {
            if (!committed) {
                committed = true;
                abort();
            }
        }

        private void abort() {
            bronze.abort();
            silver.abort();
            deadLetters.abort();
        }
    }

    /** The table, created or completed on first use. */
    public Table table(TableDefinition definition) {
        return tables.computeIfAbsent(definition, d -> IcebergTables.ensure(catalog, d, namespacePrefix));
    }

    /** Creates or completes every table this writer appends to, e.g. at cold start. */
    public void ensureTables() {
        List.of(LakehouseTables.BRONZE_CUSTOMERS_CHANGES, LakehouseTables.SILVER_CUSTOMERS_CHANGES,
                LakehouseTables.BRONZE_CUSTOMERS_DEAD_LETTER).forEach(this::table);
    }

    /**
     * Sets a row's values from an item, by column index in the table's definition. The array is reused: a column left
     * out keeps the last row's value.
     */
    private interface RowFiller<T> {
        void fill(T item, Object[] values);
    }

    /** The rows of one table in one batch: its data files open from the first row until the commit. */
    private final class TableAppend<T> {
        private final TableDefinition definition;
        private final RowFiller<T> filler;
        private Table table;
        private FanoutDataWriter<Record> writer;
        private PartitionKey key;
        private InternalRecordWrapper wrapper;
        private Record record;
        private int[] positions;
        private Object[] values;
        private int rows;

        TableAppend(TableDefinition definition, RowFiller<T> filler) {
            this.definition = definition;
            this.filler = filler;
        }

        void add(T item) {
            if (writer == null) {
                openFiles();
            }
            filler.fill(item, values);
            for (int i = 0; i < positions.length; i++) {
                record.set(positions[i], values[i]);
            }
            key.partition(wrapper.wrap(record));
            try {
                writer.write(record, table.spec(), key);
            } catch (RuntimeException e) {
                abort();
                throw e;
            }
            rows++;
        }

        private void openFiles() {
            table = table(definition);
            Schema schema = table.schema();
            var writerFactory = new GenericFileWriterFactory.Builder(table).dataFileFormat(FileFormat.PARQUET).build();
            OutputFileFactory files = OutputFileFactory.builderFor(table, 1, System.currentTimeMillis())
                    .format(FileFormat.PARQUET).operationId(UUID.randomUUID().toString()).build();
            writer = new FanoutDataWriter<>(writerFactory, files, table.io(), TARGET_FILE_BYTES);
            key = new PartitionKey(table.spec(), schema);
            wrapper = new InternalRecordWrapper(schema.asStruct());
            // One record reused for every row: the Parquet writer encodes a row's values when it is written, and the
            // fan-out writer copies a partition key only when it opens a partition, so neither keeps a reference.
            record = GenericRecord.create(schema);
            positions = positions(definition, schema);
            values = new Object[positions.length];
        }

        /** Closes the files and commits them in one append; 0 and nothing committed if no row was added. */
        int commit() {
            if (writer == null) {
                return 0;
            }
            FanoutDataWriter<Record> files = writer;
            writer = null;
            try {
                files.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + definition.qualifiedName() + ": " + e.getMessage(), e);
            }
            List<DataFile> dataFiles = files.result().dataFiles();
            AppendFiles append = table.newAppend();
            dataFiles.forEach(append::appendFile);
            append.set("fluxo.rows", String.valueOf(rows));
            append.commit();
            return rows;
        }

        void abort() {
            if (writer != null) {
                FanoutDataWriter<Record> open = writer;
                writer = null;
                try {
                    open.close();
                } catch (IOException | RuntimeException e) {
                    // the batch already failed; its files are committed by no snapshot either way
                }
            }
        }
    }

    private static void bronzeRow(BronzeRow row, Object[] v, OffsetDateTime ingestedAt) {
        CustomerChange c = row.change();
        v[B_POSITION] = c.position().rendered();
        v[B_OP] = c.op().letter();
        v[B_TXID] = c.position().txId();
        v[B_ID] = c.id();
        v[B_COMMIT_TIME] = utc(c.commitTime());
        v[B_INGESTED_AT] = ingestedAt;
        v[B_COORDINATES] = row.coordinates();
        v[B_RAW] = ByteBuffer.wrap(row.raw());
    }

    private static void silverRow(CustomerChange c, Object[] v, OffsetDateTime ingestedAt) {
        Object[] image = c.image().values();
        for (int i = 0; i < image.length; i++) {
            v[S_CUSTOMER[i]] = S_CUSTOMER_TIMESTAMP[i] ? utc((Instant) image[i]) : image[i];
        }
        v[S_OP] = c.op().letter();
        v[S_POSITION] = c.position().rendered();
        v[S_TXID] = c.position().txId();
        v[S_COMMIT_TIME] = utc(c.commitTime());
        v[S_INGESTED_AT] = ingestedAt;
        v[S_SCHEMA_VERSION] = c.schemaVersion();
    }

    private static void deadLetterRow(DeadLetter d, Object[] v) {
        v[D_RECEIVED_AT] = utc(d.receivedAt());
        v[D_COORDINATES] = d.coordinates();
        v[D_STAGE] = d.stage().column();
        v[D_REASON] = d.reason();
        v[D_RAW] = ByteBuffer.wrap(d.raw());
    }

    /** The index of a column in the definition; fails at class load if a definition lost a column this writer sets. */
    private static int index(TableDefinition table, String column) {
        int i = table.columnNames().indexOf(column);
        if (i < 0) {
            throw new IllegalStateException(table.qualifiedName() + " has no " + column);
        }
        return i;
    }

    private static boolean[] timestampFlags() {
        boolean[] flags = new boolean[CustomerColumns.ALL.size()];
        for (int i = 0; i < flags.length; i++) {
            flags[i] = CustomerColumns.ALL.get(i).type() == ColumnType.TIMESTAMP;
        }
        return flags;
    }

    /** For each of the definition's columns, its position in the table's schema (which may hold more, or reorder). */
    private static int[] positions(TableDefinition definition, Schema schema) {
        List<Types.NestedField> fields = schema.columns();
        int[] positions = new int[definition.columns().size()];
        for (int i = 0; i < positions.length; i++) {
            String name = definition.columns().get(i).name();
            positions[i] = -1;
            for (int f = 0; f < fields.size(); f++) {
                if (fields.get(f).name().equals(name)) {
                    positions[i] = f;
                }
            }
            if (positions[i] < 0) {
                throw new IllegalStateException(definition.qualifiedName() + " has no column " + name);
            }
        }
        return positions;
    }

    private static OffsetDateTime utc(Instant instant) {
        // through LocalDateTime: Instant.atOffset builds a ZoneRules per call
        return instant == null ? null : OffsetDateTime.of(
                LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC), ZoneOffset.UTC);
    }
}
