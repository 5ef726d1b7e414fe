package dev.fluxo.local.lambda;

import com.amazonaws.services.lambda.runtime.events.KafkaEvent;
import dev.fluxo.local.service.BatchSink;
import dev.fluxo.transform.MskTransformHandler;
import dev.fluxo.transform.TransformSummary;
import dev.fluxo.transform.event.KafkaEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.util.List;
import java.util.Map;

/**
 * Invokes the transform Lambda's handler ({@link MskTransformHandler}, the class deployed on AWS) with each batch as
 * the {@link KafkaEvent} an MSK event source mapping would send ({@link KafkaEvents#fromConsumerRecords}), configured
 * through the same environment variables.
 */
public final class TransformFunctionSink implements BatchSink {
    /** The event source ARN the local events carry. */
    public static final String CLUSTER_ARN = "arn:aws:kafka:us-east-1:000000000000:cluster/fluxo-local/local";

    private final MskTransformHandler handler;
    private final String bootstrapServers;

    /**
     * @param environment      the function's environment ({@code dev.fluxo.transform.config.TransformSettings})
     * @param bootstrapServers the broker, as the event names it
     */
    public TransformFunctionSink(Map<String, String> environment, String bootstrapServers) {
        this.handler = new MskTransformHandler(environment, null, new LoggedMetrics());
        this.bootstrapServers = bootstrapServers;
    }

    @Override
    public Written write(List<ConsumerRecord<byte[], byte[]>> records) {
        KafkaEvent event = KafkaEvents.fromConsumerRecords(records, CLUSTER_ARN, bootstrapServers);
        TransformSummary summary = handler.handleRequest(event, new LocalInvocation());
        return new Written(summary.getReceived(), summary.getBronze(), summary.getSilver(), summary.getDeadLettered());
    }
}
