package dev.fluxo.producer;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import dev.fluxo.producer.aws.HandlerSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.HashMap;
import java.util.Map;

import static dev.fluxo.producer.TestDatabase.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class ProducerHandlerTest {
    private static final String SECRET_ARN =
            "arn:aws:secretsmanager:us-east-1:123456789012:secret:rds!db-1234abcd-5678-AbCdEf";
    private static final String PASSWORD = "s3cr3t-Pa55-do-RDS";

    private final SecretsManagerClient secrets = mock(SecretsManagerClient.class);
    private final Metrics metrics = mock(Metrics.class);
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;

    @BeforeEach
    void setUp() throws Exception {
        TestDatabase.reset();
        when(secrets.getSecretValue(any(GetSecretValueRequest.class))).thenReturn(GetSecretValueResponse.builder()
                .arn(SECRET_ARN).secretString("{\"username\":\"postgres\",\"password\":\"" + PASSWORD + "\"}").build());
        originalOut = System.out;
        originalErr = System.err;
        PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        System.setErr(capture);
    }

    @AfterEach
    void restoreStreams() {
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    private String logs() {
        return captured.toString(StandardCharsets.UTF_8);
    }

    private static Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put(HandlerSettings.HOST, "127.0.0.1");
        env.put(HandlerSettings.PORT, String.valueOf(TestDatabase.port()));
        env.put(HandlerSettings.NAME, "postgres");
        env.put(HandlerSettings.SECRET_ARN, SECRET_ARN);
        env.put(HandlerSettings.SSL_MODE, "disable");
        return env;
    }

    private BatchSummary invoke(ProducerHandler handler) {
        return handler.handleRequest(new ScheduledEvent(), new TestContext());
    }

    @Test
    void invocationCreatesTheSchemaAndWritesABatch() throws Exception {
        ProducerHandler handler = new ProducerHandler(env(), secrets, metrics);
        BatchSummary first = invoke(handler);
        BatchSummary second = invoke(handler);

        assertThat(first.getInserted()).isEqualTo(HandlerSettings.DEFAULT_BATCH_SIZE);
        assertThat(second.getInserted() + second.getUpdated() + second.getDeleted())
                .isEqualTo(HandlerSettings.DEFAULT_BATCH_SIZE);
        assertThat(second.getUpdated()).isEqualTo(25);
        assertThat(second.getDeleted()).isEqualTo(5);
        try (Connection c = TestDatabase.connect()) {
            assertThat(count(c, "SELECT count(*) FROM public.customers")).isEqualTo(100 + 70 - 5);
            assertThat(count(c, "SELECT count(*) FROM pg_publication WHERE pubname = 'fluxo_customers'")).isEqualTo(1);
        }
    }

    @Test
    void readsTheCredentialsFromTheConfiguredSecret() {
        invoke(new ProducerHandler(env(), secrets, metrics));
        ArgumentCaptor<GetSecretValueRequest> request = ArgumentCaptor.forClass(GetSecretValueRequest.class);
        verify(secrets).getSecretValue(request.capture());
        assertThat(request.getValue()).isEqualTo(GetSecretValueRequest.builder().secretId(SECRET_ARN).build());
        assertThat(request.getValue().versionStage()).isNull();
    }

    @Test
    void reportsCountsAsMetrics() {
        Map<String, String> env = env();
        env.put(HandlerSettings.BATCH_SIZE, "40");
        BatchSummary summary = invoke(new ProducerHandler(env, secrets, metrics));
        assertThat(summary.getInserted()).isEqualTo(40);
        verify(metrics).addMetric(ProducerHandler.METRIC_INSERTED, 40, MetricUnit.COUNT);
        verify(metrics).addMetric(ProducerHandler.METRIC_UPDATED, 0, MetricUnit.COUNT);
        verify(metrics).addMetric(ProducerHandler.METRIC_DELETED, 0, MetricUnit.COUNT);
        verify(metrics).flush();
        verify(metrics).setNamespace(ProducerHandler.DEFAULT_METRICS_NAMESPACE);
    }

    @Test
    void theSecretNeverAppearsInLogsOrErrors() {
        invoke(new ProducerHandler(env(), secrets, metrics));
        Map<String, String> wrongDatabase = env();
        wrongDatabase.put(HandlerSettings.NAME, "no_such_database");
        ProducerHandler failing = new ProducerHandler(wrongDatabase, secrets, metrics);
        assertThatThrownBy(() -> invoke(failing)).isInstanceOf(ProducerException.class)
                .hasMessageContaining("no_such_database")
                .satisfies(e -> assertThat(e.toString()).doesNotContain(PASSWORD));

        assertThat(logs()).contains("Produced batch").contains("Connected to").doesNotContain(PASSWORD);
    }

    @Test
    void aMalformedSecretIsReportedWithoutItsContent() {
        when(secrets.getSecretValue(any(GetSecretValueRequest.class))).thenReturn(GetSecretValueResponse.builder()
                .secretString("{\"username\":\"postgres\",\"password\":\"" + PASSWORD + "\"").build());
        ProducerHandler handler = new ProducerHandler(env(), secrets, metrics);
        assertThatThrownBy(() -> invoke(handler)).hasMessageContaining(SECRET_ARN)
                .hasMessageContaining("\"username\" and \"password\"")
                .satisfies(e -> assertThat(e.toString()).doesNotContain(PASSWORD));
        assertThat(logs()).doesNotContain(PASSWORD);
    }

    @Test
    void noConnectionSurvivesASnapshotAndTheNextInvocationReconnects() {
        ProducerHandler handler = new ProducerHandler(env(), secrets, metrics);
        invoke(handler);
        assertThat(handler.hasOpenConnection()).isTrue();

        handler.beforeCheckpoint(null);
        assertThat(handler.hasOpenConnection()).isFalse();
        handler.afterRestore(null);

        assertThat(invoke(handler).getInserted()).isPositive();
        verify(secrets, times(2)).getSecretValue(any(GetSecretValueRequest.class));
    }

    @Test
    void warmInvocationsReuseTheConnection() {
        ProducerHandler handler = new ProducerHandler(env(), secrets, metrics);
        invoke(handler);
        invoke(handler);
        verify(secrets, times(1)).getSecretValue(any(GetSecretValueRequest.class));
    }

    @Test
    void misconfigurationListsEveryProblemAtInit() {
        Map<String, String> env = Map.of(HandlerSettings.BATCH_SIZE, "lots", HandlerSettings.SSL_MODE, "maybe");
        assertThatThrownBy(() -> new ProducerHandler(env, secrets, metrics))
                .hasMessageContaining(HandlerSettings.HOST + " is missing")
                .hasMessageContaining(HandlerSettings.SECRET_ARN + " is missing")
                .hasMessageContaining(HandlerSettings.BATCH_SIZE + " must be a whole number")
                .hasMessageContaining(HandlerSettings.SSL_MODE + " must be one of");
    }

    @Test
    void tlsIsRequiredUnlessConfiguredOtherwise() {
        Map<String, String> env = env();
        env.remove(HandlerSettings.SSL_MODE);
        assertThat(HandlerSettings.fromEnvironment(env).sslMode()).isEqualTo("require");
        ProducerHandler handler = new ProducerHandler(env, secrets, metrics);
        // the embedded server has no TLS, so a required TLS connection must be refused rather than downgraded
        assertThatThrownBy(() -> invoke(handler)).isInstanceOf(ProducerException.class)
                .hasMessageContaining("SSL");
    }
}
