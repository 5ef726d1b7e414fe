package dev.fluxo.pipeline.decode;

import dev.fluxo.pipeline.change.CustomerChange;
import dev.fluxo.pipeline.change.Op;
import dev.fluxo.pipeline.change.SourcePosition;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static dev.fluxo.pipeline.decode.DebeziumJsonDecoderTest.utf8;
import static org.assertj.core.api.Assertions.assertThat;

class ConnectJsonDecoderTest {
    private final ChangeDecoder decoder = ChangeDecoder.connectJson(DecoderOptions.defaults());

    /** As the JDBC source connector with the JSON converter (schemas enabled) writes a row of public.customers. */
    private static final String ROW_WITH_SCHEMA = "{\"schema\":{\"type\":\"struct\",\"fields\":["
            + "{\"type\":\"int64\",\"optional\":false,\"field\":\"id\"},"
            + "{\"type\":\"string\",\"optional\":true,\"field\":\"nome\"},"
            + "{\"type\":\"string\",\"optional\":true,\"field\":\"sexo\"},"
            + "{\"type\":\"int64\",\"optional\":false,\"name\":\"org.apache.kafka.connect.data.Timestamp\",\"version\":1,"
            + "\"field\":\"dt_update\"}],\"optional\":false,\"name\":\"customers\"},"
            + "\"payload\":{\"id\":5,\"nome\":\"Ana\",\"sexo\":\"F\",\"dt_update\":1795430130123}}";

    @Test
    void rowWithSchemaIsAnUpsertAtTheGivenOffset() {
        DecodeResult r = decoder.decode(new SourceRecord(null, utf8(ROW_WITH_SCHEMA), "jdbc-customers/0/17",
                SourcePosition.offset(17)));
        CustomerChange c = ((DecodeResult.Decoded) r).change();
        assertThat(c.op()).isEqualTo(Op.UPDATE);
        assertThat(c.id()).isEqualTo(5);
        assertThat(c.before()).isNull();
        assertThat(c.after().nome()).isEqualTo("Ana");
        assertThat(c.after().dtUpdate()).isEqualTo(Instant.parse("2026-11-23T10:35:30.123Z"));
        assertThat(c.commitTime()).isEqualTo(c.after().dtUpdate());
        assertThat(c.position().rendered()).isEqualTo("00000000000000000017");
    }

    @Test
    void bareRowIsAcceptedAndItsVersionDefaults() {
        DecodeResult r = decoder.decode(new SourceRecord(null, utf8("{\"id\":6,\"sexo\":\"m\"}"), "c",
                SourcePosition.offset(1)));
        assertThat(((DecodeResult.Decoded) r).change().schemaVersion()).isEqualTo(DecoderOptions.defaults().defaultSchemaVersion());
        assertThat(((DecodeResult.Decoded) r).change().after().sexo()).isEqualTo("m");
    }

    @Test
    void rowWithoutAnOffsetHintFailsWithTheFix() {
        DecodeResult r = decoder.decode(SourceRecord.of(null, utf8(ROW_WITH_SCHEMA), "c"));
        assertThat(((DecodeResult.DecodeFailure) r).reason()).contains("pass the record's Kafka offset as position hint");
    }

    @Test
    void schemaVersionOfTheRowStructIsCarried() {
        String v2 = ROW_WITH_SCHEMA.replace("\"name\":\"customers\"}", "\"name\":\"customers\",\"version\":2}");
        DecodeResult r = decoder.decode(new SourceRecord(null, utf8(v2), "c", SourcePosition.offset(1)));
        assertThat(((DecodeResult.Decoded) r).change().schemaVersion()).isEqualTo(2);
    }
}
