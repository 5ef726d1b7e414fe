package dev.fluxo.transform;

import com.amazonaws.services.lambda.runtime.events.KafkaEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fluxo.pipeline.TransformPipeline;
import dev.fluxo.pipeline.TransformedBatch;
import dev.fluxo.pipeline.change.SourcePosition;
import dev.fluxo.pipeline.decode.DecoderOptions;
import dev.fluxo.pipeline.decode.EnvelopeFormat;
import dev.fluxo.pipeline.mask.MaskingKey;
import dev.fluxo.pipeline.mask.MaskingPolicy;
import dev.fluxo.pipeline.mask.PiiMasker;
import dev.fluxo.pipeline.write.IcebergTables;
import dev.fluxo.schema.LakehouseTables;
import dev.fluxo.transform.config.TransformSettings;
import dev.fluxo.transform.event.KafkaEvents;
import dev.fluxo.transform.testing.CapturedChanges.Change;
import dev.fluxo.transform.testing.CapturedChanges;
import dev.fluxo.transform.testing.LambdaRuntime;
import dev.fluxo.transform.testing.TestLakehouse;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.data.Record;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mockito.ArgumentCaptor;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The MSK handler fed real Debezium events (captured from PostgreSQL) over a JDBC catalog and s3proxy. */
class MskTransformHandlerTest {
    private static final String CLUSTER_ARN = "arn:aws:kafka:us-east-1:123456789012:cluster/fluxo/abc-1";
    private static final String SECRET_ARN = "arn:aws:secretsmanager:us-east-1:123456789012:secret:fluxo-masking-AbC";

    @TempDir
    static Path dir;
    private static TestLakehouse lakehouse;
    /** 4 inserts, 2 updates, 1 delete and its tombstone, as Debezium emitted them. */
    private static List<Change> changes;

    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private PrintStream originalOut;

    @BeforeAll
    static void start() throws Exception {
        lakehouse = TestLakehouse.start(dir);
        changes = CapturedChanges.capture(lakehouse, 8,
                "insert into public.customers (nome, sexo, endereco, telefone, email, foto, profissao) values "
                        + "('Ana Souza', 'F', 'Rua Augusta, 10, São Paulo, SP', '+55 11 91234-5678', "
                        + "'ana.souza@example.com', 'https://robohash.org/a.png', 'Médica'), "
                        + "('Bruno Lima', 'M', 'Avenida Brasil, 20, Recife, PE', '+55 81 99876-5432', "
                        + "'bruno.lima@example.com', 'https://robohash.org/b.png', 'Professor'), "
                        + "('Carla Costa', 'F', 'Rua XV de Novembro, 3, Curitiba, PR', '+55 41 93333-4444', "
                        + "'carla.costa@example.com', null, 'Designer'), "
                        + "('Diego Gomes', 'M', null, '+55 21 95555-6666', 'diego@example.com', null, null)",
                "update public.customers set profissao = 'Advogado', dt_update = now() at time zone 'utc' where id = 2",
                "update public.customers set email = 'carla@example.org' where id = 3",
                "delete from public.customers where id = 4");
    }

    @AfterAll
    static void stop() throws Exception {
        lakehouse.close();
    }

    @BeforeEach
    void captureOutput() {
        originalOut = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreOutput() {
        System.setOut(originalOut);
    }

    private String output() {
        return captured.toString(StandardCharsets.UTF_8);
    }

    /** The event the MSK event source mapping sends for these values, at offsets 0, 1, 2… of partition 0. */
    static KafkaEvent event(List<Change> values) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            Change c = values.get(i);
            records.add(new ConsumerRecord<>(CapturedChanges.TOPIC, 0, i, 1_795_000_000_000L + i,
                    TimestampType.CREATE_TIME, -1, -1, bytes(c.key()), bytes(c.value()), new RecordHeaders(),
                    Optional.empty()));
        }
        return KafkaEvents.fromConsumerRecords(records, CLUSTER_ARN, "127.0.0.1:9092");
    }

    private static byte[] bytes(String s) {
        return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    }

    private static MskTransformHandler handler(Map<String, String> env) {
        return new MskTransformHandler(env, null, LambdaRuntime.emfMetrics());
    }

    private static TransformSummary invoke(MskTransformHandler handler, KafkaEvent event) {
        return handler.handleRequest(event, LambdaRuntime.context("fluxo-transform"));
    }

    @Test
    void capturedChangesLandInBronzeAndSilverMaskedWithTheirLogPositions() throws Exception {
        Map<String, String> env = lakehouse.environment("captured");
        TransformSummary summary = invoke(handler(env), event(changes));

        assertThat(summary).extracting(TransformSummary::getReceived, TransformSummary::getIgnored,
                TransformSummary::getBronze, TransformSummary::getSilver, TransformSummary::getDeadLettered)
                .containsExactly(8, 1, 7, 7, 0);
        Catalog catalog = TestLakehouse.catalog(env);
        List<Record> silver = TestLakehouse.read(catalog, LakehouseTables.SILVER_CUSTOMERS_CHANGES);
        assertThat(silver.stream().map(r -> r.getField("id") + ":" + r.getField("op")).sorted())
                .containsExactly("1:c", "2:c", "2:u", "3:c", "3:u", "4:c", "4:d");
        assertThat(silver).allSatisfy(r -> {
            assertThat(r.getField("nome")).as("nome is dropped").isNull();
            assertThat((String) r.getField("email")).doesNotContain("@");
            assertThat((String) r.getField("source_position")).hasSize(SourcePosition.LSN_DIGITS);
            assertThat(r.getField("dt_update")).isInstanceOf(OffsetDateTime.class);
        });
        Record updatedJob = silver.stream().filter(r -> r.getField("id").equals(2L) && r.getField("op").equals("u"))
                .findFirst().orElseThrow();
        assertThat(updatedJob.getField("profissao")).isEqualTo("Advogado");

        List<Record> bronze = TestLakehouse.read(catalog, LakehouseTables.BRONZE_CUSTOMERS_CHANGES);
        assertThat(bronze.stream().map(r -> (String) r.getField("source_coordinates")).sorted())
                .containsExactly("fluxo.public.customers/0/0", "fluxo.public.customers/0/1",
                        "fluxo.public.customers/0/2", "fluxo.public.customers/0/3", "fluxo.public.customers/0/4",
                        "fluxo.public.customers/0/5", "fluxo.public.customers/0/6");
        assertThat(bronze.stream().map(r -> (String) r.getField("source_position")).distinct()).hasSize(7);
    }

    @Test
    void malformedRecordsAreDeadLetteredWithTheirReasonsAndTheBatchReconciles() throws Exception {
        Map<String, String> env = lakehouse.environment("malformed");
        List<Change> batch = new ArrayList<>(changes.subList(0, 2));
        batch.add(new Change("{\"id\":9}", "this is not JSON"));
        batch.add(new Change("{\"id\":9}", changes.get(0).value().replace("\"op\":\"c\"", "\"op\":\"x\"")));
        batch.add(new Change(null, changes.get(1).value().replace("\"id\":2,", "\"id\":\"dois\",")));

        TransformSummary summary = invoke(handler(env), event(batch));

        assertThat(summary).extracting(TransformSummary::getReceived, TransformSummary::getIgnored,
                TransformSummary::getBronze, TransformSummary::getSilver, TransformSummary::getDeadLettered)
                .containsExactly(5, 0, 2, 2, 3);
        List<Record> deadLetters = TestLakehouse.read(TestLakehouse.catalog(env),
                LakehouseTables.BRONZE_CUSTOMERS_DEAD_LETTER);
        Map<String, String> reasons = deadLetters.stream().collect(Collectors.toMap(
                r -> (String) r.getField("source_coordinates"), r -> r.getField("stage") + ": " + r.getField("reason")));
        assertThat(reasons).containsOnlyKeys("fluxo.public.customers/0/2", "fluxo.public.customers/0/3",
                "fluxo.public.customers/0/4");
        assertThat(reasons.values()).allSatisfy(reason -> assertThat(reason).matches("(decode|validate): .{5,}"));
        assertThat(reasons.get("fluxo.public.customers/0/3")).contains("x");
        assertThat(deadLetters).allSatisfy(r -> assertThat(r.getField("raw")).isNotNull());
    }

    @Test
    void eachBatchEmitsItsCountsAsEmbeddedMetrics() throws Exception {
        invoke(handler(lakehouse.environment("metrics")), event(changes));

        JsonNode emf = null;
        ObjectMapper json = new ObjectMapper();
        for (String line : output().split("\n")) {
            if (line.contains("\"CloudWatchMetrics\"") && line.contains("RecordsIn")) {
                emf = json.readTree(line);
            }
        }
        assertThat(emf).as("an EMF line with the batch's metrics in:%n%s", output()).isNotNull();
        assertThat(emf.at("/_aws/CloudWatchMetrics/0/Namespace").asText())
                .isEqualTo(TransformFunction.DEFAULT_METRICS_NAMESPACE);
        assertThat(emf.get(TransformMetric.RECORDS_IN.metricName()).asDouble()).isEqualTo(8);
        assertThat(emf.get(TransformMetric.WRITTEN_BRONZE.metricName()).asDouble()).isEqualTo(7);
        assertThat(emf.get(TransformMetric.WRITTEN_SILVER.metricName()).asDouble()).isEqualTo(7);
        assertThat(emf.get(TransformMetric.DEAD_LETTERED.metricName()).asDouble()).isZero();
        assertThat(emf.get(TransformMetric.IGNORED.metricName()).asDouble()).isEqualTo(1);
        assertThat(output()).contains("Batch written").contains("\"function_request_id\":\"test-request\"");
    }

    @Test
    void readsTheMaskingKeyFromItsSecretAndNeverShowsIt() throws Exception {
        SecretsManagerClient secrets = mock(SecretsManagerClient.class);
        String key = "k3y-from-Secrets-Manager-0123456789";
        when(secrets.getSecretValue(any(GetSecretValueRequest.class)))
                .thenReturn(GetSecretValueResponse.builder().arn(SECRET_ARN).secretString(key).build());
        Map<String, String> env = lakehouse.environment("secret");
        env.remove(TransformSettings.MASKING_KEY);
        env.put(TransformSettings.MASKING_KEY_SECRET_ARN, SECRET_ARN);

        MskTransformHandler handler = new MskTransformHandler(env, secrets, LambdaRuntime.emfMetrics());
        invoke(handler, event(changes.subList(0, 1)));

        ArgumentCaptor<GetSecretValueRequest> request = ArgumentCaptor.forClass(GetSecretValueRequest.class);
        verify(secrets).getSecretValue(request.capture());
        assertThat(request.getValue()).isEqualTo(GetSecretValueRequest.builder().secretId(SECRET_ARN).build());
        assertThat(output()).contains("Batch written").doesNotContain(key);

        when(secrets.getSecretValue(any(GetSecretValueRequest.class)))
                .thenReturn(GetSecretValueResponse.builder().arn(SECRET_ARN).secretString("short-k3y").build());
        assertThatThrownBy(() -> new MskTransformHandler(env, secrets, LambdaRuntime.emfMetrics()))
                .hasMessageContaining(SECRET_ARN).hasMessageContaining("at least 16 bytes")
                .satisfies(e -> assertThat(e.toString()).doesNotContain("short-k3y"));
    }

    @Test
    void anUnreachableCatalogFailsTheWholeBatchSoLambdaRetriesIt() {
        Map<String, String> env = lakehouse.environment("no_such_database", "unreachable");
        MskTransformHandler handler = handler(env);

        assertThatThrownBy(() -> invoke(handler, event(changes.subList(0, 2))))
                .isInstanceOf(TransformException.class)
                .hasMessageContaining("batch of 2 records from [" + CapturedChanges.TOPIC + "-0] was not written");
        assertThat(handler.isCatalogOpen()).isFalse();
    }

    @Test
    void beforeASnapshotTheFunctionIsPrimedInMemoryAndNoCatalogConnectionSurvivesIt() throws Exception {
        Map<String, String> env = lakehouse.environment("snapshot");
        MskTransformHandler handler = handler(env);
        assertThat(handler.isCatalogOpen()).as("opened at init").isTrue();

        handler.beforeCheckpoint(null);
        assertThat(handler.isCatalogOpen()).isFalse();
        assertThat(output()).contains("Primed " + PrimingBatches.BATCHES * PrimingBatches.BATCH_SIZE
                + " DEBEZIUM_JSON changes");
        Catalog catalog = TestLakehouse.catalog(env);
        assertThat(catalog.loadTable(IcebergTables.identifier(LakehouseTables.SILVER_CUSTOMERS_CHANGES))
                .currentSnapshot()).as("priming wrote nothing to the lakehouse").isNull();
        ((AutoCloseable) catalog).close();
        assertThat(output()).as("priming emits no metrics").doesNotContain("RecordsIn");
        handler.afterRestore(null);

        assertThat(invoke(handler, event(changes.subList(0, 3))).getBronze()).isEqualTo(3);
        assertThat(handler.isCatalogOpen()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(EnvelopeFormat.class)
    void primingBatchesAreValidChangesInEveryEnvelopeFormat(EnvelopeFormat format) {
        TransformPipeline pipeline = TransformPipeline.builder().decoder(format.decoder(DecoderOptions.defaults()))
                .masker(new PiiMasker(MaskingKey.of(new byte[32]), MaskingPolicy.defaults())).build();
        for (int batch = 0; batch < PrimingBatches.BATCHES; batch++) {
            TransformedBatch primed = pipeline.transform(PrimingBatches.batch(format, batch));
            assertThat(primed.deadLetters()).as("batch %d of %s", batch, format).isEmpty();
            assertThat(primed.silver()).hasSize(PrimingBatches.BATCH_SIZE);
        }
    }

    @Test
    void misconfigurationListsEveryProblemByVariableAtInit() {
        Map<String, String> env = Map.of(TransformSettings.CATALOG, "hive", "FLUXO_ENVELOPE_FORMAT", "avro");
        assertThatThrownBy(() -> handler(env))
                .hasMessageContaining("FLUXO_CATALOG must be glue-rest, glue or jdbc, got 'hive'")
                .hasMessageContaining("FLUXO_CATALOG_GLUE_CATALOG_ID is required")
                .hasMessageContaining("FLUXO_ENVELOPE_FORMAT: unknown envelope format 'avro'")
                .hasMessageContaining(TransformSettings.MASKING_KEY_SECRET_ARN + " (or " + TransformSettings.MASKING_KEY);
    }
}
