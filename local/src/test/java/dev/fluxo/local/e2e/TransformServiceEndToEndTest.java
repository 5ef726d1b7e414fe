package dev.fluxo.local.e2e;

import dev.fluxo.local.LakehouseConfig;
import dev.fluxo.local.LocalLayout;
import dev.fluxo.local.LocalPorts;
import dev.fluxo.local.LocalPorts.Service;
import dev.fluxo.local.service.ChangeCapture;
import dev.fluxo.local.service.ChangeProducer;
import dev.fluxo.local.service.KafkaBroker;
import dev.fluxo.local.service.ObjectStore;
import dev.fluxo.local.service.SourceDatabase;
import dev.fluxo.pipeline.mask.KeyedHash;
import dev.fluxo.schema.LakehouseTables;
import dev.fluxo.transform.service.TransformService;
import dev.fluxo.transform.service.config.KafkaSource;
import dev.fluxo.transform.service.config.ServiceSettings;
import dev.fluxo.transform.service.health.HealthEndpoint;
import org.apache.iceberg.data.Record;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kubernetes transform's program, {@link TransformService}, against the local stand-ins and configured only by
 * environment variables, as its pod is: Debezium captures real inserts from PostgreSQL into the change topic, the
 * service writes every change to bronze and silver (masked) and commits its group's offsets; {@code GET /health}
 * answers 200 while it polls and 503 once it was stopped.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TransformServiceEndToEndTest {
    static final int CUSTOMERS = 300;
    /** Not the local target's group: the service takes the group from its environment. */
    static final String GROUP = "fluxo-transform-pods";

    final Deque<AutoCloseable> started = new ArrayDeque<>();
    final HttpClient http = HttpClient.newHttpClient();
    LocalLayout layout;
    SourceDatabase database;
    KafkaBroker broker;
    ObjectStore store;

    @BeforeAll
    void captureChanges() throws Exception {
        layout = new LocalLayout(StateDirs.fresh("transform-service")).create();
        LocalPorts ports = new LocalPorts(layout.ports());
        database = push(SourceDatabase.start(layout.postgres(), ports.port(Service.POSTGRES)));
        ChangeProducer producer = push(new ChangeProducer(database.jdbcUrl(SourceDatabase.SOURCE_DATABASE)));
        producer.bootstrap();
        broker = push(KafkaBroker.start(layout.kafka(), ports.port(Service.KAFKA), ports.port(Service.KAFKA_CONTROLLER)));
        broker.ensureTopic(ChangeCapture.TOPIC);
        store = push(ObjectStore.start(layout.s3(), ports.port(Service.S3)));
        push(ChangeCapture.start(database.port(), layout.debeziumOffsets(), broker.bootstrapServers()));
        producer.fillTo(CUSTOMERS);
    }

    @AfterAll
    void stopServices() throws Exception {
        while (!started.isEmpty()) {
            started.pop().close();
        }
    }

    /** What the Deployment gives the pod: the transform's FLUXO_* variables, the topic, batches, the health port. */
    Map<String, String> podEnvironment() {
        Map<String, String> env = new HashMap<>(LakehouseConfig.transformEnvironment(database.port(),
                store.endpoint(), layout));
        env.put(KafkaSource.BOOTSTRAP_SERVERS, broker.bootstrapServers());
        env.put(KafkaSource.TOPIC, ChangeCapture.TOPIC);
        env.put(KafkaSource.GROUP_ID, GROUP);
        env.put(ServiceSettings.BATCH_SIZE, "100");
        env.put(ServiceSettings.BATCH_WINDOW_MS, "200");
        env.put(ServiceSettings.HEALTH_PORT, "0");
        return env;
    }

    @Test
    void everyCapturedChangeLandsInBronzeAndSilverAndTheGroupCommitsItsOffsets() throws Exception {
        Map<Long, String> emails = sourceEmails();
        int whileRunning;
        int afterStop;
        List<String> missing;
        try (TransformService service = TransformService.start(podEnvironment())) {
            missing = Eventually.problems(Duration.ofSeconds(45), () -> missingFromCommits(emails.size()));
            whileRunning = health(service.healthPort()).statusCode();
            service.stop();
            afterStop = health(service.healthPort()).statusCode();
        }

        assertThat(missing).isEmpty();
        assertThat(whileRunning).isEqualTo(200);
        assertThat(afterStop).isEqualTo(503);
        try (LakehouseContents lakehouse = new LakehouseContents(layout, database.port(), store.endpoint())) {
            List<Record> bronze = lakehouse.read(LakehouseTables.BRONZE_CUSTOMERS_CHANGES);
            List<Record> silver = lakehouse.read(LakehouseTables.SILVER_CUSTOMERS_CHANGES);
            assertThat(new TreeSet<>(ids(bronze))).isEqualTo(emails.keySet());
            assertThat(new TreeSet<>(ids(silver))).isEqualTo(emails.keySet());
            KeyedHash hash = new KeyedHash(LakehouseConfig.maskingKey(layout));
            Map<Long, String> silverEmails = silver.stream().collect(Collectors.toMap(r -> (Long) r.getField("id"),
                    r -> String.valueOf(r.getField("email")), (a, b) -> a, TreeMap::new));
            Map<Long, String> masked = new TreeMap<>();
            emails.forEach((id, email) -> masked.put(id, hash.hash(email)));
            assertThat(silverEmails).as("silver masks email with the key, as the Lambda does").isEqualTo(masked);
        }
    }

    /** Problems while the group has not committed every record of the topic (empty once it has). */
    List<String> missingFromCommits(int expectedRecords) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(GROUP)
                    .partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (int p = 0; p < KafkaBroker.PARTITIONS; p++) {
                latest.put(new TopicPartition(ChangeCapture.TOPIC, p), OffsetSpec.latest());
            }
            List<String> problems = new ArrayList<>();
            long ends = 0;
            for (var end : admin.listOffsets(latest).all().get().entrySet()) {
                ends += end.getValue().offset();
                OffsetAndMetadata at = committed.get(end.getKey());
                if (at == null || at.offset() != end.getValue().offset()) {
                    problems.add(end.getKey() + " committed " + (at == null ? "nothing" : at.offset()) + " of "
                            + end.getValue().offset());
                }
            }
            if (ends < expectedRecords) {
                problems.add("the topic holds " + ends + " of " + expectedRecords + " changes");
            }
            return problems;
        }
    }

    Map<Long, String> sourceEmails() throws Exception {
        Map<Long, String> emails = new TreeMap<>();
        try (Connection c = database.connect(SourceDatabase.SOURCE_DATABASE); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id, email FROM public.customers")) {
            while (rs.next()) {
                emails.put(rs.getLong(1), rs.getString(2));
            }
        }
        assertThat(emails).hasSize(CUSTOMERS);
        return emails;
    }

    HttpResponse<String> health(int port) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + HealthEndpoint.PATH)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static List<Long> ids(List<Record> rows) {
        return rows.stream().map(r -> (Long) r.getField("id")).toList();
    }

    <T extends AutoCloseable> T push(T service) {
        started.push(service);
        return service;
    }
}
