package dev.fluxo.stacks;

import com.pulumi.test.PulumiTest;
import dev.fluxo.stacks.config.InvalidConfigCases;
import dev.fluxo.stacks.config.StackConfig;
import dev.fluxo.stacks.plan.Plan;
import dev.fluxo.stacks.plan.PlannedResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class KubernetesStackTest {
    @AfterEach
    void cleanup() {
        PulumiTest.cleanup();
    }

    @Test
    void theK8sDevStackRunsKafkaConnectAndTheTransformOnTheClusterAndKeepsTheLakehouseOnAws() {
        var plan = Plan.run(StackFiles.load("k8s-dev"));
        assertThat(plan.exitCode()).as(plan.policy().render()).isZero();
        assertThat(plan.policy().mandatory()).isEmpty();
        assertThat(plan.resources()).extracting(PlannedResource::type).contains(
                "pulumi:providers:kubernetes", "fluxo:kubernetes:KubernetesLakehouse", "fluxo:kubernetes:StrimziPlatform",
                "kubernetes:helm.sh/v3:Release", "kubernetes:kafka.strimzi.io/v1beta2:Kafka",
                "kubernetes:kafka.strimzi.io/v1beta2:KafkaNodePool", "kubernetes:kafka.strimzi.io/v1beta2:KafkaConnect",
                "kubernetes:kafka.strimzi.io/v1beta2:KafkaConnector", "kubernetes:apps/v1:Deployment",
                "fluxo:index:Lakehouse", "aws:glue/catalogDatabase:CatalogDatabase",
                "fluxo:index:StreamingJob", "aws:emrserverless/application:Application")
                .doesNotContain("aws:rds/instance:Instance", "aws:msk/cluster:Cluster", "aws:kinesis/stream:Stream",
                        "aws:lambda/function:Function", "aws:ec2/vpc:Vpc");
        var provider = plan.resources().stream().filter(r -> r.type().equals("pulumi:providers:kubernetes")).findFirst()
                .orElseThrow();
        assertThat(provider.inputs()).containsEntry("context", "fluxo-dev-eks").doesNotContainKey("kubeconfig");
    }

    @Test
    void aKubeconfigSecretReachesTheProviderOnlyAsASecret() {
        var values = new java.util.HashMap<>(InvalidConfigCases.validKubernetesDev());
        values.put("fluxo:kubeconfig", "apiVersion: v1\nkind: Config\n");
        var plan = Plan.run(new StackConfig("k8s-dev", values, Set.of("fluxo:kubeconfig")));
        assertThat(plan.exitCode()).as(plan.policy().render()).isZero();
        var provider = plan.resources().stream().filter(r -> r.type().equals("pulumi:providers:kubernetes")).findFirst()
                .orElseThrow();
        assertThat(provider.inputs()).containsKey("kubeconfig");
    }

    @Test
    void theConnectorTakesTheCaptureSettingsOfTheStackFile() {
        var plan = Plan.run(StackFiles.load("k8s-dev"));
        // The policy inputs are the unredacted inputs (the printed plan hides every password-like value).
        var connector = plan.policyInputs().stream()
                .filter(r -> r.type().equals("kubernetes:kafka.strimzi.io/v1beta2:KafkaConnector")).findFirst().orElseThrow();
        @SuppressWarnings("unchecked")
        var config = (Map<String, Object>) ((Map<String, Object>) connector.inputs().get("spec")).get("config");
        assertThat(config).containsEntry("table.include.list", "public.customers")
                .containsEntry("database.hostname", "fluxo-dev.cluster-example.us-east-1.rds.amazonaws.com")
                .containsEntry("database.password", "${secrets:fluxo/fluxo-db-credentials:password}");
    }
}
