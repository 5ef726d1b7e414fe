package dev.fluxo.components;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.pulumi.provider.internal.Metadata;
import com.pulumi.provider.internal.infer.ComponentAnalyzer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The components can be served as a Pulumi component package (multi-language SDKs). */
class PackageSchemaTest {
    private static JsonObject schema() {
        var spec = ComponentAnalyzer.generateSchema(new Metadata("fluxo", "0.1.0"), Network.class, Lakehouse.class,
                SourceDatabase.class);
        return new Gson().toJsonTree(spec).getAsJsonObject();
    }

    private static JsonObject resource(String token) {
        return schema().getAsJsonObject("resources").getAsJsonObject(token);
    }

    @Test
    void everyComponentIsInThePackageUnderItsToken() {
        assertThat(schema().getAsJsonObject("resources").keySet())
                .containsExactlyInAnyOrder(Network.TYPE, Lakehouse.TYPE, SourceDatabase.TYPE);
    }

    @Test
    void inputsAreTheArgsOptionsOnlyNotTheDefaultConstants() {
        for (var token : List.of(Network.TYPE, Lakehouse.TYPE, SourceDatabase.TYPE)) {
            var inputs = resource(token).getAsJsonObject("inputProperties").keySet();
            assertThat(inputs).as(token).contains("tags").noneMatch(name -> name.startsWith("DEFAULT_"));
        }
        assertThat(schema().getAsJsonObject("types").keySet()).as("no complex types leak into the package").isEmpty();
        assertThat(resource(Network.TYPE).getAsJsonObject("inputProperties").keySet())
                .contains("cidrBlock", "availabilityZoneCount", "interfaceEndpoints", "kmsKeyArn");
    }

    @Test
    void requiredInputsAreTheOnesWithoutDefaults() {
        assertThat(strings(resource(SourceDatabase.TYPE), "requiredInputs"))
                .containsExactlyInAnyOrder("tags", "environment", "vpcId", "subnetIds");
        assertThat(strings(resource(Lakehouse.TYPE), "requiredInputs")).containsExactlyInAnyOrder("tags", "environment");
    }

    @Test
    void outputsAreTheExportedFields() {
        assertThat(resource(Lakehouse.TYPE).getAsJsonObject("properties").keySet()).containsExactlyInAnyOrder(
                "kmsKeyArn", "bucketNames", "bronzeBucketName", "silverBucketName", "goldBucketName",
                "accessLogBucketName", "athenaResultsBucketName", "athenaWorkgroupName", "glueDatabaseNames");
        assertThat(resource(SourceDatabase.TYPE).getAsJsonObject("properties").keySet()).contains("masterSecretArn", "port");
    }

    private static List<String> strings(JsonObject object, String member) {
        var values = new ArrayList<String>();
        object.getAsJsonArray(member).forEach(e -> values.add(e.getAsString()));
        return values;
    }
}
