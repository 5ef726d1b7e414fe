package dev.fluxo.components.kubernetes;

import com.google.gson.JsonParser;
import com.pulumi.test.PulumiTest;
import dev.fluxo.components.LakehouseArgs;
import dev.fluxo.components.testing.RecordedResource;
import dev.fluxo.components.testing.RecordingMocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.fluxo.components.kubernetes.StrimziPlatformTest.TAGS;
import static dev.fluxo.components.kubernetes.StrimziPlatformTest.list;
import static dev.fluxo.components.kubernetes.StrimziPlatformTest.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KubernetesLakehouseTest {
    static final String JOB_JAR = jobJar();
    static final String OIDC = "arn:aws:iam::123456789012:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/ABC123";

    @AfterEach
    void cleanup() {
        PulumiTest.cleanup();
    }

    private static String jobJar() {
        try {
            var jar = java.nio.file.Files.createTempFile("fluxo-jobs", ".jar");
            jar.toFile().deleteOnExit();
            return jar.toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static RecordingMocks plan() {
        return StrimziPlatformTest.run(ctx -> new KubernetesLakehouse("fluxo", TAGS, "dev",
                LakehouseArgs.builder().tags(TAGS).environment("dev").build(), StrimziPlatformTest.args().build(), OIDC,
                new KubernetesLakehouse.Transform("registry.example.com/fluxo/transform:1", 2, 500, 1024),
                dev.fluxo.components.StreamingJobArgs.builder().tags(TAGS).environment("dev")
                        .jobJarPath(JOB_JAR).jobJarSha256("ab".repeat(32)).buildSettings(),
                Optional.empty(), null));
    }

    static Map<String, Object> container(RecordingMocks mocks) {
        var deployment = mocks.ofType("kubernetes:apps/v1:Deployment").get(0);
        var pod = map(map(map(deployment.inputs().get("spec")).get("template")).get("spec"));
        return map(list(pod.get("containers")).get(0));
    }

    @Test
    void goldIsMadeByTheSameStreamingJobOutsideAnyVpcReadingSilverAndWritingGoldOnly() {
        var mocks = plan();
        assertThat(mocks.ofType(dev.fluxo.components.StreamingJob.TYPE)).hasSize(1);
        var application = mocks.ofType("aws:emrserverless/application:Application").get(0);
        assertThat(application.inputs()).doesNotContainKey("networkConfiguration");
        var definition = (String) mocks.ofType("aws:sfn/stateMachine:StateMachine").get(0).inputs().get("definition");
        assertThat(definition).contains("--namespace-prefix", "fluxo_dev_", "_checkpoints/gold-job/");
        assertThat(mocks.resources()).extracting(r -> r.name())
                .contains("gold-job-reads-silver", "gold-job-writes-gold");
    }

    @Test
    void theTransformRunsAsAHardenedDeploymentWithLimitsAndProbes() {
        var mocks = plan();
        var deployment = mocks.ofType("kubernetes:apps/v1:Deployment").get(0);
        assertThat(map(deployment.inputs().get("spec"))).containsEntry("replicas", 2);
        var pod = map(map(map(deployment.inputs().get("spec")).get("template")).get("spec"));
        assertThat(pod).containsEntry("serviceAccountName", "fluxo-transform");
        assertThat(map(pod.get("securityContext"))).containsEntry("runAsNonRoot", true);
        var c = container(mocks);
        assertThat(c).containsEntry("image", "registry.example.com/fluxo/transform:1");
        assertThat(map(c.get("resources"))).containsEntry("limits", Map.of("cpu", "1000m", "memory", "1024Mi"))
                .containsEntry("requests", Map.of("cpu", "500m", "memory", "1024Mi"));
        assertThat(map(c.get("securityContext"))).containsEntry("allowPrivilegeEscalation", false)
                .containsEntry("privileged", false).containsEntry("readOnlyRootFilesystem", true);
        assertThat(map(map(c.get("livenessProbe")).get("httpGet"))).containsEntry("path", "/health").containsEntry("port", 8080);
        assertThat(c).containsKey("readinessProbe");
    }

    @Test
    void theTransformGetsTheLambdasSettingsAndKafkaPasswordsOnlyAsSecretReferences() {
        var env = list(container(plan()).get("env")).stream().map(StrimziPlatformTest::map).toList();
        var plain = new java.util.HashMap<String, Object>();
        env.stream().filter(e -> e.containsKey("value")).forEach(e -> plain.put((String) e.get("name"), e.get("value")));
        assertThat(plain).containsEntry("FLUXO_CATALOG", "glue-rest").containsKey("FLUXO_CATALOG_GLUE_CATALOG_ID").containsKey("FLUXO_CATALOG_WAREHOUSE")
                .containsKey("FLUXO_MASKING_KEY_SECRET_ARN").containsEntry("FLUXO_REGION", "us-east-1")
                .containsEntry("FLUXO_KAFKA_BOOTSTRAP_SERVERS", "fluxo-kafka-bootstrap.fluxo.svc:9093")
                .containsEntry("FLUXO_KAFKA_TOPIC", "fluxo.public.customers")
                .containsEntry("FLUXO_KAFKA_GROUP_ID", "fluxo-transform");
        assertThat((String) plain.get("FLUXO_CATALOG_WAREHOUSE")).startsWith("s3://");
        assertThat(env).filteredOn(e -> ((String) e.get("name")).endsWith("PASSWORD"))
                .hasSize(2).allMatch(e -> !e.containsKey("value") && e.containsKey("valueFrom"));
    }

    @Test
    void theServiceAccountAssumesARoleTrustedOnlyForItself() {
        var mocks = plan();
        var account = mocks.ofType("kubernetes:core/v1:ServiceAccount").get(0);
        assertThat(map(map(account.inputs().get("metadata")).get("annotations")))
                .containsKey(TransformDeployment.ROLE_ARN_ANNOTATION);
        RecordedResource role = mocks.named("fluxo-transform-role");
        var trust = JsonParser.parseString((String) role.inputs().get("assumeRolePolicy")).getAsJsonObject()
                .getAsJsonArray("Statement").get(0).getAsJsonObject();
        assertThat(trust.get("Action").getAsString()).isEqualTo("sts:AssumeRoleWithWebIdentity");
        assertThat(trust.getAsJsonObject("Principal").get("Federated").getAsString()).isEqualTo(OIDC);
        assertThat(trust.getAsJsonObject("Condition").getAsJsonObject("StringEquals")
                .get("oidc.eks.us-east-1.amazonaws.com/id/ABC123:sub").getAsString())
                .isEqualTo("system:serviceaccount:fluxo:fluxo-transform");
        assertThat(mocks.named("transform-pods-write-bronze-silver").inputs().get("policy").toString())
                .contains("s3:PutObject").doesNotContain("gold");
    }

    @Test
    void anOidcProviderArnIsRequiredForTheRoleTrust() {
        assertThatThrownBy(() -> KubernetesLakehouse.webIdentityTrust("oidc.eks.us-east-1.amazonaws.com/id/X", "fluxo", "sa"))
                .hasMessageContaining("not an IAM OIDC provider ARN");
    }

    @Test
    void everyKubernetesAndAwsResourcePassesTheMandatoryPolicies() {
        var mocks = plan();
        var inputs = mocks.resources().stream()
                .filter(r -> r.type().split(":").length == 3 && r.type().split(":")[1].contains("/"))
                .map(r -> new dev.fluxo.policies.ResourceInput(r.type(), r.name(), r.inputsWithIdentity()))
                .toList();
        assertThat(dev.fluxo.policies.PolicySet.load().evaluate(inputs, "dev", List.of()).mandatory()).isEmpty();
    }
}
