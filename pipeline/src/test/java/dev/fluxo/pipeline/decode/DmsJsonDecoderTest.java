package dev.fluxo.pipeline.decode;

import dev.fluxo.pipeline.change.CustomerChange;
import dev.fluxo.pipeline.change.Op;
import dev.fluxo.pipeline.change.SourcePosition;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static dev.fluxo.pipeline.decode.DebeziumJsonDecoderTest.utf8;
import static org.assertj.core.api.Assertions.assertThat;

class DmsJsonDecoderTest {
    private static final String SEQUENCE = "49590338271490256608559692538361571095921575989136588898";
    private final ChangeDecoder decoder = ChangeDecoder.dms(DecoderOptions.defaults());

    private static String record(String operation, String recordType) {
        return "{\"data\":{\"id\":9,\"nome\":\"Carla\",\"sexo\":\"F\",\"email\":\"c@example.com\","
                + "\"dt_update\":\"2026-11-23 10:15:30.123456\"},"
                + "\"metadata\":{\"timestamp\":\"2026-11-23T10:15:31.000001Z\",\"record-type\":\"" + recordType + "\","
                + "\"operation\":\"" + operation + "\",\"partition-key-type\":\"schema-table\",\"schema-name\":\"public\","
                + "\"table-name\":\"customers\",\"transaction-id\":8589934592}}";
    }

    private DecodeResult decode(String json) {
        return decoder.decode(new SourceRecord(null, utf8(json), "customers/shardId-000000000000/" + SEQUENCE,
                SourcePosition.sequence(SEQUENCE)));
    }

    @ParameterizedTest
    @CsvSource({"insert,CREATE", "update,UPDATE", "delete,DELETE", "load,READ"})
    void operationsMapToOps(String operation, Op op) {
        CustomerChange c = ((DecodeResult.Decoded) decode(record(operation, "data"))).change();
        assertThat(c.op()).isEqualTo(op);
        assertThat(c.id()).isEqualTo(9);
        assertThat(c.image().dtUpdate()).isEqualTo(Instant.parse("2026-11-23T10:15:30.123456Z"));
        assertThat(op == Op.DELETE ? c.before() : c.after()).isNotNull();
        assertThat(op == Op.DELETE ? c.after() : c.before()).isNull();
    }

    @Test
    void positionIsTheKinesisSequenceWithTheTransactionId() {
        CustomerChange c = ((DecodeResult.Decoded) decode(record("insert", "data"))).change();
        assertThat(c.position().rendered()).hasSize(SourcePosition.SEQUENCE_DIGITS).endsWith(SEQUENCE);
        assertThat(c.position().txId()).isEqualTo(8589934592L);
        assertThat(c.commitTime()).isEqualTo(Instant.parse("2026-11-23T10:15:31.000001Z"));
    }

    @Test
    void controlRecordsAreIgnored() {
        assertThat(decode(record("create-table", "control"))).isInstanceOf(DecodeResult.Ignored.class);
    }

    @Test
    void unknownOperationOrMissingHintFails() {
        assertThat(((DecodeResult.DecodeFailure) decode(record("merge", "data"))).reason())
                .contains("unknown DMS operation 'merge'");
        DecodeResult noHint = decoder.decode(SourceRecord.of(null, utf8(record("insert", "data")), "c"));
        assertThat(((DecodeResult.DecodeFailure) noHint).reason()).contains("Kinesis sequence number");
    }
}
