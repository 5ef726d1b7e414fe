package dev.fluxo.pipeline.write;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CatalogSettingsTest {

    @Test
    void glueOnAwsUsesS3FileIoWithTheRoleAndNoEndpoint() {
        CatalogSettings s = CatalogSettings.from(Map.of(CatalogSettings.WAREHOUSE, "s3://fluxo-silver/warehouse",
                CatalogSettings.REGION, "sa-east-1", "iceberg.glue.skip-archive", "true"));
        assertThat(s.type()).isEqualTo(CatalogSettings.DEFAULT_TYPE).isEqualTo(CatalogSettings.Type.GLUE);
        assertThat(s.name()).isEqualTo(CatalogSettings.DEFAULT_NAME);
        assertThat(s.icebergProperties()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "catalog-impl", "org.apache.iceberg.aws.glue.GlueCatalog",
                "warehouse", "s3://fluxo-silver/warehouse",
                "io-impl", "org.apache.iceberg.aws.s3.S3FileIO",
                "http-client.type", "urlconnection",
                "s3.path-style-access", "false",
                "client.region", "sa-east-1",
                "glue.skip-archive", "true"));
    }

    @Test
    void localJdbcCatalogTalksToAnS3EndpointPathStyleWithStaticKeys() {
        Map<String, String> p = CatalogSettings.from(Map.of(CatalogSettings.TYPE, "jdbc",
                CatalogSettings.WAREHOUSE, "s3://lakehouse/wh", CatalogSettings.JDBC_URI, "jdbc:postgresql://h/iceberg",
                CatalogSettings.JDBC_USER, "u", CatalogSettings.JDBC_PASSWORD, "pw",
                CatalogSettings.S3_ENDPOINT, "http://127.0.0.1:9000", CatalogSettings.S3_ACCESS_KEY_ID, "k",
                CatalogSettings.S3_SECRET_ACCESS_KEY, "s")).icebergProperties();
        assertThat(p).containsEntry("catalog-impl", "org.apache.iceberg.jdbc.JdbcCatalog")
                .containsEntry("uri", "jdbc:postgresql://h/iceberg").containsEntry("jdbc.user", "u")
                .containsEntry("jdbc.password", "pw").containsEntry("s3.endpoint", "http://127.0.0.1:9000")
                .containsEntry("s3.path-style-access", "true").containsEntry("s3.access-key-id", "k")
                .containsEntry("s3.secret-access-key", "s");
    }

    @Test
    void everyProblemIsListedAtOnce() {
        assertThatThrownBy(() -> CatalogFactory.create(Map.of(CatalogSettings.TYPE, "jdbc",
                CatalogSettings.S3_ACCESS_KEY_ID, "k")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(CatalogSettings.WAREHOUSE + " is required")
                .hasMessageContaining(CatalogSettings.JDBC_URI + " is required for a jdbc catalog")
                .hasMessageContaining("go together");
        assertThat(new CatalogSettings(Map.of(CatalogSettings.TYPE, "hive")).problems())
                .contains(CatalogSettings.TYPE + " must be glue or jdbc, got 'hive'");
    }

    @Test
    void secretsAreNotPrinted() {
        assertThat(new CatalogSettings(Map.of(CatalogSettings.JDBC_PASSWORD, "hunter2",
                CatalogSettings.S3_SECRET_ACCESS_KEY, "topsecret")).toString())
                .doesNotContain("hunter2").doesNotContain("topsecret");
    }
}
