package dev.fluxo.transform;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.KafkaEvent;
import dev.fluxo.pipeline.decode.EnvelopeFormat;
import dev.fluxo.pipeline.decode.SourceRecord;
import dev.fluxo.transform.config.TransformSettings;
import dev.fluxo.transform.event.MskRecords;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.MetricsFactory;

import java.util.List;
import java.util.Map;

/**
 * The transform Lambda behind an MSK (or self-managed Kafka) event source mapping: each event's records go through the
 * pipeline as one batch, one commit per table. Kafka event source mappings have no per-record failure response, so a
 * batch is written whole or not at all: bad records are dead-lettered by the pipeline and never fail it; a catalog or
 * storage failure throws {@link TransformException}, and Lambda retries the batch.
 *
 * <p>Configuration: the environment, see {@link TransformSettings}; envelope format default {@link #DEFAULT_FORMAT}.
 * The local target invokes the same class with events built by {@code KafkaEvents.fromConsumerRecords}.
 *
 * <p>Handler: {@code dev.fluxo.transform.MskTransformHandler::handleRequest}.
 */
public class MskTransformHandler extends TransformLambda<KafkaEvent, TransformSummary> {
    /** Envelope format when {@code FLUXO_ENVELOPE_FORMAT} is unset: Debezium JSON (MSK Connect, Strimzi). */
    public static final EnvelopeFormat DEFAULT_FORMAT = EnvelopeFormat.DEBEZIUM_JSON;

    /** The Lambda runtime's constructor: the process environment, real AWS clients. */
    public MskTransformHandler() {
        this(System.getenv(), null, MetricsFactory.getMetricsInstance());
    }

    /**
     * @param env     the settings ({@link TransformSettings})
     * @param secrets reads the masking key's secret; {@code null} builds a client when a secret is configured
     * @param metrics where the per-batch counts go ({@link TransformMetric})
     */
    public MskTransformHandler(Map<String, String> env, SecretsManagerClient secrets, Metrics metrics) {
        super(env, secrets, metrics, DEFAULT_FORMAT);
    }

    @Override
    public TransformSummary handleRequest(KafkaEvent event, Context context) {
        return PowertoolsLogging.withLogging(context, () -> {
            List<SourceRecord> records = MskRecords.sourceRecords(event);
            try {
                return TransformSummary.of(function.process(records, context));
            } catch (RuntimeException e) {
                throw new TransformException("batch of " + records.size() + " records from "
                        + (event.getRecords() == null ? List.of() : event.getRecords().keySet())
                        + " was not written and will be retried: " + e, e);
            }
        });
    }
}
