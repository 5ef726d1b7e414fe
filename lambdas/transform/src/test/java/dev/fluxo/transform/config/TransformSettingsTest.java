package dev.fluxo.transform.config;

import dev.fluxo.pipeline.PipelineSettings;
import dev.fluxo.pipeline.decode.EnvelopeFormat;
import dev.fluxo.pipeline.write.CatalogFactory;
import dev.fluxo.pipeline.write.CatalogSettings;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TransformSettingsTest {
    @Test
    void eachPipelinePropertyIsReadFromItsUpperCaseVariable() {
        Map<String, String> env = Map.of(TransformSettings.CATALOG, "jdbc",
                "FLUXO_CATALOG_JDBC_URI", "jdbc:postgresql://db/iceberg",
                "FLUXO_CATALOG_WAREHOUSE", "s3://lake/wh",
                "FLUXO_S3_PATH_STYLE_ACCESS", "true",
                "FLUXO_DECODE_MAX_PAYLOAD_BYTES", "4096",
                "FLUXO_MASK_KEEP_ALLOWED_PII", "true",
                "FLUXO_MASKING_KEY", "0123456789abcdef");

        TransformSettings settings = TransformSettings.fromEnvironment(env, EnvelopeFormat.DMS_JSON);

        assertThat(TransformSettings.properties(env)).containsEntry(CatalogSettings.TYPE, "jdbc")
                .containsEntry(CatalogSettings.JDBC_URI, "jdbc:postgresql://db/iceberg")
                .containsEntry(CatalogSettings.S3_PATH_STYLE, "true");
        PipelineSettings pipeline = settings.pipeline();
        assertThat(pipeline.catalog().type()).isEqualTo(CatalogSettings.Type.JDBC);
        assertThat(pipeline.format()).as("the handler's default").isEqualTo(EnvelopeFormat.DMS_JSON);
        assertThat(pipeline.decoderOptions().maxPayloadBytes()).isEqualTo(4096);
        assertThat(pipeline.maskingPolicy().keepAllowedPii()).isTrue();
        assertThat(settings.maskingKey().needsSecretsManager()).isFalse();
        assertThat(settings.maskingKey().toString()).doesNotContain("0123456789abcdef");
    }

    @Test
    void theEnvironmentsGlueDatabasePrefixReachesTheCatalogAndItsErrorsNameTheVariable() {
        Map<String, String> env = Map.of(TransformSettings.CATALOG, "jdbc",
                "FLUXO_CATALOG_JDBC_URI", "jdbc:postgresql://db/iceberg", "FLUXO_CATALOG_WAREHOUSE", "s3://lake/wh",
                "FLUXO_CATALOG_NAMESPACE_PREFIX", "fluxo_dev_", "FLUXO_MASKING_KEY", "0123456789abcdef");
        assertThat(TransformSettings.fromEnvironment(env, EnvelopeFormat.DEBEZIUM_JSON).pipeline().catalog()
                .namespacePrefix()).isEqualTo("fluxo_dev_");

        var bad = new java.util.HashMap<>(env);
        bad.put("FLUXO_CATALOG_NAMESPACE_PREFIX", "Fluxo-Dev");
        assertThatThrownBy(() -> TransformSettings.fromEnvironment(bad, EnvelopeFormat.DEBEZIUM_JSON))
                .hasMessageContaining("FLUXO_CATALOG_NAMESPACE_PREFIX must be lower-case");
    }

    @Test
    void everyCatalogAndPipelineKeyHasItsVariable() {
        for (String key : java.util.stream.Stream.concat(CatalogSettings.KEYS.stream(), PipelineSettings.KEYS.stream())
                .toList()) {
            assertThat(TransformSettings.properties(Map.of(TransformSettings.variableFor(key), "x")))
                    .as(key).containsEntry(key, "x");
        }
    }

    @Test
    void theCatalogDefaultsToGlueRestSignedForTheFunctionsRegion() {
        Map<String, String> env = Map.of("FLUXO_CATALOG_GLUE_CATALOG_ID", "123456789012", TransformSettings.AWS_REGION,
                "sa-east-1", TransformSettings.MASKING_KEY_SECRET_ARN, "arn:aws:secretsmanager:sa-east-1:1:secret:k",
                "FLUXO_ENVELOPE_FORMAT", "connect-json");

        TransformSettings settings = TransformSettings.fromEnvironment(env, EnvelopeFormat.DEBEZIUM_JSON);

        assertThat(settings.pipeline().catalog().type()).isEqualTo(CatalogSettings.DEFAULT_TYPE)
                .isEqualTo(CatalogSettings.Type.GLUE_REST);
        assertThat(settings.pipeline().catalog().icebergProperties()).containsEntry("client.region", "sa-east-1")
                .containsEntry("rest.signing-region", "sa-east-1").containsEntry("warehouse", "123456789012")
                .containsEntry("uri", "https://glue.sa-east-1.amazonaws.com/iceberg");
        assertThat(settings.pipeline().format()).isEqualTo(EnvelopeFormat.CONNECT_JSON);
        assertThat(settings.maskingKey()).isEqualTo(MaskingKeySource.secret("arn:aws:secretsmanager:sa-east-1:1:secret:k"));
    }

    @Test
    void glueThroughTheSdkClientIsRefusedNamingGlueRestBecauseTheFunctionDoesNotCarryTheClient() {
        Map<String, String> env = Map.of(TransformSettings.CATALOG, "glue", "FLUXO_CATALOG_WAREHOUSE", "s3://lake/wh",
                TransformSettings.AWS_REGION, "sa-east-1");
        assertThatThrownBy(() -> CatalogFactory.create(TransformSettings.properties(env)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("catalog type glue needs the Glue SDK client")
                .hasMessageContaining(CatalogSettings.TYPE + "=glue-rest");
    }

    @Test
    void theMaskingKeyComesFromExactlyOneSource() {
        Map<String, String> env = Map.of("FLUXO_CATALOG_WAREHOUSE", "s3://lake/wh",
                TransformSettings.MASKING_KEY_SECRET_ARN, "arn", TransformSettings.MASKING_KEY, "0123456789abcdef");
        assertThatThrownBy(() -> TransformSettings.fromEnvironment(env, EnvelopeFormat.DEBEZIUM_JSON))
                .hasMessageContaining("set FLUXO_MASKING_KEY_SECRET_ARN or FLUXO_MASKING_KEY, not both");
    }

    @Test
    void variablesAreThePropertiesInUpperCase() {
        assertThat(TransformSettings.variableFor(CatalogSettings.S3_SECRET_ACCESS_KEY))
                .isEqualTo("FLUXO_S3_SECRET_ACCESS_KEY");
        assertThat(TransformSettings.variableFor(CatalogSettings.TYPE)).isEqualTo(TransformSettings.CATALOG);
    }
}
