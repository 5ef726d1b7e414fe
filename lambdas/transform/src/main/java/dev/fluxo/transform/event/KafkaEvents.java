package dev.fluxo.transform.event;

import com.amazonaws.services.lambda.runtime.events.KafkaEvent;
import com.amazonaws.services.lambda.runtime.events.KafkaEvent.KafkaEventRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the {@link KafkaEvent} the MSK event source mapping would send for records a Kafka consumer polled, so a
 * local poller can invoke {@code MskTransformHandler} exactly as Lambda does: records grouped under
 * {@code "topic-partition"} in poll order, key and value base64 (absent when {@code null}), the record's timestamp and
 * timestamp type ({@code CREATE_TIME} or {@code LOG_APPEND_TIME}), headers as one single-entry map per header.
 *
 * <p>Needs {@code org.apache.kafka:kafka-clients} on the caller's classpath (the Lambda jar does not carry it).
 *
 * <pre>{@code
 * ConsumerRecords<byte[], byte[]> polled = consumer.poll(Duration.ofSeconds(1));
 * handler.handleRequest(KafkaEvents.fromConsumerRecords(polled, clusterArn, bootstrapServers), context);
 * }</pre>
 */
public final class KafkaEvents {
    /** {@code eventSource} of events from an Amazon MSK event source mapping. */
    public static final String MSK_EVENT_SOURCE = "aws:kafka";

    private KafkaEvents() {
    }

    /**
     * @param records          what the consumer polled, in order
     * @param eventSourceArn   the cluster's ARN (any label locally)
     * @param bootstrapServers the cluster's bootstrap servers, comma-separated
     */
    public static KafkaEvent fromConsumerRecords(Iterable<ConsumerRecord<byte[], byte[]>> records,
                                                 String eventSourceArn, String bootstrapServers) {
        Map<String, List<KafkaEventRecord>> byPartition = new LinkedHashMap<>();
        for (ConsumerRecord<byte[], byte[]> r : records) {
            byPartition.computeIfAbsent(r.topic() + "-" + r.partition(), k -> new ArrayList<>()).add(eventRecord(r));
        }
        return KafkaEvent.builder().withEventSource(MSK_EVENT_SOURCE).withEventSourceArn(eventSourceArn)
                .withBootstrapServers(bootstrapServers).withRecords(byPartition).build();
    }

    private static KafkaEventRecord eventRecord(ConsumerRecord<byte[], byte[]> r) {
        List<Map<String, byte[]>> headers = new ArrayList<>();
        for (Header h : r.headers()) {
            headers.add(Map.of(h.key(), h.value() == null ? new byte[0] : h.value()));
        }
        return KafkaEventRecord.builder().withTopic(r.topic()).withPartition(r.partition()).withOffset(r.offset())
                .withTimestamp(r.timestamp()).withTimestampType(r.timestampType().name())
                .withKey(base64(r.key())).withValue(base64(r.value())).withHeaders(headers).build();
    }

    private static String base64(byte[] bytes) {
        return bytes == null ? null : Base64.getEncoder().encodeToString(bytes);
    }
}
