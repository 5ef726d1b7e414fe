package dev.fluxo.local.service;

import dev.fluxo.jobs.LocalLaunch;
import dev.fluxo.jobs.StreamingJob;
import dev.fluxo.local.LocalException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The stand-in for EMR: the same Spark job ({@link StreamingJob}, the same main class and options) in
 * {@code local[2]}, in its own JVM
 * (Spark's kafka-clients 3.9 and Jackson 2.15 must not meet this JVM's Kafka 4.3), reading silver and merging into
 * gold every second. Its checkpoint lives under the state directory, so a restart resumes where it stopped; each
 * micro-batch appends a JSON line to the metrics file that {@link JobMetrics} follows.
 */
public final class GoldJob implements AutoCloseable {
    /** The job's trigger: a micro-batch per second. */
    public static final String TRIGGER = "processing-time:1s";
    /** Catalog name shared by every engine (the Iceberg JDBC catalog's {@code catalog_name}). */
    public static final String CATALOG_NAME = "fluxo";

    private final Process process;

    private GoldJob(Process process) {
        this.process = process;
    }

    /** The job's arguments for this stack. */
    public static List<String> arguments(String catalogJdbcUrl, String s3Endpoint, Path checkpoint, Path metricsFile) {
        return List.of("--catalog-type", "jdbc", "--catalog-name", CATALOG_NAME, "--jdbc-url", catalogJdbcUrl,
                "--jdbc-user", SourceDatabase.USER, "--jdbc-password", SourceDatabase.PASSWORD,
                "--warehouse", ObjectStore.WAREHOUSE, "--s3-endpoint", s3Endpoint, "--s3-path-style",
                "--aws-region", ObjectStore.REGION, "--checkpoint", checkpoint.toString(), "--trigger", TRIGGER,
                "--metrics-file", metricsFile.toString());
    }

    /** Starts the job's JVM, its output appended to {@code log}. */
    public static GoldJob start(List<String> arguments, Path log) {
        try {
            Files.createDirectories(log.getParent());
            List<String> command = new ArrayList<>(LocalLaunch.command(StreamingJob.class, arguments));
            ProcessBuilder pb = new ProcessBuilder(command);
            Map<String, String> env = pb.environment();
            // S3FileIO takes its credentials from the SDK's default chain
            env.put("AWS_ACCESS_KEY_ID", ObjectStore.ACCESS_KEY);
            env.put("AWS_SECRET_ACCESS_KEY", ObjectStore.SECRET_KEY);
            env.put("AWS_REGION", ObjectStore.REGION);
            env.put("SPARK_LOCAL_IP", "127.0.0.1");
            pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            return new GoldJob(pb.start());
        } catch (IOException | IllegalStateException e) {
            throw new LocalException("the Spark job did not start: " + e.getMessage(), e);
        }
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The exit code if the job ended. */
    public Integer exitCode() {
        return process.isAlive() ? null : process.exitValue();
    }

    /** SIGTERM (Spark stops the query in its shutdown hook), then SIGKILL after 30 s. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
