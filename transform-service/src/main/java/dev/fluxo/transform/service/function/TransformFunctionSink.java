package dev.fluxo.transform.service.function;

import com.amazonaws.services.lambda.runtime.events.KafkaEvent;
import dev.fluxo.transform.MskTransformHandler;
import dev.fluxo.transform.TransformSummary;
import dev.fluxo.transform.event.KafkaEvents;
import dev.fluxo.transform.service.poll.BatchSink;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.util.List;
import java.util.Map;

/**
 * Invokes the transform Lambda's handler ({@link MskTransformHandler}, the class deployed on AWS) with each batch as
 * the {@link KafkaEvent} an MSK event source mapping would send ({@link KafkaEvents#fromConsumerRecords}), configured
 * through the same environment variables.
 */
public final class TransformFunctionSink implements BatchSink {
    /** The event source ARN the events carry (there is no MSK cluster behind them). */
    public static final String CLUSTER_ARN = "arn:aws:kafka:us-east-1:000000000000:cluster/fluxo-local/local";

    private final MskTransformHandler handler;
    private final String bootstrapServers;
    private final String functionName;

    /** The local target's function, named {@value LocalInvocation#FUNCTION_NAME}. */
    public TransformFunctionSink(Map<String, String> environment, String bootstrapServers) {
        this(environment, bootstrapServers, LocalInvocation.FUNCTION_NAME);
    }

    /**
     * Builds the handler now (it reads its settings and opens the catalog, as a Lambda instance does at init).
     *
     * @param environment      the function's environment ({@code dev.fluxo.transform.config.TransformSettings})
     * @param bootstrapServers the brokers, as the event names them
     * @param functionName     the name the invocations and metric lines carry
     * @throws IllegalArgumentException listing every missing or invalid {@code FLUXO_*} variable
     */
    public TransformFunctionSink(Map<String, String> environment, String bootstrapServers, String functionName) {
        this.handler = new MskTransformHandler(environment, null, new LoggedMetrics(functionName));
        this.bootstrapServers = bootstrapServers;
        this.functionName = functionName;
    }

    @Override
    public Written write(List<ConsumerRecord<byte[], byte[]>> records) {
        KafkaEvent event = KafkaEvents.fromConsumerRecords(records, CLUSTER_ARN, bootstrapServers);
        TransformSummary summary = handler.handleRequest(event, new LocalInvocation(functionName));
        return new Written(summary.getReceived(), summary.getBronze(), summary.getSilver(), summary.getDeadLettered());
    }
}
