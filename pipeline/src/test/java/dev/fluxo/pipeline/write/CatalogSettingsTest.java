package dev.fluxo.pipeline.write;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CatalogSettingsTest {

    @Test
    void glueRestOnAwsSignsForGlueInTheRegionWithTheAccountAsWarehouse() {
        CatalogSettings s = CatalogSettings.from(Map.of(CatalogSettings.GLUE_CATALOG_ID, "123456789012",
                CatalogSettings.REGION, "sa-east-1", "iceberg.rest.metrics-reporting-enabled", "false"));
        assertThat(s.type()).isEqualTo(CatalogSettings.DEFAULT_TYPE).isEqualTo(CatalogSettings.Type.GLUE_REST);
        assertThat(s.name()).isEqualTo(CatalogSettings.DEFAULT_NAME);
        assertThat(s.icebergProperties()).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("catalog-impl", "org.apache.iceberg.rest.RESTCatalog"),
                Map.entry("uri", "https://glue.sa-east-1.amazonaws.com/iceberg"),
                Map.entry("warehouse", "123456789012"),
                Map.entry("rest.auth.type", "sigv4"),
                Map.entry("rest.auth.sigv4.delegate-auth-type", "none"),
                Map.entry("rest.signing-name", CatalogSettings.GLUE_SIGNING_NAME),
                Map.entry("rest.signing-region", "sa-east-1"),
                Map.entry("io-impl", "org.apache.iceberg.aws.s3.S3FileIO"),
                Map.entry("http-client.type", "urlconnection"),
                Map.entry("s3.path-style-access", "false"),
                Map.entry("client.region", "sa-east-1"),
                Map.entry("rest.metrics-reporting-enabled", "false")));
    }

    @Test
    void glueRestEndpointCanBeOverridden() {
        CatalogSettings s = CatalogSettings.from(Map.of(CatalogSettings.TYPE, "GLUE-REST",
                CatalogSettings.GLUE_CATALOG_ID, "123456789012", CatalogSettings.REGION, "us-east-1",
                CatalogSettings.GLUE_ENDPOINT, "http://127.0.0.1:8181/iceberg"));
        assertThat(s.icebergProperties()).containsEntry("uri", "http://127.0.0.1:8181/iceberg");
    }

    @Test
    void glueRestNeedsTheCatalogIdAndTheRegionButNoWarehouse() {
        assertThat(new CatalogSettings(Map.of(CatalogSettings.TYPE, "glue-rest")).problems()).containsExactly(
                CatalogSettings.GLUE_CATALOG_ID + " is required for a glue-rest catalog (the AWS account id)",
                CatalogSettings.REGION + " is required for a glue-rest catalog (its requests are signed for the region)");
    }

    @Test
    void glueThroughTheSdkClientUsesS3FileIoWithTheRoleAndNoEndpoint() {
        CatalogSettings s = CatalogSettings.from(Map.of(CatalogSettings.TYPE, "glue",
                CatalogSettings.WAREHOUSE, "s3://fluxo-silver/warehouse",
                CatalogSettings.REGION, "sa-east-1", "iceberg.glue.skip-archive", "true"));
        assertThat(s.type()).isEqualTo(CatalogSettings.Type.GLUE);
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
                .contains(CatalogSettings.TYPE + " must be glue-rest, glue or jdbc, got 'hive'");
    }

    @Test
    void secretsAreNotPrinted() {
        assertThat(new CatalogSettings(Map.of(CatalogSettings.JDBC_PASSWORD, "hunter2",
                CatalogSettings.S3_SECRET_ACCESS_KEY, "topsecret")).toString())
                .doesNotContain("hunter2").doesNotContain("topsecret");
    }
}
