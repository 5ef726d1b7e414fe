package dev.fluxo.stacks;

import com.pulumi.Config;
import com.pulumi.Context;
import com.pulumi.core.Output;
import com.pulumi.kubernetes.Provider;
import com.pulumi.kubernetes.ProviderArgs;
import com.pulumi.resources.ComponentResourceOptions;
import dev.fluxo.components.kubernetes.KubernetesLakehouse;
import dev.fluxo.components.kubernetes.StrimziPlatform;
import dev.fluxo.components.kubernetes.StrimziPlatformArgs;
import dev.fluxo.components.kubernetes.TransformDeployment;
import dev.fluxo.stacks.config.StackSpecParser;
import dev.fluxo.stacks.spec.KubernetesSpec;
import dev.fluxo.stacks.spec.StackSpec;

/**
 * Builds a {@code platform: kubernetes} stack: an explicit Kubernetes provider (kubeconfig from the secret
 * {@code fluxo:kubeconfig} or {@code kubernetes.kubeconfigPath}, and {@code kubernetes.context}) and one
 * {@link KubernetesLakehouse}. The lakehouse (S3, Glue, Athena) and the masking key stay on AWS.
 */
final class KubernetesStack {
    private KubernetesStack() {
    }

    static void define(Context ctx, StackSpec spec, Artifacts artifacts) {
        var k = spec.kubernetes().orElseThrow();
        var provider = new Provider("kubernetes", providerArgs(k));
        var platform = StrimziPlatformArgs.builder().tags(spec.tags()).environment(spec.stack())
                .database(k.databaseHost(), k.databasePort().orElse(StrimziPlatform.DEFAULT_DATABASE_PORT),
                        k.databaseName().orElse(dev.fluxo.components.SourceDatabase.DEFAULT_DATABASE_NAME),
                        k.databaseSecret())
                .connectImage(k.connectImage())
                .tables(spec.changeCapture().tables());
        k.namespace().ifPresent(platform::namespace);
        k.kafkaReplicas().ifPresent(platform::kafkaReplicas);
        k.storageGb().ifPresent(platform::storageGb);
        k.topicPartitions().ifPresent(platform::topicPartitions);
        k.topicRetentionHours().ifPresent(platform::topicRetentionHours);
        k.registryPushSecret().ifPresent(platform::registryPushSecret);
        k.connectReplicas().ifPresent(platform::connectReplicas);
        k.ksqlDb().ifPresent(platform::ksqlDb);
        var c = spec.changeCapture();
        c.publicationName().ifPresent(platform::publicationName);
        c.slotName().ifPresent(platform::slotName);
        c.heartbeatIntervalMs().ifPresent(platform::heartbeatIntervalMs);
        c.snapshotMode().ifPresent(platform::snapshotMode);
        var transform = new KubernetesLakehouse.Transform(k.transformImage(),
                k.transformReplicas().orElse(TransformDeployment.DEFAULT_REPLICAS),
                k.transformCpuMillis().orElse(TransformDeployment.DEFAULT_CPU_MILLIS),
                k.transformMemoryMb().orElse(TransformDeployment.DEFAULT_MEMORY_MB));
        var maskingKey = FluxoStack.maskingKey(spec);
        var lake = new KubernetesLakehouse(spec.project(), spec.tags(), spec.stack(), FluxoStack.lakehouseArgs(spec),
                platform.build(), k.oidcProviderArn(), transform, FluxoStack.jobArgs(spec, artifacts), maskingKey,
                ComponentResourceOptions.builder().providers(provider).build());
        ctx.export("environment", Output.of(spec.environment().id()));
        ctx.export("platform", Output.of(spec.platform()));
        ctx.export("namespace", Output.of(lake.platform.namespace));
        ctx.export("bootstrapServers", Output.of(lake.platform.bootstrapServers));
        ctx.export("topicName", Output.of(lake.platform.topicName));
        ctx.export("transformRoleArn", lake.transformRoleArn);
        ctx.export("maskingKeySecretArn", lake.maskingKeySecretArn);
        ctx.export("athenaWorkgroup", lake.lakehouse.athenaWorkgroupName);
        ctx.export("glueDatabases", lake.lakehouse.glueDatabaseNames);
        ctx.export("jobStateMachineArn", lake.job.stateMachineArn);
    }

    static ProviderArgs providerArgs(KubernetesSpec k) {
        var b = ProviderArgs.builder().enableServerSideApply(true);
        k.context().ifPresent(b::context);
        if (k.kubeconfigSecret()) {
            b.kubeconfig(Config.of(StackSpecParser.NAMESPACE).requireSecret("kubeconfig"));
        } else {
            k.kubeconfigPath().ifPresent(b::kubeconfig);
        }
        return b.build();
    }
}
