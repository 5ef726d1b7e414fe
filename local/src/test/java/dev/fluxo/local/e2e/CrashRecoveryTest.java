package dev.fluxo.local.e2e;

import dev.fluxo.local.LocalLakehouse;
import dev.fluxo.local.LocalSettings;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code local up} killed at a random point (SIGKILL: no shutdown hook, no offsets flushed on the way out), then
 * started again on the same directory: it stops what the dead run left behind, resumes from the Debezium offsets,
 * the consumer group's offsets and the Spark checkpoint, and gold still equals PostgreSQL row by row.
 */
class CrashRecoveryTest {
    static final Path DIR = StateDirs.fresh("crash");

    @Test
    void afterAKilledRunARestartOnTheSameDirectoryStillMakesGoldEqualPostgres() throws Exception {
        long upAt = killRunningUpAtARandomPoint();

        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try (LocalLakehouse lakehouse = LocalLakehouse.start(new LocalSettings(DIR, 800, null, 0, 2_000, 2_000,
                Duration.ofMillis(300), false), new PrintStream(output, true))) {
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (!lakehouse.producerDone() && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertThat(lakehouse.awaitQuiet(Duration.ofSeconds(120)))
                    .as("restarted pipeline drained (killed %d ms after it was up); output:%n%s%n%s", upAt, output,
                            lakehouse.progress().line()).isTrue();
            try (LakehouseContents contents = new LakehouseContents(lakehouse.layout(), lakehouse.postgresPort(),
                    lakehouse.s3Endpoint())) {
                List<String> problems = Eventually.problems(Duration.ofSeconds(30), () -> {
                    List<String> p = new ArrayList<>(LakehouseContents.differences(contents.postgresCustomers(),
                            contents.goldCustomers(), 10));
                    if (!contents.postgresByProfissao().equals(contents.goldByProfissao())) {
                        p.add("gold.customers_by_profissao differs from the GROUP BY on PostgreSQL");
                    }
                    return p;
                });
                assertThat(problems).as("differences after the restart").isEmpty();
                assertThat(output.toString()).contains("(resuming)");
            }
        }
    }

    /** Runs {@code local up} in a child JVM and kills it 1 to 12 s after it reported up; returns that delay. */
    private static long killRunningUpAtARandomPoint() throws Exception {
        String classpath = System.getProperty("fluxo.local.classpath") + java.io.File.pathSeparator
                + Files.readString(Path.of(System.getProperty("fluxo.local.classpath.file"))).trim();
        Process up = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-cp", classpath, "dev.fluxo.local.LocalMain", "up", "--dir", DIR.toString(),
                "--rate", "800/s", "--customers", "300", "--no-sql").redirectErrorStream(true).start();
        StringBuilder seen = new StringBuilder();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(up.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                seen.append(line).append('\n');
                if (line.contains("pipeline up in")) {
                    break;
                }
            }
            assertThat(seen.toString()).as("the first run came up").contains("pipeline up in");
            long delay = ThreadLocalRandom.current().nextLong(1_000, 12_000);
            Thread.sleep(delay);
            up.destroyForcibly();
            assertThat(up.waitFor(30, TimeUnit.SECONDS)).isTrue();
            return delay;
        }
    }
}
