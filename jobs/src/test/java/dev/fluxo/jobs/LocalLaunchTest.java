package dev.fluxo.jobs;

import dev.fluxo.jobs.support.ExpectedGold;
import dev.fluxo.jobs.support.TestLakehouse;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.fluxo.jobs.support.Change.of;
import static org.assertj.core.api.Assertions.assertThat;

class LocalLaunchTest {

    @Test
    void theTestJvmRunsWithExactlyTheFlagsLocalLaunchPassesToSpark() {
        // surefire's argLine comes from the pom's spark.jvm.flags: both lists must stay equal
        assertThat(ManagementFactory.getRuntimeMXBean().getInputArguments()).containsAll(LocalLaunch.SPARK_JVM_FLAGS);
    }

    @Test
    void aLaunchedJobReportsInvalidConfigurationOnOneLineAndExitsWithTheConfigCode() throws Exception {
        Process p = LocalLaunch.builder(StreamingJob.class, List.of("--catalog-type", "oracle")).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();

        assertThat(p.exitValue()).isEqualTo(StreamingJob.EXIT_CONFIG);
        assertThat(err).startsWith("invalid configuration: --catalog-type must be glue or jdbc, got 'oracle'")
                .doesNotContain("\n");
        assertThat(LocalLaunch.classpath()).contains("spark-sql_2.12-3.5.6.jar", "iceberg-spark-runtime-3.5_2.12");
    }

    @Test
    void aLaunchedAvailableNowRunMergesSilverIntoGoldInItsOwnJvmAndWritesTheMetricsFile() throws Exception {
        TestLakehouse lake = new TestLakehouse("launched").withSilver();
        var changes = List.of(of(1, "c", 1, "Medico", "F"), of(2, "c", 2, "Medico", "M"), of(1, "u", 3, "Gerente", "F"));
        lake.append(changes);
        Path metrics = lake.dir.resolve("metrics.jsonl");

        Process p = LocalLaunch.builder(StreamingJob.class, List.of("--catalog-type", "jdbc", "--catalog-name", lake.name,
                        "--jdbc-url", TestLakehouse.jdbcUrl(lake.dir), "--warehouse", lake.catalog.warehouse(),
                        "--checkpoint", lake.dir.resolve("own-jvm-checkpoint").toString(), "--trigger", "available-now",
                        "--metrics-file", metrics.toString()))
                .redirectErrorStream(true).redirectOutput(lake.dir.resolve("job.log").toFile()).start();
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).isTrue();

        assertThat(p.exitValue()).as(Files.readString(lake.dir.resolve("job.log"))).isZero();
        assertThat(Files.readAllLines(metrics)).singleElement().asString()
                .contains("\"rows_in\":3", "\"inserted\":2", "\"skipped_stale\":1");
        assertThat(lake.goldRows()).isEqualTo(ExpectedGold.rows(changes));
    }
}
