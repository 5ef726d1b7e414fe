package dev.fluxo.transform.event;

import com.amazonaws.services.lambda.runtime.events.KafkaEvent;
import com.amazonaws.services.lambda.runtime.events.KafkaEvent.KafkaEventRecord;
import dev.fluxo.pipeline.change.SourcePosition;
import dev.fluxo.pipeline.decode.SourceRecord;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The records of a Kafka event (MSK or self-managed event source mapping) as the pipeline reads them: key and value
 * base64-decoded, coordinates {@code topic/partition/offset}, the offset as position hint (used only by envelopes
 * without a log position). Partitions in the event's order, each in offset order.
 */
public final class MskRecords {
    private MskRecords() {
    }

    public static List<SourceRecord> sourceRecords(KafkaEvent event) {
        List<SourceRecord> records = new ArrayList<>();
        if (event.getRecords() == null) {
            return records;
        }
        for (List<KafkaEventRecord> partition : event.getRecords().values()) {
            for (KafkaEventRecord r : partition) {
                records.add(new SourceRecord(decode(r.getKey()), decode(r.getValue()),
                        coordinates(r.getTopic(), r.getPartition(), r.getOffset()), SourcePosition.offset(r.getOffset())));
            }
        }
        return records;
    }

    /** {@code topic/partition/offset}, as stored in {@code source_coordinates}. */
    public static String coordinates(String topic, int partition, long offset) {
        return topic + "/" + partition + "/" + offset;
    }

    private static byte[] decode(String base64) {
        // A value that is not base64 is not Lambda's: it would be a bug upstream, and failing the batch is right.
        return base64 == null ? null : Base64.getDecoder().decode(base64);
    }
}
