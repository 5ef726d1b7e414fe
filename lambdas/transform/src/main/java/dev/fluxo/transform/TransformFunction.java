package dev.fluxo.transform;

import dev.fluxo.pipeline.BatchReport;
import dev.fluxo.pipeline.PipelineSettings;
import dev.fluxo.pipeline.TransformPipeline;
import dev.fluxo.pipeline.decode.SourceRecord;
import dev.fluxo.pipeline.mask.MaskingKey;
import dev.fluxo.pipeline.write.CatalogFactory;
import dev.fluxo.pipeline.write.LakehouseWriter;
import com.amazonaws.services.lambda.runtime.Context;
import dev.fluxo.pipeline.decode.EnvelopeFormat;
import dev.fluxo.transform.config.TransformSettings;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.inmemory.InMemoryCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * What both handlers share: one pipeline per Lambda instance, its per-batch metrics and log line, and its lifecycle.
 * The catalog is opened at init ({@link #warmUp()}, so SnapStart snapshots hold the loaded classes), closed before a
 * snapshot ({@link #close()}: no pooled JDBC or HTTP connection survives a restore) and reopened by the next batch.
 */
final class TransformFunction {
    /** Metric namespace when {@code POWERTOOLS_METRICS_NAMESPACE} is not set. */
    static final String DEFAULT_METRICS_NAMESPACE = "Fluxo";

    private static final Logger LOG = LoggerFactory.getLogger(TransformFunction.class);

    private final PipelineSettings settings;
    private final MaskingKey key;
    private final Metrics metrics;
    private Catalog catalog;
    private LakehouseWriter writer;
    private TransformPipeline pipeline;

    /**
     * Reads the settings and the masking key (a Secrets Manager client is built for that if none is given, and closed
     * after: nothing of it stays in a snapshot), then opens the catalog.
     *
     * @param secrets the client to read the masking key's secret with, or {@code null} to build one
     */
    static TransformFunction create(Map<String, String> env, SecretsManagerClient secrets, Metrics metrics,
                                    EnvelopeFormat defaultFormat) {
        TransformSettings settings = TransformSettings.fromEnvironment(env, defaultFormat);
        MaskingKey key;
        if (secrets == null && settings.maskingKey().needsSecretsManager()) {
            try (SecretsManagerClient own = secretsClient(env)) {
                key = settings.maskingKey().read(own);
            }
        } else {
            key = settings.maskingKey().read(secrets);
        }
        TransformFunction function = new TransformFunction(settings.pipeline(), key, metrics,
                env.get("POWERTOOLS_METRICS_NAMESPACE") != null);
        function.warmUp();
        return function;
    }

    TransformFunction(PipelineSettings settings, MaskingKey key, Metrics metrics, boolean namespaceConfigured) {
        this.settings = settings;
        this.key = key;
        this.metrics = metrics;
        if (!namespaceConfigured) {
            metrics.setNamespace(DEFAULT_METRICS_NAMESPACE);
        }
    }

    /** Opens the catalog and the tables now; if they are unreachable, the first batch tries again (and fails). */
    void warmUp() {
        try {
            writer().ensureTables();
        } catch (RuntimeException e) {
            LOG.warn("Catalog {} not reachable at init, the first batch will retry: {}", settings.catalog().name(),
                    e.toString());
            close();
        }
    }

    /**
     * Writes one batch and reports its counts as metrics ({@link TransformMetric}) and one log line.
     *
     * @throws RuntimeException when the lakehouse could not be written (catalog or storage): the batch is not written
     *                          and must be retried whole; bad records never throw, they are dead-lettered
     */
    synchronized BatchReport process(List<SourceRecord> records, Context context) {
        metrics.captureColdStartMetric(context);
        long start = System.nanoTime();
        BatchReport report;
        try {
            writer();
            report = pipeline.process(records).assertReconciled();
        } catch (RuntimeException e) {
            close(); // the next attempt reconnects rather than reuse a pool in an unknown state
            metrics.addMetric(TransformMetric.FAILED_BATCHES.metricName(), 1, MetricUnit.COUNT);
            metrics.addMetric(TransformMetric.RECORDS_IN.metricName(), records.size(), MetricUnit.COUNT);
            metrics.flush();
            throw e;
        }
        metrics.addMetric(TransformMetric.RECORDS_IN.metricName(), report.received(), MetricUnit.COUNT);
        metrics.addMetric(TransformMetric.WRITTEN_BRONZE.metricName(), report.bronze(), MetricUnit.COUNT);
        metrics.addMetric(TransformMetric.WRITTEN_SILVER.metricName(), report.silver(), MetricUnit.COUNT);
        metrics.addMetric(TransformMetric.DEAD_LETTERED.metricName(), report.deadLettered(), MetricUnit.COUNT);
        metrics.addMetric(TransformMetric.IGNORED.metricName(), report.ignored(), MetricUnit.COUNT);
        metrics.flush();
        LOG.info("Batch written in {} ms: received={} bronze={} silver={} deadLettered={} (decode {}, validate {}) "
                        + "ignored={}", (System.nanoTime() - start) / 1_000_000, report.received(), report.bronze(),
                report.silver(), report.deadLettered(), report.deadLetteredAtDecode(), report.deadLetteredAtValidate(),
                report.ignored());
        return report;
    }

    /**
     * Runs {@link PrimingBatches} in this function's envelope format through its decoder, validator, masker and
     * Parquet writers into a catalog in memory, so the JIT compiles the per-record path before a SnapStart snapshot.
     * Nothing reaches the lakehouse and no metrics are emitted.
     *
     * @return the changes that reached the in-memory silver table
     */
    synchronized int prime() {
        long start = System.nanoTime();
        InMemoryCatalog memory = new InMemoryCatalog();
        memory.initialize("priming", Map.of());
        TransformPipeline priming = settings.pipeline(key, settings.writer(memory));
        int silver = 0;
        for (int batch = 0; batch < PrimingBatches.BATCHES; batch++) {
            silver += priming.process(PrimingBatches.batch(settings.format(), batch)).assertReconciled().silver();
        }
        try {
            memory.close();
        } catch (IOException e) {
            LOG.warn("Closing the priming catalog failed: {}", e.toString());
        }
        LOG.info("Primed {} {} changes in {} ms before the snapshot", silver, settings.format(),
                (System.nanoTime() - start) / 1_000_000);
        return silver;
    }

    /** Whether a catalog (and its connections) is open. */
    synchronized boolean isOpen() {
        return catalog != null;
    }

    /** Closes the catalog and drops the pipeline; the next batch opens them again. */
    synchronized void close() {
        if (catalog instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.warn("Closing catalog {} failed: {}", settings.catalog().name(), e.toString());
            }
        }
        catalog = null;
        writer = null;
        pipeline = null;
    }

    private static SecretsManagerClient secretsClient(Map<String, String> env) {
        var builder = SecretsManagerClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder());
        String region = env.get(TransformSettings.AWS_REGION);
        if (region != null && !region.isBlank()) {
            builder.region(Region.of(region));
        }
        return builder.build();
    }

    private synchronized LakehouseWriter writer() {
        if (pipeline == null) {
            catalog = CatalogFactory.create(settings.catalog());
            writer = settings.writer(catalog);
            pipeline = settings.pipeline(key, writer);
        }
        return writer;
    }
}
