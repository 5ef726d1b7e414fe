package dev.fluxo.transform.testing;

import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent.KinesisEventRecord;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** DMS change records as DMS writes them to Kinesis, and the Kinesis events Lambda hands the function. */
public final class DmsRecords {
    /** The stream the events come from. */
    public static final String STREAM_ARN = "arn:aws:kinesis:us-east-1:123456789012:stream/fluxo-cdc";
    private static final BigInteger FIRST_SEQUENCE = new BigInteger("49590338271490256608559692538361571095921575989136588898");

    private DmsRecords() {
    }

    /** A DMS CDC record of {@code public.customers}. */
    public static String dms(String operation, String recordType, long id, String email) {
        return "{\"data\":{\"id\":" + id + ",\"nome\":\"Cliente " + id + "\",\"sexo\":\"F\",\"endereco\":null,"
                + "\"telefone\":\"+55 11 90000-000" + id % 10 + "\",\"email\":\"" + email + "\",\"foto\":null,"
                + "\"profissao\":\"Contador\",\"dt_update\":\"2026-11-23 10:15:30.123456\"},"
                + "\"metadata\":{\"timestamp\":\"2026-11-23T10:15:31.000001Z\",\"record-type\":\"" + recordType + "\","
                + "\"operation\":\"" + operation + "\",\"partition-key-type\":\"schema-table\","
                + "\"schema-name\":\"public\",\"table-name\":\"customers\",\"transaction-id\":8589934592}}";
    }

    /** The event for these payloads (UTF-8), read from shard 0 with consecutive sequence numbers. */
    public static KinesisEvent event(List<String> payloads) {
        return eventOf(payloads.stream().map(p -> p.getBytes(StandardCharsets.UTF_8)).toList());
    }

    /** The event for these payloads, read from shard 0 with consecutive sequence numbers. */
    public static KinesisEvent eventOf(List<byte[]> payloads) {
        List<KinesisEventRecord> records = new ArrayList<>();
        for (int i = 0; i < payloads.size(); i++) {
            String sequence = FIRST_SEQUENCE.add(BigInteger.valueOf(i * 1000L)).toString();
            KinesisEvent.Record kinesis = new KinesisEvent.Record();
            kinesis.setData(ByteBuffer.wrap(payloads.get(i)));
            kinesis.setPartitionKey("public.customers");
            kinesis.setSequenceNumber(sequence);
            kinesis.setKinesisSchemaVersion("1.0");
            KinesisEventRecord r = new KinesisEventRecord();
            r.setKinesis(kinesis);
            r.setEventSource("aws:kinesis");
            r.setEventID("shardId-000000000000:" + sequence);
            r.setEventSourceARN(STREAM_ARN);
            r.setAwsRegion("us-east-1");
            r.setEventName("aws:kinesis:record");
            records.add(r);
        }
        KinesisEvent event = new KinesisEvent();
        event.setRecords(records);
        return event;
    }
}
