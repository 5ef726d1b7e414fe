package dev.fluxo.pipeline.decode;

import dev.fluxo.pipeline.change.Customer;
import dev.fluxo.pipeline.change.CustomerChange;
import dev.fluxo.pipeline.change.Op;
import dev.fluxo.pipeline.change.SourcePosition;
import dev.fluxo.pipeline.testing.CustomerEvents;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class DebeziumJsonDecoderTest {
    private static final Instant T = Instant.parse("2026-11-23T10:15:30.123456Z");
    private final ChangeDecoder decoder = ChangeDecoder.debezium(DecoderOptions.defaults());
    private final CustomerEvents events = new CustomerEvents(1);

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    private DecodeResult decode(byte[] value) {
        return decoder.decode(SourceRecord.of(null, value, "t/0/1"));
    }

    private CustomerChange decoded(byte[] value) {
        DecodeResult r = decode(value);
        assertThat(r).isInstanceOf(DecodeResult.Decoded.class);
        return ((DecodeResult.Decoded) r).change();
    }

    private String reason(byte[] value) {
        DecodeResult r = decode(value);
        assertThat(r).isInstanceOf(DecodeResult.DecodeFailure.class);
        assertThat(((DecodeResult.DecodeFailure) r).raw()).isEqualTo(value);
        return ((DecodeResult.DecodeFailure) r).reason();
    }

    /** A Debezium envelope with an embedded schema giving dt_update the logical type {@code logical}. */
    private static String withSchema(String logical, String dtUpdate) {
        return "{\"schema\":{\"type\":\"struct\",\"fields\":[{\"type\":\"struct\",\"fields\":["
                + "{\"type\":\"int64\",\"optional\":false,\"field\":\"id\"},"
                + "{\"type\":\"int64\",\"optional\":true,\"name\":\"" + logical + "\",\"version\":1,\"field\":\"dt_update\"}],"
                + "\"optional\":true,\"name\":\"fluxo.public.customers.Value\",\"field\":\"after\"}],"
                + "\"optional\":false,\"name\":\"fluxo.public.customers.Envelope\",\"version\":2},"
                + "\"payload\":{\"before\":null,\"after\":{\"id\":7,\"dt_update\":" + dtUpdate + "},"
                + "\"source\":{\"ts_ms\":1795430000000,\"txId\":9,\"lsn\":123},\"op\":\"c\"}}";
    }

    @Test
    void bareEventDecodesEveryColumnAndTheSourcePosition() {
        Customer row = events.customer(42, T);
        CustomerChange c = decoded(events.event("u", row, row, T));
        assertThat(c.id()).isEqualTo(42);
        assertThat(c.op()).isEqualTo(Op.UPDATE);
        assertThat(c.after()).isEqualTo(row);
        assertThat(c.before()).isEqualTo(row);
        assertThat(c.commitTime()).isEqualTo(T);
        assertThat(c.position()).isEqualTo(SourcePosition.lsn(events.lastLsn(), c.position().txId()));
        assertThat(c.position().txId()).isNotNull();
    }

    @Test
    void microTimestampIsMicrosecondsSinceEpochEvenBefore1970() {
        assertThat(decoded(utf8(withSchema(Timestamps.MICRO_TIMESTAMP, "1795430130123456"))).after().dtUpdate())
                .isEqualTo(Instant.parse("2026-11-23T10:35:30.123456Z"));
        assertThat(decoded(utf8(withSchema(Timestamps.MICRO_TIMESTAMP, "-1"))).after().dtUpdate())
                .isEqualTo(Instant.parse("1969-12-31T23:59:59.999999Z"));
    }

    @Test
    void timestampWithMillisecondSchemaIsMilliseconds() {
        assertThat(decoded(utf8(withSchema(Timestamps.MILLI_TIMESTAMP, "1795430130123"))).after().dtUpdate())
                .isEqualTo(Instant.parse("2026-11-23T10:35:30.123Z"));
    }

    @Test
    void zonedTimestampTextIsReadWithItsOffset() {
        assertThat(decoded(utf8(withSchema(Timestamps.ZONED_TIMESTAMP, "\"2026-11-23T10:15:30.123456-03:00\"")))
                .after().dtUpdate()).isEqualTo(Instant.parse("2026-11-23T13:15:30.123456Z"));
        assertThat(reason(utf8(withSchema(Timestamps.ZONED_TIMESTAMP, "5")))).contains("expected text");
    }

    @Test
    void numericTimestampWithoutSchemaUsesTheConfiguredUnit() {
        String bare = "{\"after\":{\"id\":1,\"dt_update\":1795430130123},\"source\":{\"ts_ms\":1,\"lsn\":5},\"op\":\"c\"}";
        assertThat(DecoderOptions.defaults().bareTimestampUnit()).isEqualTo(DecoderOptions.DEFAULT_BARE_TIMESTAMP_UNIT);
        var millis = ChangeDecoder.debezium(DecoderOptions.defaults().withBareTimestampUnit(java.time.temporal.ChronoUnit.MILLIS));
        assertThat(((DecodeResult.Decoded) millis.decode(SourceRecord.of(null, utf8(bare), "c"))).change().after().dtUpdate())
                .isEqualTo(Instant.parse("2026-11-23T10:35:30.123Z"));
    }

    @Test
    void tombstonesAreIgnoredNotFailed() {
        DecodeResult.Ignored tombstone = new DecodeResult.Ignored(DecodeResult.Ignored.TOMBSTONE);
        assertThat(decode(null)).isEqualTo(tombstone);
        assertThat(decode(new byte[0])).isEqualTo(tombstone);
        assertThat(decode(utf8("{\"schema\":null,\"payload\":null}"))).isEqualTo(tombstone);
    }

    @Test
    void deleteWithoutBeforeImageTakesTheIdFromTheKey() {
        byte[] value = utf8("{\"before\":null,\"after\":null,\"source\":{\"ts_ms\":1,\"lsn\":5},\"op\":\"d\"}");
        var r = decoder.decode(SourceRecord.of(utf8("{\"schema\":{},\"payload\":{\"id\":77}}"), value, "c"));
        assertThat(((DecodeResult.Decoded) r).change().id()).isEqualTo(77);
        assertThat(((DecodeResult.Decoded) r).change().image()).isEqualTo(Customer.keyOnly(77));
    }

    @Test
    void rowSchemaVersionIsCarriedSoValidationCanJudgeIt() {
        String v3 = withSchema(Timestamps.MICRO_TIMESTAMP, "1").replace("\"field\":\"after\"", "\"version\":3,\"field\":\"after\"");
        assertThat(decoded(utf8(v3)).schemaVersion()).isEqualTo(3);
        assertThat(decoded(utf8(withSchema(Timestamps.MICRO_TIMESTAMP, "1"))).schemaVersion())
                .isEqualTo(DecoderOptions.defaults().defaultSchemaVersion());
    }

    @Test
    void badInputBecomesAFailureWithAReason() {
        byte[] good = events.create(3, T);
        byte[] random = new byte[200];
        new Random(5).nextBytes(random);
        assertThat(reason(random)).startsWith("invalid JSON");
        assertThat(reason(Arrays.copyOf(good, 100))).startsWith("invalid JSON");
        assertThat(reason(utf8("[1,2]"))).isEqualTo("not a JSON object");
        assertThat(reason(utf8(text(good) + " {}"))).contains("after the JSON object");
        assertThat(reason(utf8(text(good).replace("\"op\":\"c\"", "\"op\":\"t\"")))).contains("unknown op 't'");
        assertThat(reason(utf8(text(good).replace("\"op\":\"c\",", "")))).contains("op is missing");
        assertThat(reason(utf8(text(good).replace("\"id\":3", "\"id\":{}")))).isEqualTo("id: expected an integer, got an object");
        assertThat(reason(utf8(text(good).replace("\"sexo\":\"", "\"sexo\":1,\"x\":\"")))).isEqualTo("sexo: expected a string, got a number");
        assertThat(reason(utf8(text(good).replace("\"id\":3", "\"id\":99999999999999999999")))).startsWith("number out of range");
        assertThat(reason(utf8(text(good).replaceAll("\"lsn\":\\d+", "\"lsn\":null")))).contains("source.lsn is missing");
        assertThat(reason(utf8(text(good).replace("\"table\":\"customers\"", "\"table\":\"orders\""))))
                .isEqualTo("change for public.orders, this pipeline reads public.customers");
    }

    @Test
    void payloadOverTheLimitFailsWithoutBeingParsed() {
        int limit = DecoderOptions.defaults().maxPayloadBytes();
        assertThat(limit).isEqualTo(DecoderOptions.DEFAULT_MAX_PAYLOAD_BYTES).isEqualTo(1024 * 1024);
        byte[] tooLarge = new byte[limit + 1];
        Arrays.fill(tooLarge, (byte) '{');
        assertThat(reason(tooLarge)).isEqualTo("payload too large: 1048577 bytes, the limit is 1048576");
        byte[] atLimit = new byte[limit];
        Arrays.fill(atLimit, (byte) ' ');
        assertThat(reason(atLimit)).isEqualTo("not a JSON object");
    }

    @Test
    void everyTruncationOfAValidEventIsAFailureNeverAnException() {
        byte[] good = events.create(3, T);
        for (int length = 1; length < good.length; length++) {
            assertThat(decode(Arrays.copyOf(good, length))).as("prefix of %d bytes", length)
                    .isInstanceOf(DecodeResult.DecodeFailure.class);
        }
    }
}
