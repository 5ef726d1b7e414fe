package dev.fluxo.stacks.spec;

import java.util.Optional;

/**
 * The Kubernetes flavour ({@code fluxo:platform: kubernetes}, block {@code fluxo:kubernetes}); empty values take the
 * {@code StrimziPlatform} / {@code TransformDeployment} defaults.
 *
 * @param context             kubeconfig context of the explicit Kubernetes provider (default: the current one)
 * @param kubeconfigPath      kubeconfig file; the alternative is the secret {@code fluxo:kubeconfig}
 * @param kubeconfigSecret    whether {@code fluxo:kubeconfig} (a Pulumi secret) holds the kubeconfig
 * @param namespace           namespace of everything Fluxo creates
 * @param oidcProviderArn     the EKS cluster's IAM OIDC provider (the transform's IAM role trusts it)
 * @param kafkaReplicas       KRaft nodes
 * @param storageGb           persistent storage per node; unset = ephemeral (dev only)
 * @param topicPartitions     partitions of the CDC topic
 * @param topicRetentionHours retention of the CDC topic
 * @param connectImage        where the operator pushes the Connect image it builds
 * @param registryPushSecret  dockerconfigjson Secret with push rights
 * @param connectReplicas     Connect workers
 * @param databaseHost        the source PostgreSQL's host, as the cluster reaches it
 * @param databasePort        its port
 * @param databaseName        its database
 * @param databaseSecret      Kubernetes Secret with {@code username} and {@code password} (created out of band)
 * @param transformImage      the transform image (built from the transform jar)
 * @param transformReplicas   transform pods
 * @param transformCpuMillis  CPU request per pod
 * @param transformMemoryMb   memory request and limit per pod
 * @param ksqlDb              whether ksqlDB runs over the CDC topic
 */
public record KubernetesSpec(Optional<String> context, Optional<String> kubeconfigPath, boolean kubeconfigSecret,
                             Optional<String> namespace, String oidcProviderArn, Optional<Integer> kafkaReplicas,
                             Optional<Integer> storageGb, Optional<Integer> topicPartitions,
                             Optional<Integer> topicRetentionHours, String connectImage,
                             Optional<String> registryPushSecret, Optional<Integer> connectReplicas,
                             String databaseHost, Optional<Integer> databasePort, Optional<String> databaseName,
                             String databaseSecret, String transformImage, Optional<Integer> transformReplicas,
                             Optional<Integer> transformCpuMillis, Optional<Integer> transformMemoryMb,
                             Optional<Boolean> ksqlDb) {
}
