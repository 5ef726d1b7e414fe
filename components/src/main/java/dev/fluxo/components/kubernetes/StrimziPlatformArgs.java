package dev.fluxo.components.kubernetes;

import dev.fluxo.components.ChangeCapture;
import dev.fluxo.components.EventStream;
import dev.fluxo.components.SourceDatabase;
import dev.fluxo.components.naming.EnvironmentName;
import dev.fluxo.components.validation.Problems;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Settings of a {@link StrimziPlatform}. Every option documents its default, which lives in one constant of
 * {@link StrimziPlatform} or of the AWS flavour's component it mirrors ({@link ChangeCapture}, {@link EventStream}).
 */
public final class StrimziPlatformArgs {
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

    private final Builder b;

    private StrimziPlatformArgs(Builder b) {
        this.b = b;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The stack's tags, set as {@code fluxo.dev/<tag>} labels on every object. */
    public Map<String, String> tags() {
        return b.tags;
    }

    public String environment() {
        return b.environment;
    }

    /** Default {@value StrimziPlatform#DEFAULT_NAMESPACE}. */
    public String namespace() {
        return b.namespace;
    }

    /** The Kafka cluster's name; default {@value StrimziPlatform#DEFAULT_CLUSTER_NAME}. */
    public String clusterName() {
        return b.clusterName;
    }

    /** KRaft nodes (dual-role); default {@value StrimziPlatform#DEFAULT_KAFKA_REPLICAS}. */
    public int kafkaReplicas() {
        return b.kafkaReplicas;
    }

    /** Persistent-claim storage per node in GB; empty (the default) is ephemeral storage, for dev only. */
    public Optional<Integer> storageGb() {
        return Optional.ofNullable(b.storageGb);
    }

    /** Default {@value EventStream#DEFAULT_TOPIC_NAME}. */
    public String topicName() {
        return b.topicName;
    }

    /** Default {@value EventStream#DEFAULT_TOPIC_PARTITIONS}. */
    public int topicPartitions() {
        return b.topicPartitions;
    }

    /** Default {@value EventStream#DEFAULT_TOPIC_RETENTION_HOURS}. */
    public int topicRetentionHours() {
        return b.topicRetentionHours;
    }

    /** Replicas of every topic: min(3, kafkaReplicas); in-sync replicas required: one fewer (at least 1). */
    public int replicationFactor() {
        return Math.min(3, b.kafkaReplicas);
    }

    public List<String> tables() {
        return b.tables;
    }

    public String publicationName() {
        return b.publicationName;
    }

    public String slotName() {
        return b.slotName;
    }

    public int heartbeatIntervalMs() {
        return b.heartbeatIntervalMs;
    }

    public String snapshotMode() {
        return b.snapshotMode;
    }

    public String topicPrefix() {
        return b.topicPrefix;
    }

    public String databaseHost() {
        return b.databaseHost;
    }

    /** Default {@value StrimziPlatform#DEFAULT_DATABASE_PORT}. */
    public int databasePort() {
        return b.databasePort;
    }

    /** Default {@value SourceDatabase#DEFAULT_DATABASE_NAME}. */
    public String databaseName() {
        return b.databaseName;
    }

    /** The Kubernetes Secret (in {@link #namespace()}) with keys {@code username} and {@code password}. */
    public String databaseSecretName() {
        return b.databaseSecretName;
    }

    /** Where the operator pushes the Connect image it builds, e.g. {@code ghcr.io/acme/fluxo-connect:3.6.1}. */
    public String connectImage() {
        return b.connectImage;
    }

    /** A {@code kubernetes.io/dockerconfigjson} Secret with push rights to {@link #connectImage()}; none by default. */
    public Optional<String> registryPushSecret() {
        return Optional.ofNullable(b.registryPushSecret);
    }

    /** Default {@value StrimziPlatform#DEFAULT_CONNECT_REPLICAS}. */
    public int connectReplicas() {
        return b.connectReplicas;
    }

    /** Whether a ksqlDB server runs over the CDC topic; default {@value StrimziPlatform#DEFAULT_KSQLDB}. */
    public boolean ksqlDb() {
        return b.ksqlDb;
    }

    /** Default {@value StrimziPlatform#DEFAULT_KSQLDB_IMAGE}. */
    public String ksqlDbImage() {
        return b.ksqlDbImage;
    }

    /** Checks every setting and throws one exception listing all problems. */
    public StrimziPlatformArgs validate() {
        var p = new Problems("StrimziPlatformArgs");
        p.require(DNS_LABEL.matcher(b.namespace).matches(), () -> "namespace must be a DNS label, was '" + b.namespace + "'")
                .require(DNS_LABEL.matcher(b.clusterName).matches(),
                        () -> "clusterName must be a DNS label, was '" + b.clusterName + "'")
                .require(b.kafkaReplicas >= 1 && b.kafkaReplicas <= 9,
                        () -> "kafkaReplicas must be 1-9, was " + b.kafkaReplicas)
                .require(b.storageGb == null || b.storageGb >= 1, () -> "storageGb must be at least 1, was " + b.storageGb)
                .require(b.topicPartitions >= 1, () -> "topicPartitions must be at least 1")
                .require(b.topicRetentionHours >= 1, () -> "topicRetentionHours must be at least 1")
                .require(b.databaseHost != null && !b.databaseHost.isBlank(), () -> "databaseHost is required")
                .require(b.databaseSecretName != null && DNS_LABEL.matcher(b.databaseSecretName).matches(),
                        () -> "databaseSecretName (a Kubernetes Secret with username and password) is required")
                .require(b.connectImage != null && b.connectImage.contains("/"),
                        () -> "connectImage (registry/repository:tag the operator pushes to) is required")
                .require(b.connectReplicas >= 1, () -> "connectReplicas must be at least 1")
                .require(!b.tables.isEmpty(), () -> "tables must name at least one schema.table");
        p.throwIfAny();
        return this;
    }

    public static final class Builder {
        private Map<String, String> tags = Map.of();
        private String environment;
        private String namespace = StrimziPlatform.DEFAULT_NAMESPACE;
        private String clusterName = StrimziPlatform.DEFAULT_CLUSTER_NAME;
        private int kafkaReplicas = StrimziPlatform.DEFAULT_KAFKA_REPLICAS;
        private Integer storageGb;
        private String topicName = EventStream.DEFAULT_TOPIC_NAME;
        private int topicPartitions = EventStream.DEFAULT_TOPIC_PARTITIONS;
        private int topicRetentionHours = EventStream.DEFAULT_TOPIC_RETENTION_HOURS;
        private List<String> tables = ChangeCapture.DEFAULT_TABLE_INCLUDE_LIST;
        private String publicationName = ChangeCapture.DEFAULT_PUBLICATION_NAME;
        private String slotName = ChangeCapture.DEFAULT_SLOT_NAME;
        private int heartbeatIntervalMs = ChangeCapture.DEFAULT_HEARTBEAT_INTERVAL_MS;
        private String snapshotMode = ChangeCapture.DEFAULT_SNAPSHOT_MODE;
        private String topicPrefix = ChangeCapture.DEFAULT_TOPIC_PREFIX;
        private String databaseHost;
        private int databasePort = StrimziPlatform.DEFAULT_DATABASE_PORT;
        private String databaseName = SourceDatabase.DEFAULT_DATABASE_NAME;
        private String databaseSecretName;
        private String connectImage;
        private String registryPushSecret;
        private int connectReplicas = StrimziPlatform.DEFAULT_CONNECT_REPLICAS;
        private boolean ksqlDb = StrimziPlatform.DEFAULT_KSQLDB;
        private String ksqlDbImage = StrimziPlatform.DEFAULT_KSQLDB_IMAGE;

        public Builder tags(Map<String, String> tags) {
            this.tags = Map.copyOf(tags);
            return this;
        }

        public Builder environment(String environment) {
            this.environment = EnvironmentName.require("StrimziPlatform", environment);
            return this;
        }

        public Builder namespace(String namespace) {
            this.namespace = namespace;
            return this;
        }

        public Builder clusterName(String clusterName) {
            this.clusterName = clusterName;
            return this;
        }

        public Builder kafkaReplicas(int replicas) {
            this.kafkaReplicas = replicas;
            return this;
        }

        /** Persistent-claim storage of this size per node (prod); unset means ephemeral (dev). */
        public Builder storageGb(int gigabytes) {
            this.storageGb = gigabytes;
            return this;
        }

        public Builder topicName(String topicName) {
            this.topicName = topicName;
            return this;
        }

        public Builder topicPartitions(int partitions) {
            this.topicPartitions = partitions;
            return this;
        }

        public Builder topicRetentionHours(int hours) {
            this.topicRetentionHours = hours;
            return this;
        }

        public Builder tables(List<String> tables) {
            this.tables = List.copyOf(tables);
            return this;
        }

        public Builder publicationName(String name) {
            this.publicationName = name;
            return this;
        }

        public Builder slotName(String name) {
            this.slotName = name;
            return this;
        }

        public Builder heartbeatIntervalMs(int ms) {
            this.heartbeatIntervalMs = ms;
            return this;
        }

        public Builder snapshotMode(String mode) {
            this.snapshotMode = mode;
            return this;
        }

        public Builder database(String host, int port, String name, String secretName) {
            this.databaseHost = host;
            this.databasePort = port;
            this.databaseName = name;
            this.databaseSecretName = secretName;
            return this;
        }

        public Builder connectImage(String image) {
            this.connectImage = image;
            return this;
        }

        public Builder registryPushSecret(String secretName) {
            this.registryPushSecret = secretName;
            return this;
        }

        public Builder connectReplicas(int replicas) {
            this.connectReplicas = replicas;
            return this;
        }

        public Builder ksqlDb(boolean on) {
            this.ksqlDb = on;
            return this;
        }

        public Builder ksqlDbImage(String image) {
            this.ksqlDbImage = image;
            return this;
        }

        public StrimziPlatformArgs build() {
            return new StrimziPlatformArgs(this).validate();
        }
    }
}
