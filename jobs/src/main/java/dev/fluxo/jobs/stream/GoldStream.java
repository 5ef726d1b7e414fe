package dev.fluxo.jobs.stream;

import dev.fluxo.jobs.config.JobConfig;
import dev.fluxo.jobs.merge.GoldMerge;
import dev.fluxo.jobs.metrics.BatchMetricsListener;
import dev.fluxo.jobs.session.LakehouseSession;
import dev.fluxo.jobs.table.GoldTables;
import dev.fluxo.jobs.table.LakeTables;
import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.DataStreamReader;
import org.apache.spark.sql.streaming.StreamingQuery;

import java.time.Clock;
import java.util.concurrent.TimeoutException;

/**
 * The streaming query: {@code silver.customers_changes} read incrementally as an Iceberg stream, each micro-batch
 * merged into gold by {@link GoldMerge}. Silver is append only; snapshots that delete or overwrite silver rows (data
 * retention, GDPR erasure) are skipped rather than failing the query, and compaction's replace snapshots are ignored
 * by Iceberg's source.
 */
public final class GoldStream {
    /** Query name prefix; the catalog name is appended so that tests can run one query per catalog. */
    public static final String QUERY_NAME = "fluxo-gold";

    private GoldStream() {
    }

    /**
     * Registers the catalog, creates the gold tables if missing and starts the query.
     *
     * @throws IllegalStateException if silver does not exist yet (the pipeline creates it)
     */
    public static StreamingQuery start(SparkSession spark, JobConfig config, BatchMetricsListener listener)
            throws TimeoutException {
        LakeTables lake = config.catalog().tables();
        LakehouseSession.register(spark, config.catalog());
        String silver = lake.qualifiedName(GoldTables.SILVER_CHANGES);
        if (!LakehouseSession.exists(spark, lake, GoldTables.SILVER_CHANGES)) {
            throw new IllegalStateException(silver + " does not exist in " + config.catalog()
                    + "; the pipeline creates it with its first write");
        }
        LakehouseSession.ensureGoldTables(spark, lake);
        DataStreamReader reader = spark.readStream().format("iceberg")
                .option("streaming-skip-delete-snapshots", "true")
                .option("streaming-skip-overwrite-snapshots", "true");
        config.streamFrom().ifPresent(t -> reader.option("stream-from-timestamp", Long.toString(t.toEpochMilli())));
        if (config.maxFilesPerBatch() != JobConfig.DEFAULT_MAX_FILES_PER_BATCH) {
            reader.option("streaming-max-files-per-micro-batch", Integer.toString(config.maxFilesPerBatch()));
        }
        Dataset<Row> changes = reader.load(silver);
        GoldMerge merge = new GoldMerge(lake, listener, Clock.systemUTC());
        return changes.writeStream()
                .queryName(QUERY_NAME + "-" + lake.catalog())
                .option("checkpointLocation", config.checkpoint())
                .trigger(config.trigger().sparkTrigger())
                .foreachBatch((VoidFunction2<Dataset<Row>, Long>) merge::apply)
                .start();
    }
}
