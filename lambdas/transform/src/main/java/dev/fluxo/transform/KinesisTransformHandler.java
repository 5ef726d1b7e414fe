package dev.fluxo.transform;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import dev.fluxo.pipeline.decode.EnvelopeFormat;
import dev.fluxo.pipeline.decode.SourceRecord;
import dev.fluxo.transform.config.TransformSettings;
import dev.fluxo.transform.event.KinesisRecords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.MetricsFactory;

import java.util.List;
import java.util.Map;

/**
 * The transform Lambda behind a Kinesis event source mapping with {@code ReportBatchItemFailures}, for DMS records:
 * each event's records go through the pipeline as one batch, one commit per table. Bad records are dead-lettered and
 * never reported as failures. If the lakehouse cannot be written (catalog or storage), no record of the batch was, so
 * every record is reported, lowest sequence number first, and Lambda retries the shard from there.
 *
 * <p>Configuration: the environment, see {@link TransformSettings}; envelope format default {@link #DEFAULT_FORMAT}.
 *
 * <p>Handler: {@code dev.fluxo.transform.KinesisTransformHandler::handleRequest}.
 */
public class KinesisTransformHandler extends TransformLambda<KinesisEvent, StreamsEventResponse> {
    /** Envelope format when {@code FLUXO_ENVELOPE_FORMAT} is unset: DMS JSON (the Kinesis path's CDC). */
    public static final EnvelopeFormat DEFAULT_FORMAT = EnvelopeFormat.DMS_JSON;

    private static final Logger LOG = LoggerFactory.getLogger(KinesisTransformHandler.class);

    /** The Lambda runtime's constructor: the process environment, real AWS clients. */
    public KinesisTransformHandler() {
        this(System.getenv(), null, MetricsFactory.getMetricsInstance());
    }

    /**
     * @param env     the settings ({@link TransformSettings})
     * @param secrets reads the masking key's secret; {@code null} builds a client when a secret is configured
     * @param metrics where the per-batch counts go ({@link TransformMetric})
     */
    public KinesisTransformHandler(Map<String, String> env, SecretsManagerClient secrets, Metrics metrics) {
        super(env, secrets, metrics, DEFAULT_FORMAT);
    }

    @Override
    public StreamsEventResponse handleRequest(KinesisEvent event, Context context) {
        return PowertoolsLogging.withLogging(context, () -> {
            List<SourceRecord> records = KinesisRecords.sourceRecords(event);
            try {
                function.process(records, context);
                return KinesisRecords.noneFailed();
            } catch (RuntimeException e) {
                LOG.error("Batch of {} records not written, reporting all of them for retry: {}", records.size(),
                        e.toString());
                return KinesisRecords.allFailed(event);
            }
        });
    }
}
