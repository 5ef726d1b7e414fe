package dev.fluxo.jobs;

import dev.fluxo.jobs.config.InvalidConfigException;
import dev.fluxo.jobs.config.JobConfig;
import dev.fluxo.jobs.metrics.BatchMetricsListener;
import dev.fluxo.jobs.metrics.MetricsFile;
import dev.fluxo.jobs.metrics.MetricsLog;
import dev.fluxo.jobs.session.LakehouseSession;
import dev.fluxo.jobs.stream.GoldStream;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;

import java.util.ArrayList;
import java.util.List;

/**
 * Entry point of the streaming job ({@code spark-submit --class dev.fluxo.jobs.StreamingJob fluxo-jobs.jar ...} on
 * EMR, {@link LocalLaunch} locally). Options: see {@link JobConfig} and {@link dev.fluxo.jobs.config.CatalogConfig}.
 * Exit codes: 0 done (available-now), {@value #EXIT_CONFIG} invalid configuration, {@value #EXIT_FAILED} query failed.
 */
public final class StreamingJob {
    /** Exit code for invalid arguments or environment (one line on stderr lists every problem). */
    public static final int EXIT_CONFIG = 2;
    /** Exit code when the query stops with an error. */
    public static final int EXIT_FAILED = 1;
    /** Spark application name. */
    public static final String APP_NAME = "fluxo-gold";

    private StreamingJob() {
    }

    public static void main(String[] args) {
        JobConfig config;
        try {
            config = JobConfig.read(args, System.getenv());
        } catch (InvalidConfigException e) {
            System.err.println(e.getMessage());
            System.exit(EXIT_CONFIG);
            return;
        }
        System.exit(run(config));
    }

    /** Runs the query until it ends (available-now) or fails; returns the exit code. */
    public static int run(JobConfig config) {
        List<BatchMetricsListener> listeners = new ArrayList<>(List.of(new MetricsLog()));
        config.metricsFile().ifPresent(f -> listeners.add(new MetricsFile(f)));
        SparkSession spark = LakehouseSession.create(APP_NAME);
        try {
            StreamingQuery query = GoldStream.start(spark, config, BatchMetricsListener.all(listeners));
            query.awaitTermination();
            return 0;
        } catch (Exception e) {
            System.err.println("fluxo-gold failed: " + rootMessage(e));
            return EXIT_FAILED;
        } finally {
            spark.stop();
        }
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (cause: " + t + ")";
    }
}
