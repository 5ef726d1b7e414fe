package dev.fluxo.transform.event;

import com.amazonaws.services.lambda.runtime.events.KafkaEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fluxo.pipeline.change.SourcePosition;
import dev.fluxo.pipeline.decode.SourceRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaEventsTest {
    private static final String ARN =
            "arn:aws:kafka:us-east-1:123456789012:cluster/vpc-2priv-2pub/751d2973-a626-431c-9d4e-d7975eb44dd7-2";
    private static final String BOOTSTRAP = "b-2.demo-cluster-1.a1bcde.c1.kafka.us-east-1.amazonaws.com:9092,"
            + "b-1.demo-cluster-1.a1bcde.c1.kafka.us-east-1.amazonaws.com:9092";

    /**
     * The MSK event from the Lambda developer guide ("Using Lambda with Amazon MSK"), plus a second partition with a
     * keyless tombstone: what the event source mapping sends for the records built below.
     */
    private static final String LAMBDA_EVENT = """
            {"eventSource":"aws:kafka","eventSourceArn":"%s","bootstrapServers":"%s",
             "records":{
               "mytopic-0":[
                 {"topic":"mytopic","partition":0,"offset":15,"timestamp":1545084650987,"timestampType":"CREATE_TIME",
                  "key":"a2V5LTE1","value":"SGVsbG8sIHRoaXMgaXMgYSB0ZXN0Lg==",
                  "headers":[{"headerKey":[104,101,97,100,101,114,86,97,108,117,101]}]},
                 {"topic":"mytopic","partition":0,"offset":16,"timestamp":1545084650988,"timestampType":"CREATE_TIME",
                  "key":"a2V5LTE2","value":"e30=","headers":[]}],
               "mytopic-1":[
                 {"topic":"mytopic","partition":1,"offset":7,"timestamp":1545084651000,
                  "timestampType":"LOG_APPEND_TIME","headers":[]}]}}
            """.formatted(ARN, BOOTSTRAP);

    private static ConsumerRecord<byte[], byte[]> record(int partition, long offset, long timestamp, TimestampType type,
                                                         String key, String value, RecordHeaders headers) {
        return new ConsumerRecord<>("mytopic", partition, offset, timestamp, type, -1, -1,
                key == null ? null : key.getBytes(StandardCharsets.UTF_8),
                value == null ? null : value.getBytes(StandardCharsets.UTF_8), headers, Optional.empty());
    }

    private static List<ConsumerRecord<byte[], byte[]>> polled() {
        RecordHeaders headers = new RecordHeaders();
        headers.add("headerKey", "headerValue".getBytes(StandardCharsets.UTF_8));
        return List.of(
                record(0, 15, 1545084650987L, TimestampType.CREATE_TIME, "key-15", "Hello, this is a test.", headers),
                record(1, 7, 1545084651000L, TimestampType.LOG_APPEND_TIME, null, null, new RecordHeaders()),
                record(0, 16, 1545084650988L, TimestampType.CREATE_TIME, "key-16", "{}", new RecordHeaders()));
    }

    @Test
    void polledRecordsBecomeTheEventLambdaSends() throws Exception {
        ObjectMapper json = new ObjectMapper();
        KafkaEvent expected = json.readValue(LAMBDA_EVENT, KafkaEvent.class);

        KafkaEvent built = KafkaEvents.fromConsumerRecords(polled(), ARN, BOOTSTRAP);

        // compared as JSON: the events' equals() compares header byte arrays by identity
        assertThat((Object) json.valueToTree(built)).isEqualTo(json.valueToTree(expected));
        assertThat(built.getRecords().keySet()).containsExactly("mytopic-0", "mytopic-1");
        assertThat(built.getEventSource()).isEqualTo(KafkaEvents.MSK_EVENT_SOURCE);
    }

    @Test
    void theHandlerReadsBackTheBytesTheConsumerPolled() {
        List<SourceRecord> records = MskRecords.sourceRecords(KafkaEvents.fromConsumerRecords(polled(), ARN, BOOTSTRAP));

        assertThat(records).extracting(SourceRecord::coordinates)
                .containsExactly("mytopic/0/15", "mytopic/0/16", "mytopic/1/7");
        assertThat(new String(records.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("Hello, this is a test.");
        assertThat(new String(records.get(0).key(), StandardCharsets.UTF_8)).isEqualTo("key-15");
        assertThat(records.get(1).positionHint()).isEqualTo(SourcePosition.offset(16));
        assertThat(records.get(2).key()).isNull();
        assertThat(records.get(2).value()).as("a tombstone stays a tombstone").isNull();
    }
}
