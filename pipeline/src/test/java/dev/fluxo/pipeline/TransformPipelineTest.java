package dev.fluxo.pipeline;

import dev.fluxo.pipeline.change.Customer;
import dev.fluxo.pipeline.change.SourcePosition;
import dev.fluxo.pipeline.deadletter.Stage;
import dev.fluxo.pipeline.decode.DecoderOptions;
import dev.fluxo.pipeline.decode.EnvelopeFormat;
import dev.fluxo.pipeline.decode.SourceRecord;
import dev.fluxo.pipeline.mask.KeyedHash;
import dev.fluxo.pipeline.mask.MaskingKey;
import dev.fluxo.pipeline.mask.MaskingPolicy;
import dev.fluxo.pipeline.mask.PiiMasker;
import dev.fluxo.pipeline.testing.CustomerEvents;
import dev.fluxo.pipeline.testing.LocalLakehouse;
import dev.fluxo.pipeline.write.CatalogSettings;
import dev.fluxo.pipeline.write.IcebergTables;
import dev.fluxo.pipeline.write.LakehouseWriter;
import dev.fluxo.schema.LakehouseTables;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.HasTableOperations;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The whole transform against real services: Iceberg JDBC catalog on PostgreSQL, S3FileIO on s3proxy. */
class TransformPipelineTest {
    private static final byte[] KEY_BYTES = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final Instant DAY_ONE = Instant.parse("2026-11-22T23:00:00.000001Z");
    private static final Instant DAY_TWO = Instant.parse("2026-11-23T01:30:00.654321Z");

    @TempDir
    static Path dir;
    private static LocalLakehouse lakehouse;

    @BeforeAll
    static void start() throws Exception {
        lakehouse = LocalLakehouse.start(dir);
    }

    @AfterAll
    static void stop() throws Exception {
        lakehouse.close();
    }

    private static TransformPipeline pipeline(Catalog catalog) {
        return TransformPipeline.builder()
                .decoder(EnvelopeFormat.DEBEZIUM_JSON.decoder(DecoderOptions.defaults()))
                .masker(new PiiMasker(MaskingKey.of(KEY_BYTES), MaskingPolicy.defaults()))
                .writer(new LakehouseWriter(catalog))
                .build();
    }

    @Test
    void withANamespacePrefixTheBatchLandsInTheEnvironmentsNamespaces() throws Exception {
        Map<String, String> properties = new HashMap<>(lakehouse.catalogProperties("prefixed"));
        properties.put(CatalogSettings.NAMESPACE_PREFIX, "fluxo_dev_");
        CustomerEvents events = new CustomerEvents(11);
        List<SourceRecord> records = new ArrayList<>();
        for (long id = 1; id <= 5; id++) {
            records.add(SourceRecord.of(("{\"id\":" + id + "}").getBytes(StandardCharsets.UTF_8),
                    events.event("c", null, events.customer(id, DAY_ONE), DAY_ONE), "fluxo.public.customers/0/" + id));
        }

        PipelineSettings.from(properties).pipeline(MaskingKey.of(KEY_BYTES)).process(records).assertReconciled();

        Catalog catalog = lakehouse.catalog("prefixed");
        assertThat(read(catalog.loadTable(IcebergTables.identifier(LakehouseTables.SILVER_CUSTOMERS_CHANGES,
                "fluxo_dev_")))).hasSize(5);
        assertThat(read(catalog.loadTable(IcebergTables.identifier(LakehouseTables.BRONZE_CUSTOMERS_CHANGES,
                "fluxo_dev_")))).hasSize(5);
        assertThat(catalog.tableExists(IcebergTables.identifier(LakehouseTables.SILVER_CUSTOMERS_CHANGES))).isFalse();
        properties.put(CatalogSettings.NAMESPACE_PREFIX, "Fluxo-Dev");
        assertThat(new CatalogSettings(properties).problems())
                .anyMatch(p -> p.contains(CatalogSettings.NAMESPACE_PREFIX + " must be lower-case"));
    }

    @Test
    void batchIsReadBackFromIcebergEqualToTheInputMaskedAndPartitionedByDay() throws Exception {
        Catalog catalog = lakehouse.catalog("good");
        CustomerEvents events = new CustomerEvents(7);
        List<SourceRecord> records = new ArrayList<>();
        Map<Long, Customer> written = new HashMap<>();
        Map<Long, byte[]> raw = new HashMap<>();
        for (long id = 1; id <= 40; id++) {
            Instant commit = (id % 2 == 0 ? DAY_ONE : DAY_TWO).plusSeconds(id);
            Customer row = events.customer(id, commit);
            byte[] value = events.event("c", null, row, commit);
            written.put(id, row);
            raw.put(id, value);
            records.add(SourceRecord.of(("{\"id\":" + id + "}").getBytes(StandardCharsets.UTF_8), value,
                    "fluxo.public.customers/0/" + id));
        }
        records.add(SourceRecord.of("{\"id\":40}".getBytes(StandardCharsets.UTF_8), null, "fluxo.public.customers/0/41"));

        // built as the Lambda handler and the local target build it: from properties plus the key
        TransformPipeline pipeline = PipelineSettings.from(lakehouse.catalogProperties("good"))
                .pipeline(MaskingKey.of(KEY_BYTES));
        BatchReport report = pipeline.process(records).assertReconciled();

        assertThat(report).isEqualTo(new BatchReport(41, 1, 40, 40, 0, 0));
        KeyedHash hash = new KeyedHash(MaskingKey.of(KEY_BYTES));
        Table silver = catalog.loadTable(IcebergTables.identifier(LakehouseTables.SILVER_CUSTOMERS_CHANGES));
        List<Record> silverRows = read(silver);
        assertThat(silverRows).hasSize(40);
        for (Record r : silverRows) {
            Customer in = written.get((Long) r.getField("id"));
            assertThat(r.getField("nome")).as("nome is dropped by the default policy").isNull();
            assertThat(r.getField("sexo")).isEqualTo(in.sexo());
            assertThat(r.getField("endereco")).isEqualTo(in.endereco());
            assertThat(r.getField("telefone")).isEqualTo(hash.hash(in.telefone()));
            assertThat(r.getField("email")).isEqualTo(hash.hash(in.email()));
            assertThat(r.getField("foto")).isEqualTo(in.foto());
            assertThat(r.getField("profissao")).isEqualTo(in.profissao());
            assertThat(((OffsetDateTime) r.getField("dt_update")).toInstant()).isEqualTo(in.dtUpdate());
            assertThat(((OffsetDateTime) r.getField("commit_time")).toInstant()).isEqualTo(in.dtUpdate());
            assertThat(r.getField("op")).isEqualTo("c");
            assertThat((String) r.getField("source_position")).hasSize(SourcePosition.LSN_DIGITS);
            assertThat(r.getField("source_txid")).isNotNull();
            assertThat(r.getField("schema_version")).isEqualTo(LakehouseTables.CUSTOMER_SCHEMA_VERSION);
        }
        assertThat(silverRows.stream().map(r -> r.getField("id")).collect(Collectors.toSet()))
                .isEqualTo(written.keySet());
        assertThat(silver.spec().fields()).singleElement()
                .satisfies(f -> assertThat(f.transform().toString()).isEqualTo("day"));
        assertThat(partitionDays(silver)).containsExactlyInAnyOrder("2026-11-22", "2026-11-23");
        assertThat(silver.snapshots()).hasSize(1);
        assertThat(((HasTableOperations) silver).operations().current().formatVersion())
                .isEqualTo(Integer.parseInt(IcebergTables.FORMAT_VERSION));

        Table bronze = catalog.loadTable(IcebergTables.identifier(LakehouseTables.BRONZE_CUSTOMERS_CHANGES));
        List<Record> bronzeRows = read(bronze);
        assertThat(bronzeRows).hasSize(40).allSatisfy(r -> {
            long id = (Long) r.getField("id");
            assertThat(bytes(r.getField("raw"))).isEqualTo(raw.get(id));
            assertThat(r.getField("source_coordinates")).isEqualTo("fluxo.public.customers/0/" + id);
        });
        assertThat(partitionDays(bronze)).containsExactlyInAnyOrder("2026-11-22", "2026-11-23");
        try (var files = Files.walk(lakehouse.bucketDirectory().resolve("good"))) {
            assertThat(files.filter(p -> p.toString().endsWith(".parquet")).count()).as("data files on s3proxy")
                    .isEqualTo(4);
        }
    }

    @Test
    void badRecordsAreDeadLetteredWithTheirReasonWhileTheRestOfTheBatchIsWritten() throws Exception {
        Catalog catalog = lakehouse.catalog("bad");
        CustomerEvents events = new CustomerEvents(11);
        byte[] good1 = events.create(1, DAY_ONE);
        byte[] good2 = events.create(2, DAY_TWO);
        byte[] randomBytes = new byte[300];
        new Random(3).nextBytes(randomBytes);
        byte[] truncated = Arrays.copyOf(good1, good1.length / 2);
        byte[] wrongType = text(events.create(3, DAY_ONE)).replace("\"id\":3", "\"id\":\"three\"")
                .getBytes(StandardCharsets.UTF_8);
        byte[] missingId = text(events.create(4, DAY_ONE)).replace("\"id\":4,", "").getBytes(StandardCharsets.UTF_8);
        // An explicit null key, as a hand-made or broken producer may send: dead-lettered, never a stuck batch.
        byte[] nullId = text(events.create(7, DAY_ONE)).replace("\"id\":7,", "\"id\":null,")
                .getBytes(StandardCharsets.UTF_8);
        byte[] unknownOp = text(events.create(5, DAY_ONE)).replace("\"op\":\"c\"", "\"op\":\"x\"")
                .getBytes(StandardCharsets.UTF_8);
        byte[] huge = ("{\"padding\":\"" + "x".repeat(5 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        byte[] wrongVersion = ("{\"schema\":{\"type\":\"struct\",\"fields\":[{\"type\":\"struct\",\"fields\":[],"
                + "\"optional\":true,\"name\":\"fluxo.public.customers.Value\",\"version\":7,\"field\":\"after\"}],"
                + "\"name\":\"fluxo.public.customers.Envelope\",\"version\":2},\"payload\":"
                + text(events.create(6, DAY_ONE)) + "}").getBytes(StandardCharsets.UTF_8);
        Map<String, byte[]> inputs = new java.util.LinkedHashMap<>();
        inputs.put("good1", good1);
        inputs.put("random", randomBytes);
        inputs.put("truncated", truncated);
        inputs.put("wrongType", wrongType);
        inputs.put("missingId", missingId);
        inputs.put("nullId", nullId);
        inputs.put("unknownOp", unknownOp);
        inputs.put("huge", huge);
        inputs.put("wrongVersion", wrongVersion);
        inputs.put("good2", good2);
        List<SourceRecord> records = inputs.entrySet().stream()
                .map(e -> SourceRecord.of(null, e.getValue(), e.getKey())).toList();

        BatchReport report = pipeline(catalog).process(records).assertReconciled();

        // decode: random, truncated, wrong type, unknown op, too large; validate: missing id, null id, wrong version
        assertThat(report).isEqualTo(new BatchReport(10, 0, 5, 2, 5, 3));
        Table deadLetters = catalog.loadTable(IcebergTables.identifier(LakehouseTables.BRONZE_CUSTOMERS_DEAD_LETTER));
        Map<String, Record> byCoordinates = read(deadLetters).stream()
                .collect(Collectors.toMap(r -> (String) r.getField("source_coordinates"), r -> r));
        assertThat(byCoordinates).containsOnlyKeys("random", "truncated", "wrongType", "missingId", "nullId", "unknownOp",
                "huge", "wrongVersion");
        assertReason(byCoordinates, "random", Stage.DECODE, "invalid JSON");
        assertReason(byCoordinates, "truncated", Stage.DECODE, "invalid JSON");
        assertReason(byCoordinates, "wrongType", Stage.DECODE, "id: expected an integer, got 'three'");
        assertReason(byCoordinates, "unknownOp", Stage.DECODE, "unknown op 'x'");
        assertReason(byCoordinates, "huge", Stage.DECODE, "payload too large");
        assertReason(byCoordinates, "missingId", Stage.VALIDATE, "id is required");
        assertReason(byCoordinates, "nullId", Stage.VALIDATE, "id is required");
        assertReason(byCoordinates, "wrongVersion", Stage.VALIDATE, "schema version 7 is not supported");
        byCoordinates.forEach((coordinates, r) -> assertThat(bytes(r.getField("raw"))).isEqualTo(inputs.get(coordinates)));
        assertThat(partitionDays(deadLetters)).hasSize(1);

        Table silver = catalog.loadTable(IcebergTables.identifier(LakehouseTables.SILVER_CUSTOMERS_CHANGES));
        assertThat(read(silver)).extracting(r -> r.getField("id")).containsExactlyInAnyOrder(1L, 2L);
        Table bronze = catalog.loadTable(IcebergTables.identifier(LakehouseTables.BRONZE_CUSTOMERS_CHANGES));
        assertThat(read(bronze)).extracting(r -> r.getField("source_coordinates"))
                .containsExactlyInAnyOrder("good1", "good2", "missingId", "nullId", "wrongVersion");
    }

    private static void assertReason(Map<String, Record> rows, String coordinates, Stage stage, String reason) {
        Record r = rows.get(coordinates);
        assertThat(r.getField("stage")).as(coordinates).isEqualTo(stage.column());
        assertThat((String) r.getField("reason")).as(coordinates).contains(reason);
        assertThat(((OffsetDateTime) r.getField("received_at")).getOffset()).isEqualTo(ZoneOffset.UTC);
    }

    static List<Record> read(Table table) throws Exception {
        table.refresh();
        List<Record> rows = new ArrayList<>();
        try (CloseableIterable<Record> it = IcebergGenerics.read(table).build()) {
            it.forEach(r -> rows.add(r.copy()));
        }
        return rows;
    }

    static Set<String> partitionDays(Table table) throws Exception {
        Set<String> days = new HashSet<>();
        try (CloseableIterable<FileScanTask> tasks = table.newScan().planFiles()) {
            for (FileScanTask task : tasks) {
                days.add(table.spec().partitionToPath(task.file().partition()).replaceAll(".*=", ""));
            }
        }
        return days;
    }

    private static byte[] bytes(Object buffer) {
        ByteBuffer b = ((ByteBuffer) buffer).duplicate();
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
