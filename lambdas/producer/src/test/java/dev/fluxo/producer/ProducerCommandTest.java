package dev.fluxo.producer;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.sql.Connection;
import java.util.Map;

import static dev.fluxo.producer.TestDatabase.count;
import static org.assertj.core.api.Assertions.assertThat;

class ProducerCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void emptyDatabase() throws Exception {
        TestDatabase.reset();
    }

    private int run(Map<String, String> env, String... args) {
        return ProducerCommand.execute(args, env, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    private static Map<String, String> embeddedEnv() {
        return Map.of("PGHOST", "127.0.0.1", "PGPORT", String.valueOf(TestDatabase.port()), "PGDATABASE", "postgres",
                "PGUSER", "postgres", "PGPASSWORD", "pw-from-env", "PGSSLMODE", "disable");
    }

    @Test
    void writesBatchesWithAProgressLineEach() throws Exception {
        int exit = run(embeddedEnv(), "--create-schema", "-n", "50", "--batches", "3", "--interval", "0", "--seed", "9");
        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).contains("schema: created table, set replica identity full, created publication")
                .contains("batch 1: 50 inserted, 0 updated, 0 deleted")
                .contains("batch 3: 36 inserted, 12 updated, 2 deleted")
                .contains("done: 3 batches, 150 rows");
        try (Connection c = TestDatabase.connect()) {
            assertThat(count(c, "SELECT count(*) FROM public.customers")).isEqualTo(50 + 36 + 36 - 2 - 2);
        }
    }

    @Test
    void badMixIsAOneLineUsageError() {
        int exit = run(embeddedEnv(), "--mix", "70/20/5");
        assertThat(exit).isEqualTo(ProducerCommand.EXIT_USAGE);
        assertThat(err.toString()).startsWith("fluxo-producer: ").contains("add up to 100")
                .contains("--help").doesNotContain("\tat ");
    }

    @Test
    void nonPositiveRowsIsAUsageError() {
        assertThat(run(embeddedEnv(), "-n", "0")).isEqualTo(ProducerCommand.EXIT_USAGE);
        assertThat(err.toString()).contains("--rows must be > 0");
    }

    @Test
    void intervalAndRateTogetherIsAUsageError() {
        assertThat(run(embeddedEnv(), "--interval", "1", "--rate", "100")).isEqualTo(ProducerCommand.EXIT_USAGE);
        assertThat(err.toString()).contains("either --interval or --rate");
    }

    @Test
    void unknownOptionIsAUsageError() {
        assertThat(run(embeddedEnv(), "--password", "hunter2")).isEqualTo(ProducerCommand.EXIT_USAGE);
        assertThat(err.toString()).contains("Unknown option").doesNotContain("\tat ");
    }

    @Test
    void unreachableDatabaseIsAOneLineError() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        int exit = run(Map.of("PGPASSWORD", "pw-from-env"), "--jdbc-url",
                "jdbc:postgresql://127.0.0.1:" + closedPort + "/postgres", "--user", "postgres", "--batches", "1");
        assertThat(exit).isEqualTo(ProducerCommand.EXIT_FAILURE);
        assertThat(err.toString().strip()).startsWith("fluxo-producer: cannot connect to jdbc:postgresql://127.0.0.1:"
                + closedPort + "/postgres as postgres").doesNotContain("\n").doesNotContain("pw-from-env");
    }

    @Test
    void helpDocumentsDefaultsAndOffersNoPasswordOption() {
        assertThat(run(Map.of(), "--help")).isZero();
        assertThat(out.toString()).contains("default: " + ProducerCommand.DEFAULT_ROWS)
                .contains("default: " + ProducerCommand.DEFAULT_INTERVAL_SECONDS)
                .contains("PGPASSWORD").doesNotContain("--password");
    }
}
