package dev.fluxo.pipeline;

import dev.fluxo.pipeline.decode.DecoderOptions;
import dev.fluxo.pipeline.decode.EnvelopeFormat;
import dev.fluxo.pipeline.mask.MaskingPolicy;
import dev.fluxo.pipeline.write.CatalogSettings;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PipelineSettingsTest {
    private static final Map<String, String> MINIMAL = Map.of(CatalogSettings.GLUE_CATALOG_ID, "123456789012",
            CatalogSettings.REGION, "sa-east-1");

    @Test
    void defaultsAreDebeziumOneMebibyteAndNoNome() {
        PipelineSettings s = PipelineSettings.from(MINIMAL);
        assertThat(s.format()).isEqualTo(PipelineSettings.DEFAULT_FORMAT).isEqualTo(EnvelopeFormat.DEBEZIUM_JSON);
        assertThat(s.decoderOptions()).isEqualTo(DecoderOptions.defaults());
        assertThat(s.maskingPolicy()).isEqualTo(MaskingPolicy.defaults());
        assertThat(s.catalog().type()).isEqualTo(CatalogSettings.DEFAULT_TYPE);
    }

    @Test
    void optionsAreRead() {
        PipelineSettings s = PipelineSettings.from(Map.of(CatalogSettings.TYPE, "glue", CatalogSettings.WAREHOUSE, "s3://w",
                PipelineSettings.FORMAT, "dms-json", PipelineSettings.MAX_PAYLOAD_BYTES, "2048",
                PipelineSettings.KEEP_ALLOWED_PII, "true"));
        assertThat(s.format()).isEqualTo(EnvelopeFormat.DMS_JSON);
        assertThat(s.decoderOptions().maxPayloadBytes()).isEqualTo(2048);
        assertThat(s.maskingPolicy().keepAllowedPii()).isTrue();
    }

    @Test
    void everyProblemIsListedAtOnce() {
        assertThatThrownBy(() -> PipelineSettings.from(Map.of(CatalogSettings.TYPE, "jdbc", PipelineSettings.FORMAT, "avro",
                PipelineSettings.MAX_PAYLOAD_BYTES, "-1", PipelineSettings.KEEP_ALLOWED_PII, "yes")))
                .hasMessageContaining(PipelineSettings.FORMAT + ": unknown envelope format 'avro'")
                .hasMessageContaining(PipelineSettings.MAX_PAYLOAD_BYTES + " must be a positive number")
                .hasMessageContaining(PipelineSettings.KEEP_ALLOWED_PII + " must be true or false")
                .hasMessageContaining(CatalogSettings.WAREHOUSE + " is required");
    }
}
