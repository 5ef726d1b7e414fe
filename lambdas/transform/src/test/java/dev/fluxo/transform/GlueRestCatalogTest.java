package dev.fluxo.transform;

import dev.fluxo.pipeline.write.CatalogSettings;
import dev.fluxo.schema.LakehouseTables;
import dev.fluxo.transform.bench.ChangeStream;
import dev.fluxo.transform.testing.IcebergRestServer;
import dev.fluxo.transform.testing.IcebergRestServer.Request;
import dev.fluxo.transform.testing.LambdaRuntime;
import dev.fluxo.transform.testing.TestLakehouse;
import org.apache.iceberg.catalog.Catalog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The transform on AWS's catalog type, {@code glue-rest}: Iceberg's REST client, SigV4-signed for Glue, against an
 * in-process Iceberg REST server shaped like the Glue endpoint (a real JDBC catalog and s3proxy behind it).
 */
class GlueRestCatalogTest {
    private static final String ACCOUNT = "123456789012";
    private static final Pattern AUTHORIZATION = Pattern.compile(
            "AWS4-HMAC-SHA256 Credential=([^/]+)/(\\d{8})/([^/]+)/([^/]+)/aws4_request, SignedHeaders=([^,]+), "
                    + "Signature=([0-9a-f]{64})");

    @TempDir
    static Path dir;
    private static TestLakehouse lakehouse;
    private static Catalog backing;
    private static IcebergRestServer glue;

    @BeforeAll
    static void start() throws Exception {
        lakehouse = TestLakehouse.start(dir);
        backing = TestLakehouse.catalog(lakehouse.environment("glue"));
        glue = IcebergRestServer.start(backing, ACCOUNT);
        // Lambda gives the function's role credentials to the default chain; system properties are its first link
        System.setProperty("aws.accessKeyId", TestLakehouse.SIGNING_ACCESS_KEY);
        System.setProperty("aws.secretAccessKey", TestLakehouse.SIGNING_SECRET_KEY);
    }

    @AfterAll
    static void stop() throws Exception {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
        glue.close();
        if (backing instanceof AutoCloseable c) {
            c.close();
        }
        lakehouse.close();
    }

    @Test
    void aBatchLandsThroughTheGlueRestEndpointWithEveryRequestSignedForGlueInTheFunctionsRegion() throws Exception {
        var env = lakehouse.glueRestEnvironment("glue", glue, ACCOUNT);
        MskTransformHandler handler = new MskTransformHandler(env, null, LambdaRuntime.emfMetrics());

        TransformSummary summary = handler.handleRequest(new ChangeStream(11).kafkaEvent(200, 0),
                LambdaRuntime.context("fluxo-transform"));

        assertThat(summary.getBronze()).isEqualTo(200);
        assertThat(TestLakehouse.read(backing, LakehouseTables.BRONZE_CUSTOMERS_CHANGES)).hasSize(200);
        assertThat(TestLakehouse.read(backing, LakehouseTables.SILVER_CUSTOMERS_CHANGES))
                .hasSize(summary.getSilver());

        List<Request> requests = glue.requests();
        assertThat(requests.get(0)).satisfies(config -> {
            assertThat(config.method()).isEqualTo("GET");
            assertThat(config.path()).isEqualTo(IcebergRestServer.BASE_PATH + "/v1/config");
            assertThat(config.query()).isEqualTo("warehouse=" + ACCOUNT);
        });
        assertThat(requests.subList(1, requests.size())).extracting(Request::path)
                .allMatch(p -> p.startsWith(IcebergRestServer.BASE_PATH + "/v1/catalogs/" + ACCOUNT + "/namespaces"))
                .anyMatch(p -> p.endsWith("/namespaces/silver/tables/customers_changes"));
        assertThat(requests).extracting(Request::method).as("tables created, then commits").contains("POST");
        for (Request r : requests) {
            Matcher auth = AUTHORIZATION.matcher(String.valueOf(r.header("Authorization")));
            assertThat(auth.matches()).as("SigV4 on %s %s: %s", r.method(), r.path(), r.header("Authorization"))
                    .isTrue();
            assertThat(auth.group(1)).isEqualTo(TestLakehouse.SIGNING_ACCESS_KEY);
            assertThat(auth.group(2)).isEqualTo(r.header("X-Amz-Date").substring(0, 8));
            assertThat(auth.group(3)).isEqualTo(env.get("AWS_REGION"));
            assertThat(auth.group(4)).isEqualTo(CatalogSettings.GLUE_SIGNING_NAME);
            assertThat(auth.group(5).split(";")).contains("host", "x-amz-date", "x-amz-content-sha256");
            assertThat(sha256Header(r.header("x-amz-content-sha256"))).as("the signed body hash is the body's")
                    .isEqualTo(MessageDigest.getInstance("SHA-256").digest(r.body()));
        }
    }

    /** iceberg-aws sends the empty body's hash in hex and any other in Base64; both are signed with the request. */
    private static byte[] sha256Header(String value) {
        return value.length() == 64 ? HexFormat.of().parseHex(value) : Base64.getDecoder().decode(value);
    }
}
