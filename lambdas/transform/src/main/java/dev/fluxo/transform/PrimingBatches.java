package dev.fluxo.transform;

import dev.fluxo.pipeline.change.SourcePosition;
import dev.fluxo.pipeline.decode.EnvelopeFormat;
import dev.fluxo.pipeline.decode.SourceRecord;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Synthetic batches of valid changes to {@code public.customers} in each envelope format, which take a function through
 * its whole per-record path (decode, validate, mask, Parquet encoding) before a SnapStart snapshot: AWS runs the
 * transform with C2 ({@code JAVA_TOOL_OPTIONS}), and code compiled before the snapshot is in it, so a restored
 * function does not spend its first batches compiling. Inserts and updates, names with accents (UTF-8 paths), every
 * column set.
 */
final class PrimingBatches {
    /** Batches run before a snapshot. */
    static final int BATCHES = 12;
    /** Changes per batch: with {@link #BATCHES}, enough calls for C2 to compile the per-record methods. */
    static final int BATCH_SIZE = 1_000;

    private static final String[] NAMES = {"João Araújo", "Maria Conceição", "Ana Luíza Gonçalves", "Luiz Fernando"};
    private static final String[] PROFESSIONS = {"Contador", "Engenheira", "Médico", "Professora de Música"};
    private static final Instant COMMIT = Instant.parse("2026-01-01T12:00:00.123456Z");
    private static final DateTimeFormatter DMS_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS")
            .withZone(ZoneOffset.UTC);

    private PrimingBatches() {
    }

    /** Batch {@code index} (0 to {@link #BATCHES} - 1) in {@code format}. */
    static List<SourceRecord> batch(EnvelopeFormat format, int index) {
        List<SourceRecord> records = new ArrayList<>(BATCH_SIZE);
        for (int i = 0; i < BATCH_SIZE; i++) {
            long n = (long) index * BATCH_SIZE + i;
            long id = n % 700 + 1; // ids repeat: inserts, then updates of the same customers
            String op = n < 700 ? "c" : "u";
            Instant commit = COMMIT.plusMillis(n);
            String coordinates = "priming/" + index + "/" + i;
            records.add(switch (format) {
                case DEBEZIUM_JSON -> new SourceRecord(null, utf8(debezium(id, op, commit, n)), coordinates, null);
                case CONNECT_JSON -> new SourceRecord(null, utf8(connect(id, commit)), coordinates,
                        SourcePosition.offset(n));
                case DMS_JSON -> new SourceRecord(null, utf8(dms(id, op, commit)), coordinates,
                        SourcePosition.sequence(String.valueOf(1_000_000_000L + n)));
            });
        }
        return records;
    }

    private static String debezium(long id, String op, Instant commit, long n) {
        long micros = micros(commit);
        long lsn = 33_554_432L + n * 512;
        return "{\"before\":null,\"after\":" + row(id, String.valueOf(micros)) + ",\"source\":{\"version\":\"3.6.1.Final\","
                + "\"connector\":\"postgresql\",\"name\":\"fluxo\",\"ts_ms\":" + micros / 1000 + ",\"snapshot\":\"false\","
                + "\"db\":\"postgres\",\"schema\":\"public\",\"table\":\"customers\",\"txId\":" + (1000 + n) + ",\"lsn\":"
                + lsn + "},\"op\":\"" + op + "\",\"ts_ms\":" + (micros / 1000 + 5) + "}";
    }

    private static String connect(long id, Instant commit) {
        return "{\"schema\":{\"type\":\"struct\",\"fields\":[{\"type\":\"int64\",\"optional\":false,\"field\":\"id\"},"
                + field("nome") + "," + field("sexo") + "," + field("endereco") + "," + field("telefone") + ","
                + field("email") + "," + field("foto") + "," + field("profissao") + ",{\"type\":\"int64\","
                + "\"optional\":false,\"name\":\"org.apache.kafka.connect.data.Timestamp\",\"version\":1,"
                + "\"field\":\"dt_update\"}],\"optional\":false,\"name\":\"customers\"},\"payload\":"
                + row(id, String.valueOf(commit.toEpochMilli())) + "}";
    }

    private static String dms(long id, String op, Instant commit) {
        return "{\"data\":" + row(id, "\"" + DMS_TIME.format(commit) + "\"") + ",\"metadata\":{\"timestamp\":\""
                + commit + "\",\"record-type\":\"data\",\"operation\":\"" + (op.equals("c") ? "insert" : "update")
                + "\",\"partition-key-type\":\"schema-table\",\"schema-name\":\"public\",\"table-name\":\"customers\","
                + "\"transaction-id\":" + (8_589_934_592L + id) + "}}";
    }

    private static String field(String name) {
        return "{\"type\":\"string\",\"optional\":true,\"field\":\"" + name + "\"}";
    }

    /** A customer row; {@code dtUpdate} is the JSON value in the format's unit. */
    private static String row(long id, String dtUpdate) {
        int k = (int) (id % NAMES.length);
        return "{\"id\":" + id + ",\"nome\":\"" + NAMES[k] + " " + id + "\",\"sexo\":\"" + (id % 2 == 0 ? "F" : "M")
                + "\",\"endereco\":\"Rua das Flores, " + id + ", São Paulo - SP\",\"telefone\":\"+55 11 9"
                + (10_000_000 + id) + "\",\"email\":\"cliente" + id + "@example.com.br\",\"foto\":\"https://example.com/"
                + id + ".jpg\",\"profissao\":\"" + PROFESSIONS[k] + "\",\"dt_update\":" + dtUpdate + "}";
    }

    private static long micros(Instant t) {
        return t.getEpochSecond() * 1_000_000 + t.getNano() / 1_000;
    }

    private static byte[] utf8(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
