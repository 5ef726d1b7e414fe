package dev.fluxo.transform.testing;

import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent.KinesisEventRecord;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
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

    /** The sequence number of the {@code index}th record of an event (0 is the first). */
    public static String sequenceNumber(int index) {
        return FIRST_SEQUENCE.add(BigInteger.valueOf(index * 1000L)).toString();
    }

    /** The event for these payloads, read from shard 0 with consecutive sequence numbers. */
    private static KinesisEvent eventOf(List<byte[]> payloads) {
        List<KinesisEventRecord> records = new ArrayList<>();
        for (int i = 0; i < payloads.size(); i++) {
            String sequence = sequenceNumber(i);
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

    /** The same event as the JSON Lambda sends the function (the shape of the Kinesis event in AWS's documentation). */
    public static String eventJson(List<byte[]> payloads) {
        StringBuilder json = new StringBuilder("{\"Records\":[");
        for (int i = 0; i < payloads.size(); i++) {
            String sequence = sequenceNumber(i);
            json.append(i == 0 ? "" : ",").append("{\"kinesis\":{\"kinesisSchemaVersion\":\"1.0\",")
                    .append("\"partitionKey\":\"public.customers\",\"sequenceNumber\":\"").append(sequence)
                    .append("\",\"data\":\"").append(Base64.getEncoder().encodeToString(payloads.get(i)))
                    .append("\",\"approximateArrivalTimestamp\":1795392000.").append(100 + i).append("},")
                    .append("\"eventSource\":\"aws:kinesis\",\"eventVersion\":\"1.0\",")
                    .append("\"eventID\":\"shardId-000000000000:").append(sequence).append("\",")
                    .append("\"eventName\":\"aws:kinesis:record\",")
                    .append("\"invokeIdentityArn\":\"arn:aws:iam::123456789012:role/fluxo-transform\",")
                    .append("\"awsRegion\":\"us-east-1\",\"eventSourceARN\":\"").append(STREAM_ARN).append("\"}");
        }
        return json.append("]}").toString();
    }
}
