package dev.fluxo.components;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import dev.fluxo.components.naming.EnvironmentName;
import dev.fluxo.components.naming.ResourceTags;
import dev.fluxo.components.network.LogRetention;
import dev.fluxo.components.validation.Problems;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Inputs of {@link EventStream}. Every option documents its default; the default lives in a {@code DEFAULT_}
 * constant on {@link EventStream}.
 */
public class EventStreamArgs extends ResourceArgs implements Cloneable {
    @Import(name = "tags", required = true)
    private Map<String, String> tags;
    @Import(name = "environment", required = true)
    private String environment;
    @Import(name = "kind", required = true)
    private String kind;
    @Import(name = "mskMode")
    private String mskMode;
    @Import(name = "kafkaVersion")
    private String kafkaVersion;
    @Import(name = "brokerInstanceType")
    private String brokerInstanceType;
    @Import(name = "brokersPerAz")
    private Integer brokersPerAz;
    @Import(name = "brokerStorageGb")
    private Integer brokerStorageGb;
    @Import(name = "maxBrokerStorageGb")
    private Integer maxBrokerStorageGb;
    @Import(name = "enhancedMonitoring")
    private String enhancedMonitoring;
    @Import(name = "vpcId")
    private Output<String> vpcId;
    @Import(name = "subnetIds")
    private Output<List<String>> subnetIds;
    @Import(name = "vpcCidr")
    private Output<String> vpcCidr;
    @Import(name = "kmsKeyArn")
    private Output<String> kmsKeyArn;
    @Import(name = "logRetentionDays")
    private Integer logRetentionDays;
    @Import(name = "topicName")
    private String topicName;
    @Import(name = "topicPartitions")
    private Integer topicPartitions;
    @Import(name = "topicRetentionHours")
    private Integer topicRetentionHours;
    @Import(name = "kinesisMode")
    private String kinesisMode;
    @Import(name = "shardCount")
    private Integer shardCount;
    @Import(name = "retentionHours")
    private Integer retentionHours;

    public EventStreamArgs() {
    }

    public static Builder builder() {
        return new Builder(new EventStreamArgs());
    }

    /** A builder starting from these arguments (for a composing component that adds the wiring). */
    public Builder toBuilder() {
        try {
            return new Builder((EventStreamArgs) clone());
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }

    public Map<String, String> tags() {
        return tags == null ? Map.of() : tags;
    }

    public String environment() {
        return environment;
    }

    public String kind() {
        return kind;
    }

    public boolean isMsk() {
        return EventStream.KIND_MSK.equals(kind);
    }

    public String mskMode() {
        return or(mskMode, EventStream.DEFAULT_MSK_MODE);
    }

    public boolean isServerless() {
        return isMsk() && EventStream.MSK_SERVERLESS.equals(mskMode());
    }

    public String kafkaVersion() {
        return or(kafkaVersion, EventStream.DEFAULT_KAFKA_VERSION);
    }

    public String brokerInstanceType() {
        return or(brokerInstanceType, EventStream.DEFAULT_BROKER_INSTANCE_TYPE);
    }

    public int brokersPerAz() {
        return or(brokersPerAz, EventStream.DEFAULT_BROKERS_PER_AZ);
    }

    public int brokerStorageGb() {
        return or(brokerStorageGb, EventStream.DEFAULT_BROKER_STORAGE_GB);
    }

    public int maxBrokerStorageGb() {
        return or(maxBrokerStorageGb, EventStream.DEFAULT_MAX_BROKER_STORAGE_GB);
    }

    public String enhancedMonitoring() {
        return or(enhancedMonitoring, EventStream.DEFAULT_ENHANCED_MONITORING);
    }

    public Output<String> vpcId() {
        return vpcId;
    }

    public Output<List<String>> subnetIds() {
        return subnetIds;
    }

    public Optional<Output<String>> vpcCidr() {
        return Optional.ofNullable(vpcCidr);
    }

    public Optional<Output<String>> kmsKeyArn() {
        return Optional.ofNullable(kmsKeyArn);
    }

    public int logRetentionDays() {
        return or(logRetentionDays, EventStream.DEFAULT_LOG_RETENTION_DAYS);
    }

    public String topicName() {
        return or(topicName, EventStream.DEFAULT_TOPIC_NAME);
    }

    public int topicPartitions() {
        return or(topicPartitions, EventStream.DEFAULT_TOPIC_PARTITIONS);
    }

    public int topicRetentionHours() {
        return or(topicRetentionHours, EventStream.DEFAULT_TOPIC_RETENTION_HOURS);
    }

    public String kinesisMode() {
        return or(kinesisMode, EventStream.DEFAULT_KINESIS_MODE);
    }

    public int shardCount() {
        return or(shardCount, EventStream.DEFAULT_SHARD_COUNT);
    }

    public int retentionHours() {
        return or(retentionHours, EventStream.DEFAULT_RETENTION_HOURS);
    }

    private static <T> T or(T value, T defaultValue) {
        return value == null ? defaultValue : value;
    }

    /** Checks every option and the wiring (network for MSK), listing all problems in one message. */
    public EventStreamArgs validate() {
        return validate(true);
    }

    private EventStreamArgs validate(boolean wiring) {
        new Problems("EventStreamArgs")
                .check("", () -> ResourceTags.require("EventStream", tags))
                .check("", () -> EnvironmentName.require("EventStream", environment))
                .require(kind != null && EventStream.KINDS.contains(kind),
                        () -> "kind must be one of " + EventStream.KINDS + ", was '" + kind + "'")
                .require(EventStream.MSK_MODES.contains(mskMode()),
                        () -> "mskMode must be one of " + EventStream.MSK_MODES + ", was '" + mskMode() + "'")
                .require(kafkaVersion().matches("3\\.\\d+\\.[0-9x]+"),
                        () -> "kafkaVersion must be an MSK 3.x version such as 3.8.x, was '" + kafkaVersion() + "'")
                .require(brokerInstanceType().matches("kafka\\.[a-z0-9]+\\.[a-z0-9]+"),
                        () -> "brokerInstanceType must look like kafka.t3.small, was '" + brokerInstanceType() + "'")
                .require(brokersPerAz() >= 1, () -> "brokersPerAz must be at least 1, was " + brokersPerAz())
                .require(brokerStorageGb() >= 1 && brokerStorageGb() <= EventStream.MAX_BROKER_STORAGE_GB,
                        () -> "brokerStorageGb must be 1-" + EventStream.MAX_BROKER_STORAGE_GB + ", was " + brokerStorageGb())
                .require(maxBrokerStorageGb() >= brokerStorageGb()
                                && maxBrokerStorageGb() <= EventStream.MAX_BROKER_STORAGE_GB,
                        () -> "maxBrokerStorageGb must be between brokerStorageGb (" + brokerStorageGb() + ") and "
                                + EventStream.MAX_BROKER_STORAGE_GB + ", was " + maxBrokerStorageGb())
                .require(EventStream.ENHANCED_MONITORING_LEVELS.contains(enhancedMonitoring()),
                        () -> "enhancedMonitoring must be one of " + EventStream.ENHANCED_MONITORING_LEVELS + ", was '"
                                + enhancedMonitoring() + "'")
                .require(!wiring || !isMsk() || vpcId != null && subnetIds != null,
                        () -> "vpcId and subnetIds are required for kind 'msk' (private subnets, one per AZ; "
                                + "e.g. network.vpcId, network.privateSubnetIds)")
                .check("", () -> LogRetention.require("EventStream", logRetentionDays()))
                .require(topicName().matches("[a-zA-Z0-9._-]{1,249}"),
                        () -> "topicName must be 1-249 of letters, digits, '.', '_', '-', was '" + topicName() + "'")
                .require(topicPartitions() >= 1, () -> "topicPartitions must be at least 1, was " + topicPartitions())
                .require(topicRetentionHours() >= 1,
                        () -> "topicRetentionHours must be at least 1, was " + topicRetentionHours())
                .require(EventStream.KINESIS_MODES.contains(kinesisMode()),
                        () -> "kinesisMode must be one of " + EventStream.KINESIS_MODES + ", was '" + kinesisMode() + "'")
                .require(shardCount() >= 1, () -> "shardCount must be at least 1, was " + shardCount())
                .require(retentionHours() >= EventStream.MIN_RETENTION_HOURS
                                && retentionHours() <= EventStream.MAX_RETENTION_HOURS,
                        () -> "retentionHours must be " + EventStream.MIN_RETENTION_HOURS + "-"
                                + EventStream.MAX_RETENTION_HOURS + " (Kinesis limits), was " + retentionHours())
                .throwIfAny();
        return this;
    }

    public static final class Builder {
        private final EventStreamArgs args;

        private Builder(EventStreamArgs args) {
            this.args = args;
        }

        /** Tags for every resource; must contain environment, project, owner and cost-center. Required. */
        public Builder tags(Map<String, String> tags) {
            args.tags = tags;
            return this;
        }

        /** Environment name used in resource names (1-10 of a-z, 0-9, '-'). Required. */
        public Builder environment(String environment) {
            args.environment = environment;
            return this;
        }

        /** {@value EventStream#KIND_MSK} (Kafka on MSK) or {@value EventStream#KIND_KINESIS}. Required. */
        public Builder kind(String kind) {
            args.kind = kind;
            return this;
        }

        /** MSK: {@code provisioned} or {@code serverless}. Default {@value EventStream#DEFAULT_MSK_MODE}. */
        public Builder mskMode(String mode) {
            args.mskMode = mode;
            return this;
        }

        /** MSK provisioned: the Kafka version. Default {@value EventStream#DEFAULT_KAFKA_VERSION}. */
        public Builder kafkaVersion(String version) {
            args.kafkaVersion = version;
            return this;
        }

        /** MSK provisioned: broker instance type. Default {@value EventStream#DEFAULT_BROKER_INSTANCE_TYPE}. */
        public Builder brokerInstanceType(String instanceType) {
            args.brokerInstanceType = instanceType;
            return this;
        }

        /**
         * MSK provisioned: brokers per availability zone; broker count = subnets (AZs) × this. Default
         * {@value EventStream#DEFAULT_BROKERS_PER_AZ}.
         */
        public Builder brokersPerAz(int brokers) {
            args.brokersPerAz = brokers;
            return this;
        }

        /** MSK provisioned: initial EBS volume per broker, GiB. Default {@value EventStream#DEFAULT_BROKER_STORAGE_GB}. */
        public Builder brokerStorageGb(int gigabytes) {
            args.brokerStorageGb = gigabytes;
            return this;
        }

        /**
         * MSK provisioned: storage autoscaling ceiling per broker, GiB. Default
         * {@value EventStream#DEFAULT_MAX_BROKER_STORAGE_GB}.
         */
        public Builder maxBrokerStorageGb(int gigabytes) {
            args.maxBrokerStorageGb = gigabytes;
            return this;
        }

        /** MSK provisioned: CloudWatch monitoring level. Default {@value EventStream#DEFAULT_ENHANCED_MONITORING}. */
        public Builder enhancedMonitoring(String level) {
            args.enhancedMonitoring = level;
            return this;
        }

        /** MSK: the VPC of the cluster's security group. Required for msk. */
        public Builder vpcId(Output<String> vpcId) {
            args.vpcId = vpcId;
            return this;
        }

        /** MSK: private subnets, one per AZ (2 or 3). Required for msk. */
        public Builder subnetIds(Output<List<String>> subnetIds) {
            args.subnetIds = subnetIds;
            return this;
        }

        /**
         * MSK: when set, clients anywhere in this CIDR may connect on 9098 (TLS + IAM still required). Default: no
         * CIDR ingress; use {@link EventStream#allowClientsFrom}.
         */
        public Builder vpcCidr(Output<String> cidr) {
            args.vpcCidr = cidr;
            return this;
        }

        /** KMS key for data at rest and log groups. Default: the component creates one with rotation. */
        public Builder kmsKeyArn(Output<String> keyArn) {
            args.kmsKeyArn = keyArn;
            return this;
        }

        /** MSK provisioned: days broker logs are kept. Default {@value EventStream#DEFAULT_LOG_RETENTION_DAYS}. */
        public Builder logRetentionDays(int days) {
            args.logRetentionDays = days;
            return this;
        }

        /** MSK: the change-data topic. Default {@value EventStream#DEFAULT_TOPIC_NAME}. */
        public Builder topicName(String topic) {
            args.topicName = topic;
            return this;
        }

        /** MSK: partitions of the topic. Default {@value EventStream#DEFAULT_TOPIC_PARTITIONS}. */
        public Builder topicPartitions(int partitions) {
            args.topicPartitions = partitions;
            return this;
        }

        /** MSK: hours the topic keeps records. Default {@value EventStream#DEFAULT_TOPIC_RETENTION_HOURS}. */
        public Builder topicRetentionHours(int hours) {
            args.topicRetentionHours = hours;
            return this;
        }

        /** Kinesis: {@code provisioned} or {@code on-demand}. Default {@value EventStream#DEFAULT_KINESIS_MODE}. */
        public Builder kinesisMode(String mode) {
            args.kinesisMode = mode;
            return this;
        }

        /** Kinesis provisioned: shards. Default {@value EventStream#DEFAULT_SHARD_COUNT}. */
        public Builder shardCount(int shards) {
            args.shardCount = shards;
            return this;
        }

        /** Kinesis: hours records are kept (24-8760). Default {@value EventStream#DEFAULT_RETENTION_HOURS}. */
        public Builder retentionHours(int hours) {
            args.retentionHours = hours;
            return this;
        }

        /** Builds and validates the arguments, the network wiring included. */
        public EventStreamArgs build() {
            return args.validate(true);
        }

        /**
         * Builds and validates the options only, for {@link StreamingLakehouseArgs}: the composing component adds
         * the network wiring (vpcId, subnetIds) with {@link EventStreamArgs#toBuilder()}.
         */
        public EventStreamArgs buildSettings() {
            return args.validate(false);
        }
    }
}
