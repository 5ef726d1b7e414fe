package dev.fluxo.transform;

import dev.fluxo.schema.LakehouseTables;
import dev.fluxo.transform.bench.ColdStart;
import dev.fluxo.transform.testing.IcebergRestServer;
import dev.fluxo.transform.testing.TestLakehouse;
import org.apache.iceberg.catalog.Catalog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shaded, minimised Lambda jar runs batches on its own: {@link ColdStart} in a child JVM whose classpath is the jar
 * plus this module's test classes (the small main and its event generator), against the local services of this JVM.
 * The minimiser drops classes that are only loaded by name, so a dependency change can break the jar while every
 * other test passes; this one runs after {@code package} (surefire execution {@code shaded-jar}, phase
 * {@code integration-test}) and fails then. Both catalogs a function uses are run: JDBC (local) and glue-rest (AWS).
 */
class ShadedLambdaJarTest {
    /**
     * Regression ceiling of the jar's size: 46,250,838 bytes measured, plus about 1.5 %. Issue 5's target is 30 MB, not
     * met (docs/benchmarks.md says what it would take); this bound stops a dependency change from silently growing it.
     */
    static final long MAX_JAR_BYTES = 47_000_000L;
    private static final int BATCH = 1000;
    private static final String ACCOUNT = "123456789012";

    @TempDir
    static Path dir;
    private static TestLakehouse lakehouse;
    private static Catalog glueBacking;
    private static IcebergRestServer glue;

    @BeforeAll
    static void start() throws Exception {
        // in the test phase (e.g. picked by -Dtest) the jar is not built yet: only the shaded-jar execution runs this
        Assumptions.assumeTrue(System.getProperty("shaded.jar") != null, "runs in the shaded-jar execution");
        lakehouse = TestLakehouse.start(dir);
        glueBacking = TestLakehouse.catalog(lakehouse.environment("glue"));
        glue = IcebergRestServer.start(glueBacking, ACCOUNT);
    }

    @AfterAll
    static void stop() throws Exception {
        if (lakehouse == null) {
            return;
        }
        glue.close();
        if (glueBacking instanceof AutoCloseable c) {
            c.close();
        }
        lakehouse.close();
    }

    @Test
    void theJarStaysUnderItsSizeCeiling() throws IOException {
        assertThat(Files.size(jar())).isLessThanOrEqualTo(MAX_JAR_BYTES);
    }

    @Test
    void theJarWritesBatchesThroughTheJdbcCatalog() throws Exception {
        Map<String, String> env = lakehouse.environment("shaded");
        runColdStart(env);
        Catalog catalog = TestLakehouse.catalog(env);
        assertThat(TestLakehouse.read(catalog, LakehouseTables.BRONZE_CUSTOMERS_CHANGES)).hasSize(2 * BATCH);
        ((AutoCloseable) catalog).close();
    }

    @Test
    void theJarWritesBatchesThroughTheGlueRestCatalogSignedWithTheFunctionsCredentials() throws Exception {
        Map<String, String> env = lakehouse.glueRestEnvironment("glue", glue, ACCOUNT);
        // what Lambda puts in every function's environment: the role's credentials
        env.put("AWS_ACCESS_KEY_ID", TestLakehouse.SIGNING_ACCESS_KEY);
        env.put("AWS_SECRET_ACCESS_KEY", TestLakehouse.SIGNING_SECRET_KEY);
        runColdStart(env);
        assertThat(TestLakehouse.read(glueBacking, LakehouseTables.BRONZE_CUSTOMERS_CHANGES)).hasSize(2 * BATCH);
        assertThat(glue.requests()).isNotEmpty().allSatisfy(r -> assertThat(r.header("Authorization"))
                .contains("/" + env.get("AWS_REGION") + "/glue/aws4_request"));
    }

    /** {@link ColdStart} in a child JVM on the shaded jar; fails unless both invocations wrote every row. */
    private static void runColdStart(Map<String, String> env) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-Xmx512m",
                // the jar's own logging configuration, not the tests' log4j2-test.xml
                "-Dlog4j2.configurationFile=log4j2.xml",
                "-cp", jar() + File.pathSeparator + System.getProperty("shaded.test-classes"),
                ColdStart.class.getName(), String.valueOf(BATCH)));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Path log = Files.createTempFile(dir, "coldstart", ".log");
        builder.redirectOutput(log.toFile());
        builder.environment().putAll(env);
        builder.environment().put("AWS_LAMBDA_FUNCTION_NAME", "fluxo-transform");
        builder.environment().put("POWERTOOLS_SERVICE_NAME", "fluxo-transform");
        Process process = builder.start();
        boolean exited = process.waitFor(180, TimeUnit.SECONDS);
        if (!exited) {
            process.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(exited).as("ColdStart finished in time:%n%s", output).isTrue();
        assertThat(process.exitValue()).as("ColdStart on the shaded jar:%n%s", output).isZero();
        assertThat(output).contains("JVM start -> handler ready").contains("invocation 2:");
    }

    private static Path jar() {
        return Path.of(System.getProperty("shaded.jar"));
    }
}
