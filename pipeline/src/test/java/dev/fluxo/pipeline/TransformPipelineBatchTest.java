package dev.fluxo.pipeline;

import dev.fluxo.pipeline.deadletter.Stage;
import dev.fluxo.pipeline.decode.DecodeResult;
import dev.fluxo.pipeline.decode.DecoderOptions;
import dev.fluxo.pipeline.decode.EnvelopeFormat;
import dev.fluxo.pipeline.decode.SourceRecord;
import dev.fluxo.pipeline.mask.MaskingKey;
import dev.fluxo.pipeline.mask.MaskingPolicy;
import dev.fluxo.pipeline.mask.PiiMasker;
import dev.fluxo.pipeline.testing.CustomerEvents;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Decode → validate → mask without storage: what each table would receive. */
class TransformPipelineBatchTest {
    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final PiiMasker MASKER = new PiiMasker(MaskingKey.of(new byte[32]), MaskingPolicy.defaults());

    @Test
    void eachRecordLandsInExactlyOnePlace() {
        CustomerEvents events = new CustomerEvents(3);
        byte[] good = events.create(1, NOW);
        byte[] badSexo = new String(events.create(2, NOW), StandardCharsets.UTF_8)
                .replaceFirst("\"sexo\":\"[MF]\"", "\"sexo\":\"Z\"").getBytes(StandardCharsets.UTF_8);
        TransformPipeline pipeline = TransformPipeline.builder()
                .decoder(EnvelopeFormat.parse("debezium-json").decoder(DecoderOptions.defaults()))
                .masker(MASKER).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();

        TransformedBatch batch = pipeline.transform(List.of(SourceRecord.of(null, good, "a"),
                SourceRecord.of(null, badSexo, "b"), SourceRecord.of(null, "nope".getBytes(StandardCharsets.UTF_8), "c"),
                SourceRecord.of(null, null, "d")));

        assertThat(batch.report()).isEqualTo(new BatchReport(4, 1, 2, 1, 1, 1));
        assertThat(batch.silver()).singleElement().satisfies(c -> assertThat(c.after().nome()).isNull());
        assertThat(batch.deadLetters()).extracting(d -> d.coordinates() + ":" + d.stage())
                .containsExactly("b:" + Stage.VALIDATE, "c:" + Stage.DECODE);
        assertThat(batch.deadLetters()).allSatisfy(d -> assertThat(d.receivedAt()).isEqualTo(NOW));
        assertThat(batch.bronze().get(1).raw()).isEqualTo(badSexo);
    }

    @Test
    void aDecoderThatThrowsStillDeadLettersTheRecord() {
        TransformPipeline pipeline = TransformPipeline.builder().masker(MASKER).decoder(r -> {
            throw new IllegalStateException("bug");
        }).build();
        TransformedBatch batch = pipeline.transform(List.of(SourceRecord.of(null, new byte[] {1}, "x")));
        assertThat(batch.deadLetters()).singleElement()
                .satisfies(d -> assertThat(d.reason()).contains("decoder error").contains("bug"));
        assertThat(batch.report().reconciles()).isTrue();
    }

    @Test
    void processingNeedsAWriterAndSaysSo() {
        TransformPipeline pipeline = TransformPipeline.builder().masker(MASKER)
                .decoder(r -> new DecodeResult.Ignored("x")).build();
        assertThatThrownBy(() -> pipeline.process(List.of())).hasMessageContaining("has no writer");
        assertThatThrownBy(() -> EnvelopeFormat.parse("avro")).hasMessageContaining("debezium-json");
    }
}
