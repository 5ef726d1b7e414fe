package dev.fluxo.local.e2e;

import dev.fluxo.local.LocalLakehouse;
import dev.fluxo.local.LocalSettings;
import dev.fluxo.local.service.ChangeCapture;
import dev.fluxo.local.sql.JdkFinder;
import dev.fluxo.local.sql.QueryResult;
import dev.fluxo.local.sql.SqlEngine;
import dev.fluxo.local.sql.TrinoDistribution;
import dev.fluxo.schema.LakehouseTables;
import dev.fluxo.schema.NamedQueries;
import org.apache.iceberg.data.Record;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The whole local pipeline in this JVM (the job in its own): a fixed number of inserts, updates and deletes plus a
 * few malformed records injected into the change topic; once quiet, gold equals PostgreSQL row by row, the aggregate
 * equals a GROUP BY, the malformed records are dead letters with their reasons, and Trino answers a named query with
 * the same counts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PipelineEndToEndTest {
    static final long CUSTOMERS = 500;
    static final long CHANGES = 3_000;
    static final List<byte[]> MALFORMED = List.of(
            "this is not json".getBytes(StandardCharsets.UTF_8),
            "{\"before\":null,\"after\":{\"id\":\"not-a-number\"},\"op\":\"c\"}".getBytes(StandardCharsets.UTF_8),
            ("{\"before\":null,\"after\":{\"id\":900000001,\"sexo\":\"X\"},\"source\":{\"lsn\":1,\"ts_ms\":1,"
                    + "\"schema\":\"public\",\"table\":\"customers\"},\"op\":\"c\",\"ts_ms\":1}")
                    .getBytes(StandardCharsets.UTF_8));

    static final Path DIR = StateDirs.fresh("pipeline");
    LocalLakehouse lakehouse;
    LakehouseContents contents;
    final ByteArrayOutputStream output = new ByteArrayOutputStream();
    boolean quiet;

    @BeforeAll
    void runPipeline() throws Exception {
        boolean trino = JdkFinder.find(TrinoDistribution.REQUIRED_JDK).isPresent()
                && TrinoDistribution.installed().isPresent();
        lakehouse = LocalLakehouse.start(new LocalSettings(DIR, 1_000, null, CUSTOMERS, CHANGES, 2_000,
                Duration.ofMillis(300), trino), new PrintStream(output, true));
        try (var kafka = new KafkaProducer<byte[], byte[]>(Map.of("bootstrap.servers",
                lakehouse.kafkaBootstrapServers()), new ByteArraySerializer(), new ByteArraySerializer())) {
            for (byte[] bad : MALFORMED) {
                kafka.send(new ProducerRecord<>(ChangeCapture.TOPIC, "{\"id\":0}".getBytes(StandardCharsets.UTF_8),
                        bad)).get();
            }
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!lakehouse.producerDone() && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        quiet = lakehouse.awaitQuiet(Duration.ofSeconds(120));
        contents = new LakehouseContents(lakehouse.layout(), lakehouse.postgresPort(), lakehouse.s3Endpoint());
    }

    @AfterAll
    void stop() throws Exception {
        if (contents != null) {
            contents.close();
        }
        if (lakehouse != null) {
            lakehouse.close();
        }
    }

    @Test
    @Order(1)
    void goldCustomersEqualThePostgresTableWithSilversMasking() throws Exception {
        assertThat(quiet).as("pipeline drained; output:%n%s%n%s", output, lakehouse.progress().line()).isTrue();
        var problems = Eventually.problems(Duration.ofSeconds(30), () -> LakehouseContents.differences(
                contents.postgresCustomers(), contents.goldCustomers(), 10));
        assertThat(problems).as("rows that differ").isEmpty();
        assertThat(contents.goldCustomers()).hasSizeGreaterThanOrEqualTo((int) CUSTOMERS);
    }

    @Test
    @Order(2)
    void theAggregateEqualsAGroupByOnPostgres() throws Exception {
        var problems = Eventually.problems(Duration.ofSeconds(30), () -> {
            var expected = contents.postgresByProfissao();
            var actual = contents.goldByProfissao();
            return expected.equals(actual) ? List.of() : List.of("postgres " + expected.size() + " groups, gold "
                    + actual.size() + " groups; first difference: " + firstDifference(expected, actual));
        });
        assertThat(problems).isEmpty();
    }

    @Test
    @Order(3)
    void malformedRecordsAreDeadLetteredWithTheirReasonAndRawBytes() throws Exception {
        List<Record> deadLetters = contents.read(LakehouseTables.BRONZE_CUSTOMERS_DEAD_LETTER);
        List<String> raws = new ArrayList<>();
        for (Record r : deadLetters) {
            ByteBuffer raw = ((ByteBuffer) r.getField("raw")).duplicate();
            byte[] bytes = new byte[raw.remaining()];
            raw.get(bytes);
            raws.add(new String(bytes, StandardCharsets.UTF_8));
            assertThat((String) r.getField("reason")).isNotBlank();
            assertThat((String) r.getField("source_coordinates")).startsWith(ChangeCapture.TOPIC + "/");
        }
        assertThat(raws).containsExactlyInAnyOrderElementsOf(MALFORMED.stream()
                .map(b -> new String(b, StandardCharsets.UTF_8)).toList());
    }

    @Test
    @Order(4)
    void trinoAnswersTheNamedQueryWithTheCountsOfPostgres() throws Exception {
        Optional<SqlEngine> engine = lakehouse.engine(Duration.ofSeconds(120));
        assumeThat(engine).as(lakehouse.engineNote()).isPresent();
        QueryResult result = engine.get().query(NamedQueries.CUSTOMERS_BY_PROFISSAO.sql());
        Map<String, Long> viaSql = new HashMap<>();
        for (List<String> row : result.rows()) {
            viaSql.put(row.get(0) + "|" + row.get(1), Long.parseLong(row.get(2)));
        }
        assertThat(result.columns()).containsExactly("profissao", "sexo", "customers");
        assertThat(viaSql).isEqualTo(contents.postgresByProfissao());
    }

    static String firstDifference(Map<String, Long> expected, Map<String, Long> actual) {
        var keys = new java.util.TreeSet<>(expected.keySet());
        keys.addAll(actual.keySet());
        for (String k : keys) {
            if (!java.util.Objects.equals(expected.get(k), actual.get(k))) {
                return k + " postgres=" + expected.get(k) + " gold=" + actual.get(k);
            }
        }
        return "none";
    }
}
