package dev.fluxo.transform.event;

import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent.KinesisEventRecord;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse.BatchItemFailure;
import dev.fluxo.pipeline.change.SourcePosition;
import dev.fluxo.pipeline.decode.SourceRecord;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The records of a Kinesis event as the pipeline reads them: the data bytes, the partition key as key, coordinates
 * {@code stream/shard/sequence}, the sequence number as position hint (DMS records carry no position of their own).
 */
public final class KinesisRecords {
    private KinesisRecords() {
    }

    public static List<SourceRecord> sourceRecords(KinesisEvent event) {
        List<SourceRecord> records = new ArrayList<>();
        if (event.getRecords() == null) {
            return records;
        }
        for (KinesisEventRecord r : event.getRecords()) {
            String sequence = r.getKinesis().getSequenceNumber();
            String key = r.getKinesis().getPartitionKey();
            records.add(new SourceRecord(key == null ? null : key.getBytes(StandardCharsets.UTF_8),
                    bytes(r.getKinesis().getData()), coordinates(r), SourcePosition.sequence(sequence)));
        }
        return records;
    }

    /**
     * The response that makes Lambda retry every record of {@code event} that was not written: all of them, lowest
     * sequence number first (Lambda resumes the shard from the lowest failure it is given).
     */
    public static StreamsEventResponse allFailed(KinesisEvent event) {
        List<BatchItemFailure> failures = new ArrayList<>();
        if (event.getRecords() != null) {
            event.getRecords().stream().map(r -> r.getKinesis().getSequenceNumber())
                    .sorted(Comparator.comparing(BigInteger::new))
                    .forEach(s -> failures.add(BatchItemFailure.builder().withItemIdentifier(s).build()));
        }
        return StreamsEventResponse.builder().withBatchItemFailures(failures).build();
    }

    /** The response for a batch that was written whole. */
    public static StreamsEventResponse noneFailed() {
        return StreamsEventResponse.builder().withBatchItemFailures(new ArrayList<>()).build();
    }

    /** {@code stream/shard/sequence}, from the stream ARN and the event id ({@code shardId-…:sequence}). */
    static String coordinates(KinesisEventRecord r) {
        String arn = r.getEventSourceARN() == null ? "" : r.getEventSourceARN();
        String stream = arn.substring(arn.indexOf('/') + 1);
        String eventId = r.getEventID() == null ? "" : r.getEventID();
        int colon = eventId.indexOf(':');
        String shard = colon < 0 ? eventId : eventId.substring(0, colon);
        return stream + "/" + shard + "/" + r.getKinesis().getSequenceNumber();
    }

    private static byte[] bytes(ByteBuffer data) {
        if (data == null) {
            return null;
        }
        ByteBuffer copy = data.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }
}
