package dev.fluxo.stacks;

import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestOptions;
import com.pulumi.test.internal.PulumiTestInternal;
import dev.fluxo.components.testing.RecordingMocks;
import dev.fluxo.stacks.config.StackConfig;
import dev.fluxo.stacks.plan.Plan;
import dev.fluxo.stacks.plan.PlannedResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FluxoStackTest {
    private static final String RDS = "aws:rds/instance:Instance";

    @AfterEach
    void cleanup() {
        PulumiTest.cleanup();
    }

    private static Map<String, Object> inputsOf(Plan plan, String type) {
        return plan.resources().stream().filter(r -> r.type().equals(type)).findFirst()
                .map(PlannedResource::inputs).orElseThrow(() -> new AssertionError("no " + type + " in the plan"));
    }

    private static long count(Plan plan, String type) {
        return plan.resources().stream().filter(r -> r.type().equals(type)).count();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "staging", "prod"})
    void everyCommittedStackBuildsWholeWithTheFoundationComponents(String stack) {
        var plan = Plan.run(StackFiles.load(stack));
        assertThat(plan.resources()).extracting(PlannedResource::type)
                .contains("fluxo:index:StreamingLakehouse", "fluxo:index:Network", "fluxo:index:Lakehouse",
                        "fluxo:index:SourceDatabase",
                        "aws:ec2/vpc:Vpc", RDS, "aws:athena/workgroup:Workgroup", "aws:sns/topic:Topic");
        assertThat(plan.resources()).filteredOn(r -> !r.type().startsWith("pulumi:"))
                .allSatisfy(r -> assertThat(r.parent()).as(r.id()).isPresent());
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "staging", "prod"})
    void everyCommittedStackPassesTheMandatoryPolicies(String stack) {
        var plan = Plan.run(StackFiles.load(stack));
        assertThat(plan.policy().mandatory()).as(plan.policy().render()).isEmpty();
        assertThat(plan.exitCode()).isZero();
    }

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> stacksAndKinds() {
        return java.util.stream.Stream.of("dev", "staging", "prod").flatMap(stack -> java.util.stream.Stream.of("msk", "kinesis")
                .map(kind -> org.junit.jupiter.params.provider.Arguments.of(stack, kind)));
    }

    /**
     * The committed stack with its stream switched to {@code kind} (stream and capture settings reset, and the
     * interface endpoints that kind's private parts call added).
     */
    static StackConfig withKind(String stack, String kind) {
        var base = StackFiles.load(stack);
        var values = new java.util.HashMap<>(base.values());
        var network = com.google.gson.JsonParser.parseString(values.get("fluxo:network")).getAsJsonObject();
        var endpoints = network.getAsJsonArray("interfaceEndpoints");
        for (var service : kind.equals("msk") ? List.of("lambda", "sts") : List.of("kinesis-streams")) {
            if (!endpoints.contains(new com.google.gson.JsonPrimitive(service))) {
                endpoints.add(service);
            }
        }
        values.put("fluxo:network", network.toString());
        values.put("fluxo:stream", "{\"kind\":\"" + kind + "\"}");
        values.put("fluxo:changeCapture", "{\"tables\":[\"public.customers\"]}");
        return new StackConfig(stack, values, base.secretKeys());
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("stacksAndKinds")
    void everyStackRunsWholeWithEitherStreamKindAndPassesThePolicies(String stack, String kind) {
        var plan = Plan.run(withKind(stack, kind));
        assertThat(plan.policy().mandatory()).as(plan.policy().render()).isEmpty();
        var types = plan.resources().stream().map(PlannedResource::type).toList();
        assertThat(types).contains("fluxo:index:StreamingLakehouse", "fluxo:index:EventStream",
                "fluxo:index:ChangeCapture", "fluxo:index:JavaFunction", "fluxo:index:StreamingJob",
                "aws:lambda/eventSourceMapping:EventSourceMapping", "aws:emrserverless/application:Application",
                "aws:cloudwatch/dashboard:Dashboard");
        if (kind.equals("msk")) {
            assertThat(types).contains("aws:msk/cluster:Cluster", "aws:mskconnect/connector:Connector")
                    .doesNotContain("aws:kinesis/stream:Stream");
        } else {
            assertThat(types).contains("aws:kinesis/stream:Stream").doesNotContain("aws:msk/cluster:Cluster")
                    .anyMatch(t -> t.startsWith("aws:dms/"));
        }
    }

    @Test
    void devStreamsThroughOneKinesisShardAndProdThroughAnMskBrokerPerAz() {
        var dev = Plan.run(StackFiles.load("dev"));
        var prod = Plan.run(StackFiles.load("prod"));
        assertThat(inputsOf(dev, "aws:kinesis/stream:Stream")).containsEntry("shardCount", 1);
        assertThat(count(dev, "aws:msk/cluster:Cluster")).isZero();
        var cluster = inputsOf(prod, "aws:msk/cluster:Cluster");
        assertThat(cluster).containsEntry("numberOfBrokerNodes", 3);
        assertThat(count(prod, "aws:kinesis/stream:Stream")).isZero();
    }

    @Test
    void theConnectorReadsDatabaseCredentialsThroughTheConfigProviderNeverInPlainText() {
        var prod = Plan.run(StackFiles.load("prod"));
        @SuppressWarnings("unchecked")
        var config = (Map<String, Object>) prod.policyInputs().stream()
                .filter(r -> r.type().equals("aws:mskconnect/connector:Connector")).findFirst().orElseThrow()
                .inputs().get("connectorConfiguration");
        assertThat(String.valueOf(config.get("database.password"))).startsWith("${secretsmanager:");
        assertThat(String.valueOf(config.get("plugin.name"))).isEqualTo("pgoutput");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void noGeneratedSecretAppearsInAnyInputOutsideTheSecretVersion(String stack) {
        var plan = Plan.run(StackFiles.load(stack));
        assertThat(plan.policyInputs()).filteredOn(r -> !r.type().equals("aws:secretsmanager/secretVersion:SecretVersion"))
                .allSatisfy(r -> assertThat(r.inputs().toString()).as(r.name())
                        .doesNotContain(dev.fluxo.components.testing.RecordingMocks.MOCK_RANDOM_PASSWORD));
    }

    @Test
    void theProducerIsScheduledInDevButNotInProd() {
        var dev = Plan.run(StackFiles.load("dev"));
        var prod = Plan.run(StackFiles.load("prod"));
        assertThat(dev.resources()).anyMatch(r -> r.type().equals("aws:cloudwatch/eventRule:EventRule") && r.name().startsWith("producer"));
        assertThat(prod.resources()).noneMatch(r -> r.type().equals("aws:cloudwatch/eventRule:EventRule") && r.name().startsWith("producer"));
    }

    @Test
    void prodIsMultiAzProtectedAndKeepsBackupsLongerThanDev() {
        var dev = inputsOf(Plan.run(StackFiles.load("dev")), RDS);
        var prod = inputsOf(Plan.run(StackFiles.load("prod")), RDS);
        assertThat(dev).containsEntry("multiAz", false).containsEntry("deletionProtection", false)
                .containsEntry("instanceClass", "db.t4g.micro");
        assertThat(prod).containsEntry("multiAz", true).containsEntry("deletionProtection", true)
                .containsEntry("skipFinalSnapshot", false).containsEntry("instanceClass", "db.r7g.large");
        assertThat(((Number) dev.get("backupRetentionPeriod")).intValue()).isEqualTo(1);
        assertThat(((Number) prod.get("backupRetentionPeriod")).intValue()).isEqualTo(14);
    }

    @Test
    void devPlacesInterfaceEndpointsInOneAzAndHasNoNatGateway() {
        var dev = Plan.run(StackFiles.load("dev"));
        var prod = Plan.run(StackFiles.load("prod"));
        assertThat(count(dev, "aws:ec2/natGateway:NatGateway")).isZero();
        assertThat(count(prod, "aws:ec2/natGateway:NatGateway")).isZero();
        var devEndpoints = interfaceEndpoints(dev);
        assertThat(devEndpoints).hasSize(2).allSatisfy(e -> assertThat((List<?>) e.get("subnetIds")).hasSize(1));
        assertThat(interfaceEndpoints(prod)).hasSize(5).allSatisfy(e -> assertThat((List<?>) e.get("subnetIds")).hasSize(3));
    }

    private static List<Map<String, Object>> interfaceEndpoints(Plan plan) {
        return plan.resources().stream().filter(r -> r.type().equals("aws:ec2/vpcEndpoint:VpcEndpoint"))
                .map(PlannedResource::inputs).filter(i -> "Interface".equals(i.get("vpcEndpointType"))).toList();
    }

    @Test
    void flowLogRetentionFollowsTheStackFile() {
        var devGroups = Plan.run(StackFiles.load("dev")).resources().stream()
                .filter(r -> r.type().equals("aws:cloudwatch/logGroup:LogGroup") && r.name().contains("flow"))
                .map(r -> ((Number) r.inputs().get("retentionInDays")).intValue()).toList();
        var prodGroups = Plan.run(StackFiles.load("prod")).resources().stream()
                .filter(r -> r.type().equals("aws:cloudwatch/logGroup:LogGroup") && r.name().contains("flow"))
                .map(r -> ((Number) r.inputs().get("retentionInDays")).intValue()).toList();
        assertThat(devGroups).containsExactly(7);
        assertThat(prodGroups).containsExactly(365);
    }

    @Test
    void everyTaggableResourceCarriesTheStackTags() {
        var plan = Plan.run(StackFiles.load("staging"));
        assertThat(plan.resources()).filteredOn(r -> r.inputs().containsKey("tags")).isNotEmpty()
                .allSatisfy(r -> assertThat(tags(r)).as(r.id())
                        .containsEntry("environment", "staging").containsEntry("project", "fluxo")
                        .containsEntry("owner", "data-platform").containsEntry("cost-center", "cc-data-staging"));
    }

    @Test
    void theMaskingKeyIsGeneratedWhenNotConfiguredAndNeverShownInThePlan() {
        var plan = Plan.run(StackFiles.load("dev"));
        var version = inputsOf(plan, "aws:secretsmanager/secretVersion:SecretVersion");
        assertThat(version.get("secretString")).isEqualTo("[secret]");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.fluxo.stacks.config.InvalidConfigCases#cases")
    void invalidConfigRegistersNoResource(String name, StackConfig config, String expected) {
        var mocks = new RecordingMocks();
        var result = PulumiTestInternal.builder()
                .options(TestOptions.builder().projectName("fluxo").stackName("test").build())
                .mocks(mocks).config(config.values(), config.secretKeys()).build()
                .runTest(ctx -> FluxoProgram.define(ctx, config));
        assertThat(result.exceptions()).as(name).isNotEmpty();
        assertThat(rootMessage(result.exceptions().get(0))).contains(expected);
        assertThat(mocks.resources()).as("resources registered despite invalid config").isEmpty();
        assertThat(result.resources()).extracting(r -> r.pulumiResourceType()).containsOnly("pulumi:pulumi:Stack");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> tags(PlannedResource r) {
        return (Map<String, Object>) r.inputs().get("tags");
    }

    private static String rootMessage(Throwable e) {
        var t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
