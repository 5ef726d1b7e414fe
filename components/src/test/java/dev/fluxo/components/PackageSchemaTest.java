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
    static final List<Class<?>> COMPONENTS = List.of(Network.class, Lakehouse.class, SourceDatabase.class,
            EventStream.class, ChangeCapture.class, JavaFunction.class, StreamingJob.class, StreamingLakehouse.class);
    static final List<String> TOKENS = List.of(Network.TYPE, Lakehouse.TYPE, SourceDatabase.TYPE, EventStream.TYPE,
            ChangeCapture.TYPE, JavaFunction.TYPE, StreamingJob.TYPE, StreamingLakehouse.TYPE);

    private static JsonObject schema() {
        var spec = ComponentAnalyzer.generateSchema(new Metadata("fluxo", "0.1.0"), COMPONENTS.toArray(Class<?>[]::new));
        return new Gson().toJsonTree(spec).getAsJsonObject();
    }

    private static JsonObject resource(String token) {
        return schema().getAsJsonObject("resources").getAsJsonObject(token);
    }

    @Test
    void everyComponentIsInThePackageUnderItsToken() {
        assertThat(schema().getAsJsonObject("resources").keySet()).containsExactlyInAnyOrderElementsOf(TOKENS);
    }

    @Test
    void inputsAreTheArgsOptionsOnlyNotTheDefaultConstants() {
        for (var token : TOKENS) {
            var inputs = resource(token).getAsJsonObject("inputProperties").keySet();
            assertThat(inputs).as(token).contains("tags").noneMatch(name -> name.startsWith("DEFAULT_"));
        }
        // The composition's nested settings become object types named after their settings class; nothing else is a
        // complex type.
        assertThat(schema().getAsJsonObject("types").keySet()).as("only the composition's nested settings are types")
                .containsExactlyInAnyOrderElementsOf(java.util.stream.Stream.of("Network", "Database", "EventStream",
                        "ChangeCapture", "Lakehouse", "Function", "Job").map(p -> "fluxo:index:" + p + "Settings").toList());
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

    @Test
    void streamingComponentsExposeTheirOutputsAndRequireOnlyWhatHasNoDefault() {
        assertThat(resource(EventStream.TYPE).getAsJsonObject("properties").keySet()).containsExactlyInAnyOrder("kind",
                "streamArn", "streamName", "clusterArn", "clusterName", "bootstrapBrokersSaslIam", "securityGroupId",
                "topicName", "kmsKeyArn");
        assertThat(strings(resource(EventStream.TYPE), "requiredInputs"))
                .containsExactlyInAnyOrder("tags", "environment", "kind");
        assertThat(resource(JavaFunction.TYPE).getAsJsonObject("properties").keySet()).containsExactlyInAnyOrder(
                "functionName", "functionArn", "aliasArn", "roleArn", "roleName", "deadLetterQueueArn", "logGroupName");
        assertThat(strings(resource(JavaFunction.TYPE), "requiredInputs"))
                .containsExactlyInAnyOrder("tags", "environment", "codePath", "codeSha256", "handler");
        assertThat(resource(ChangeCapture.TYPE).getAsJsonObject("inputProperties").keySet())
                .contains("databaseSecretArn", "tableIncludeList", "pluginArchiveSha256", "dmsMode")
                .doesNotContain("databasePassword");
        assertThat(resource(StreamingJob.TYPE).getAsJsonObject("properties").keySet())
                .contains("stateMachineArn", "applicationId", "jarUri");
        assertThat(resource(StreamingLakehouse.TYPE).getAsJsonObject("properties").keySet())
                .contains("dashboardUrl", "alarmTopicArn", "athenaWorkgroupName", "bootstrapBrokersSaslIam", "streamName");
        assertThat(resource(StreamingLakehouse.TYPE).getAsJsonObject("inputProperties").keySet())
                .contains("network", "database", "eventStream", "changeCapture", "lakehouse", "producer", "transform", "job");
    }

    @Test
    void nestedSettingsHaveTypeNamesOfTheirOwnSoNoSdkGetsTwoSymbolsForOneName() {
        var types = schema().getAsJsonObject("types").keySet();
        assertThat(types).isNotEmpty().doesNotContainAnyElementsOf(schema().getAsJsonObject("resources").keySet());
        assertThat(types).contains("fluxo:index:NetworkSettings", "fluxo:index:FunctionSettings",
                "fluxo:index:JobSettings");
        var network = resource(StreamingLakehouse.TYPE).getAsJsonObject("inputProperties").getAsJsonObject("network");
        assertThat(network.get("$ref").getAsString()).isEqualTo("#/types/fluxo:index:NetworkSettings");
    }

    private static List<String> strings(JsonObject object, String member) {
        var values = new ArrayList<String>();
        object.getAsJsonArray(member).forEach(e -> values.add(e.getAsString()));
        return values;
    }

    /**
     * The schema consumers' SDKs are generated from is committed: a change to any component's inputs or outputs shows
     * up here and in review. Regenerate with {@code mvn -pl components test -Dfluxo.updateGolden=true}.
     */
    @Test
    void generatedSchemaMatchesTheCommittedGoldenFile() throws java.io.IOException {
        var golden = java.nio.file.Path.of("src/test/resources/dev/fluxo/components/schema.golden.json");
        if (!java.nio.file.Files.exists(golden.getParent())) {
            golden = java.nio.file.Path.of("components").resolve(golden);
        }
        var actual = schema();
        if (Boolean.getBoolean("fluxo.updateGolden")) {
            java.nio.file.Files.createDirectories(golden.getParent());
            java.nio.file.Files.writeString(golden,
                    new com.google.gson.GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(actual) + "\n");
        }
        assertThat(java.nio.file.Files.exists(golden)).as(golden + " is missing; run with -Dfluxo.updateGolden=true").isTrue();
        assertThat(com.google.gson.JsonParser.parseString(java.nio.file.Files.readString(golden)))
                .as("the package schema changed; review and regenerate with -Dfluxo.updateGolden=true").isEqualTo(actual);
    }

    @Test
    void theProviderServesThisPackageUnderTheTokensPrefix() {
        assertThat(TOKENS).allMatch(t -> t.startsWith(FluxoProvider.PACKAGE + ":index:"));
        assertThat(FluxoProvider.class.getPackage().getName()).isEqualTo(Network.class.getPackage().getName());
    }
}
