package dev.fluxo.stacks.config;

import dev.fluxo.stacks.spec.KubernetesSpec;
import dev.fluxo.stacks.spec.StackSpec;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads {@code fluxo:kubernetes} and {@code fluxo:kubeconfig}, and rejects the settings that do not apply to the
 * chosen {@code fluxo:platform}: the AWS stream, database, network and Lambda settings with kubernetes (the streaming
 * job is the same on both: EMR Serverless, outside any VPC with kubernetes), the
 * Kubernetes block and kubeconfig with aws.
 */
final class KubernetesSettings {
    static final String EXAMPLE = "fluxo:kubernetes: { oidcProviderArn: arn:aws:iam::123456789012:oidc-provider/"
            + "oidc.eks.us-east-1.amazonaws.com/id/EXAMPLE, connectImage: ghcr.io/acme/fluxo-connect:3.6.1, "
            + "databaseHost: db.example.internal, databaseSecret: fluxo-db-credentials, "
            + "transformImage: ghcr.io/acme/fluxo-transform:0.1.0 }";
    /** Top-level sections that configure AWS-only parts (MSK/Kinesis, RDS, VPC, Lambda, EMR). */
    static final List<String> AWS_ONLY_SECTIONS = List.of("stream", "database", "network", "functions");
    /** Change-capture settings of the AWS services (MSK Connect, DMS). */
    static final List<String> AWS_ONLY_CAPTURE = List.of("autoscaling", "dmsMinCapacityUnits", "dmsMaxCapacityUnits");

    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
    private static final Pattern IMAGE = Pattern.compile("[a-z0-9.-]+(:\\d+)?/[a-z0-9._/-]+(:[A-Za-z0-9._-]+|@sha256:[0-9a-f]{64})");
    private static final Pattern OIDC_ARN = Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:oidc-provider/.+");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.-]{1,253}");
    private static final Pattern TEXT = Pattern.compile("\\S+");

    private KubernetesSettings() {
    }

    static Optional<KubernetesSpec> read(ConfigSection fluxo, StackConfig config, String platform) {
        var kubernetes = StackSpec.KUBERNETES.equals(platform);
        if (!kubernetes) {
            for (var key : List.of("kubernetes", "kubeconfig")) {
                if (fluxo.has(key)) {
                    fluxo.problem(key, "(set)", "applies only to platform: kubernetes", "remove it, or set "
                            + "fluxo:platform: kubernetes", "fluxo:platform: kubernetes");
                }
            }
            return Optional.empty();
        }
        for (var key : AWS_ONLY_SECTIONS) {
            if (fluxo.has(key)) {
                fluxo.problem(key, "(set)", "applies only to platform: aws (with kubernetes, Kafka, Debezium and the "
                        + "transform run on the cluster)", "remove it; Kubernetes settings go under fluxo:kubernetes",
                        EXAMPLE);
            }
        }
        var capture = fluxo.sectionOrEmpty("changeCapture", "fluxo:changeCapture: { tables: [public.customers] }");
        for (var key : AWS_ONLY_CAPTURE) {
            if (capture.has(key)) {
                capture.problem(key, "(set)", "applies only to platform: aws (MSK Connect or DMS)", "remove it",
                        "fluxo:changeCapture: { tables: [public.customers], snapshotMode: initial }");
            }
        }
        var kubeconfigSecret = false;
        if (fluxo.has("kubeconfig")) {
            if (!config.isSecret(fluxo.key("kubeconfig"))) {
                fluxo.problem("kubeconfig", "[hidden]", "a kubeconfig holds credentials: only a Pulumi secret is "
                        + "accepted", "an encrypted value, or kubernetes.kubeconfigPath",
                        "pulumi config set --secret fluxo:kubeconfig < ~/.kube/config");
            } else {
                kubeconfigSecret = true;
            }
        }
        if (!fluxo.has("kubernetes")) {
            fluxo.problem("kubernetes", null, "required key is missing with platform: kubernetes",
                    "a map of Kubernetes settings", EXAMPLE);
            return Optional.empty();
        }
        var s = fluxo.sectionOrEmpty("kubernetes", EXAMPLE);
        var context = s.string("context", TEXT, "a kubeconfig context name", "fluxo:kubernetes: { context: dev-eks }");
        var path = s.string("kubeconfigPath", TEXT, "a path to a kubeconfig file",
                "fluxo:kubernetes: { kubeconfigPath: ~/.kube/dev-eks }");
        if (path.isPresent() && kubeconfigSecret) {
            s.problem("kubeconfigPath", path.get(), "fluxo:kubeconfig is set too", "one of the two",
                    "fluxo:kubernetes: { context: dev-eks }");
        }
        var namespace = s.string("namespace", DNS_LABEL, "a DNS label (lower case, digits, -)",
                "fluxo:kubernetes: { namespace: fluxo }");
        var oidc = s.requiredString("oidcProviderArn", OIDC_ARN, "the EKS cluster's IAM OIDC provider ARN "
                + "(arn:aws:iam::<account>:oidc-provider/<issuer>)", EXAMPLE);
        var replicas = s.integer("kafkaReplicas", 1, 9, "fluxo:kubernetes: { kafkaReplicas: 3 }");
        var storage = s.integer("storageGb", 1, 16384, "fluxo:kubernetes: { storageGb: 100 }");
        var partitions = s.integer("topicPartitions", 1, 1000, "fluxo:kubernetes: { topicPartitions: 3 }");
        var retention = s.integer("topicRetentionHours", 1, 8760, "fluxo:kubernetes: { topicRetentionHours: 168 }");
        var connectImage = s.requiredString("connectImage", IMAGE, "registry/repository:tag the operator pushes "
                + "the Connect image to", EXAMPLE);
        var pushSecret = s.string("registryPushSecret", DNS_LABEL, "a Secret name",
                "fluxo:kubernetes: { registryPushSecret: registry-push }");
        var connectReplicas = s.integer("connectReplicas", 1, 10, "fluxo:kubernetes: { connectReplicas: 1 }");
        var host = s.requiredString("databaseHost", HOST, "the source PostgreSQL's host name", EXAMPLE);
        var port = s.integer("databasePort", 1, 65535, "fluxo:kubernetes: { databasePort: 5432 }");
        var database = s.string("databaseName", Pattern.compile("[a-z_][a-z0-9_]{0,62}"), "a PostgreSQL identifier",
                "fluxo:kubernetes: { databaseName: fluxo }");
        var secret = s.requiredString("databaseSecret", DNS_LABEL, "a Kubernetes Secret name (keys username and "
                + "password); never the credentials themselves", EXAMPLE);
        var transformImage = s.requiredString("transformImage", IMAGE, "registry/repository:tag of the transform "
                + "image", EXAMPLE);
        var transformReplicas = s.integer("transformReplicas", 1, 100, "fluxo:kubernetes: { transformReplicas: 1 }");
        var cpu = s.integer("transformCpuMillis", 100, 16000, "fluxo:kubernetes: { transformCpuMillis: 500 }");
        var memory = s.integer("transformMemoryMb", 256, 65536, "fluxo:kubernetes: { transformMemoryMb: 1024 }");
        var ksqlDb = s.bool("ksqlDb", "fluxo:kubernetes: { ksqlDb: false }");
        s.finish();
        var prod = fluxo.has("environment") && "prod".equals(config.values().get(fluxo.key("environment")));
        if (prod && storage.isEmpty()) {
            s.problem("storageGb", "(not set)", "prod Kafka needs persistent storage (ephemeral loses data on restart)",
                    "a size in GB", "fluxo:kubernetes: { kafkaReplicas: 3, storageGb: 100 }");
        }
        if (oidc.isEmpty() || connectImage.isEmpty() || host.isEmpty() || secret.isEmpty() || transformImage.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new KubernetesSpec(context, path, kubeconfigSecret, namespace, oidc.get(), replicas, storage,
                partitions, retention, connectImage.get(), pushSecret, connectReplicas, host.get(), port, database,
                secret.get(), transformImage.get(), transformReplicas, cpu, memory, ksqlDb));
    }
}
