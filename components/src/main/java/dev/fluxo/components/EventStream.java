package dev.fluxo.components;

import com.pulumi.aws.appautoscaling.Policy;
import com.pulumi.aws.appautoscaling.PolicyArgs;
import com.pulumi.aws.appautoscaling.Target;
import com.pulumi.aws.appautoscaling.TargetArgs;
import com.pulumi.aws.appautoscaling.inputs.PolicyTargetTrackingScalingPolicyConfigurationArgs;
import com.pulumi.aws.appautoscaling.inputs.PolicyTargetTrackingScalingPolicyConfigurationPredefinedMetricSpecificationArgs;
import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.kinesis.Stream;
import com.pulumi.aws.kinesis.StreamArgs;
import com.pulumi.aws.kinesis.inputs.StreamStreamModeDetailsArgs;
import com.pulumi.aws.msk.Cluster;
import com.pulumi.aws.msk.ClusterArgs;
import com.pulumi.aws.msk.Configuration;
import com.pulumi.aws.msk.ConfigurationArgs;
import com.pulumi.aws.msk.ServerlessCluster;
import com.pulumi.aws.msk.ServerlessClusterArgs;
import com.pulumi.aws.msk.inputs.ClusterBrokerNodeGroupInfoArgs;
import com.pulumi.aws.msk.inputs.ClusterBrokerNodeGroupInfoStorageInfoArgs;
import com.pulumi.aws.msk.inputs.ClusterBrokerNodeGroupInfoStorageInfoEbsStorageInfoArgs;
import com.pulumi.aws.msk.inputs.ClusterClientAuthenticationArgs;
import com.pulumi.aws.msk.inputs.ClusterClientAuthenticationSaslArgs;
import com.pulumi.aws.msk.inputs.ClusterConfigurationInfoArgs;
import com.pulumi.aws.msk.inputs.ClusterEncryptionInfoArgs;
import com.pulumi.aws.msk.inputs.ClusterEncryptionInfoEncryptionInTransitArgs;
import com.pulumi.aws.msk.inputs.ClusterLoggingInfoArgs;
import com.pulumi.aws.msk.inputs.ClusterLoggingInfoBrokerLogsArgs;
import com.pulumi.aws.msk.inputs.ClusterLoggingInfoBrokerLogsCloudwatchLogsArgs;
import com.pulumi.aws.msk.inputs.ServerlessClusterClientAuthenticationArgs;
import com.pulumi.aws.msk.inputs.ServerlessClusterClientAuthenticationSaslArgs;
import com.pulumi.aws.msk.inputs.ServerlessClusterClientAuthenticationSaslIamArgs;
import com.pulumi.aws.msk.inputs.ServerlessClusterVpcConfigArgs;
import com.pulumi.aws.vpc.SecurityGroupEgressRule;
import com.pulumi.aws.vpc.SecurityGroupEgressRuleArgs;
import com.pulumi.aws.vpc.SecurityGroupIngressRule;
import com.pulumi.aws.vpc.SecurityGroupIngressRuleArgs;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import dev.fluxo.components.iam.AwsAccount;
import dev.fluxo.components.iam.ComponentKey;
import dev.fluxo.components.iam.InlinePolicy;
import dev.fluxo.components.iam.PolicyDocument;
import dev.fluxo.components.naming.EnvironmentName;
import dev.fluxo.components.naming.ResourceTags;
import dev.fluxo.components.observability.EncryptedLogGroup;
import dev.fluxo.components.streaming.KafkaSettings;
import dev.fluxo.components.streaming.StreamAccess;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stream the change events travel on: Kafka on Amazon MSK ({@code kind("msk")}, provisioned or
 * serverless) or Kinesis Data Streams ({@code kind("kinesis")}).
 *
 * <p><b>MSK</b>: private subnets and a security group without ingress (open it per client with
 * {@link #allowClientsFrom}); clients authenticate with IAM (SASL/IAM on port 9098) over TLS only, unauthenticated
 * access off. Provisioned clusters also get: TLS between brokers, encryption at rest with a KMS key, a cluster
 * configuration ({@code auto.create.topics.enable=false}, replication factor and {@code min.insync.replicas} from the
 * broker count, see {@link KafkaSettings}), broker logs in a KMS-encrypted log group, and EBS storage autoscaling
 * (the cluster ignores changes to the volume size, which autoscaling owns). Serverless clusters are always TLS +
 * IAM and encrypt at rest with an AWS-owned key (MSK Serverless accepts no customer key).
 *
 * <p><b>Topics</b>: pulumi-aws has no MSK topic resource, and with {@code auto.create.topics.enable=false} no client
 * creates one by producing. The change-data topic ({@link #topicName}, partitions, retention) is created by Kafka
 * Connect's topic-creation feature: {@link ChangeCapture} puts {@code topic.creation.default.*} from
 * {@link #topicPartitions()}, {@link #topicRetentionHours()} and {@link #topicReplicationFactor()} into the connector
 * configuration.
 *
 * <p><b>Kinesis</b>: one stream, provisioned shards or on-demand, encrypted with the KMS key.
 *
 * <p>Access is granted with verbs: {@link #grantProduce} and {@link #grantConsume} add a least-privilege inline
 * policy to a role.
 *
 * <pre>{@code
 * var stream = new EventStream("events", EventStreamArgs.builder().tags(tags).environment("dev").kind("msk")
 *         .vpcId(network.vpcId).subnetIds(network.privateSubnetIds).build(), null);
 * stream.grantConsume("transform-reads-events", transform.role());
 * stream.allowClientsFrom("transform-to-msk", transform.securityGroupId().orElseThrow());
 * }</pre>
 */
public class EventStream extends ComponentResource {
    /** The Pulumi type token. */
    public static final String TYPE = "fluxo:index:EventStream";
    public static final String KIND_MSK = "msk";
    public static final String KIND_KINESIS = "kinesis";
    public static final List<String> KINDS = List.of(KIND_MSK, KIND_KINESIS);
    public static final String MSK_PROVISIONED = "provisioned";
    public static final String MSK_SERVERLESS = "serverless";
    public static final List<String> MSK_MODES = List.of(MSK_PROVISIONED, MSK_SERVERLESS);
    public static final String KINESIS_PROVISIONED = "provisioned";
    public static final String KINESIS_ON_DEMAND = "on-demand";
    public static final List<String> KINESIS_MODES = List.of(KINESIS_PROVISIONED, KINESIS_ON_DEMAND);
    /** MSK's levels of CloudWatch broker metrics. */
    public static final List<String> ENHANCED_MONITORING_LEVELS = List.of("DEFAULT", "PER_BROKER", "PER_TOPIC_PER_BROKER",
            "PER_TOPIC_PER_PARTITION");

    /** Default MSK mode. */
    public static final String DEFAULT_MSK_MODE = MSK_PROVISIONED;
    /** Default Kafka version: the one MSK recommends (3.8.x; MSK applies the patch releases). */
    public static final String DEFAULT_KAFKA_VERSION = "3.8.x";
    /** Default broker instance type (the smallest MSK offers; dev). */
    public static final String DEFAULT_BROKER_INSTANCE_TYPE = "kafka.t3.small";
    /** Default brokers per availability zone. */
    public static final int DEFAULT_BROKERS_PER_AZ = 1;
    /** Default initial EBS volume per broker, GiB. */
    public static final int DEFAULT_BROKER_STORAGE_GB = 100;
    /** Default storage autoscaling ceiling per broker, GiB. */
    public static final int DEFAULT_MAX_BROKER_STORAGE_GB = 500;
    /** The largest EBS volume MSK supports per broker, GiB. */
    public static final int MAX_BROKER_STORAGE_GB = 16384;
    /** Storage autoscaling adds capacity when broker disks are this full, percent. */
    public static final double STORAGE_TARGET_UTILIZATION_PERCENT = 60;
    /** Default MSK monitoring level (free). */
    public static final String DEFAULT_ENHANCED_MONITORING = "DEFAULT";
    /** Default days broker logs are kept. */
    public static final int DEFAULT_LOG_RETENTION_DAYS = 30;
    /** Default change-data topic: Debezium's {@code <topic prefix>.<schema>.<table>} for public.customers. */
    public static final String DEFAULT_TOPIC_NAME = "fluxo.public.customers";
    /** Default partitions of the topic. */
    public static final int DEFAULT_TOPIC_PARTITIONS = 3;
    /** Default hours the topic keeps records (one week). */
    public static final int DEFAULT_TOPIC_RETENTION_HOURS = 168;
    /** Default consumer group {@link #grantConsume(String, Role)} grants. */
    public static final String DEFAULT_CONSUMER_GROUP_ID = "fluxo-transform";
    /** Default Kinesis mode. */
    public static final String DEFAULT_KINESIS_MODE = KINESIS_PROVISIONED;
    /** Default Kinesis shards (provisioned mode). */
    public static final int DEFAULT_SHARD_COUNT = 1;
    /** Default hours Kinesis keeps records (the free minimum). */
    public static final int DEFAULT_RETENTION_HOURS = 24;
    public static final int MIN_RETENTION_HOURS = 24;
    public static final int MAX_RETENTION_HOURS = 8760;
    /** MSK port for SASL/IAM over TLS (provisioned and serverless). */
    public static final int IAM_PORT = 9098;
    /** MSK Serverless replicates every partition three times. */
    public static final int SERVERLESS_REPLICATION_FACTOR = 3;

    /** {@code msk} or {@code kinesis}. */
    @Export(name = "kind", refs = {String.class})
    public final Output<String> kindOutput;
    /** Kinesis: the stream ARN (null for msk). */
    @Export(name = "streamArn", refs = {String.class})
    public final Output<String> streamArn;
    /** Kinesis: the stream name (null for msk). */
    @Export(name = "streamName", refs = {String.class})
    public final Output<String> streamName;
    /** MSK: the cluster ARN (null for kinesis). */
    @Export(name = "clusterArn", refs = {String.class})
    public final Output<String> clusterArn;
    /** MSK: the cluster name (null for kinesis). */
    @Export(name = "clusterName", refs = {String.class})
    public final Output<String> clusterName;
    /** MSK: bootstrap brokers for SASL/IAM over TLS, port 9098 (null for kinesis). */
    @Export(name = "bootstrapBrokersSaslIam", refs = {String.class})
    public final Output<String> bootstrapBrokersSaslIam;
    /** MSK: the cluster's security group (null for kinesis). */
    @Export(name = "securityGroupId", refs = {String.class})
    public final Output<String> securityGroupId;
    /** MSK: the change-data topic's name. */
    @Export(name = "topicName", refs = {String.class})
    public final Output<String> topicName;
    /** The KMS key of the stream and its logs (given or created); streaming components reuse it. */
    @Export(name = "kmsKeyArn", refs = {String.class})
    public final Output<String> kmsKeyArn;

    private final String kind;
    private final String topic;
    private final int topicPartitions;
    private final int topicRetentionHours;
    private final Output<Integer> topicReplicationFactor;
    private final Map<String, String> tags;

    public EventStream(String name, EventStreamArgs args, ComponentResourceOptions opts) {
        super(TYPE, name, opts);
        args.validate();
        this.tags = ResourceTags.require("EventStream", args.tags());
        var environment = EnvironmentName.require("EventStream", args.environment());
        var account = AwsAccount.lookup(this);
        var child = CustomResourceOptions.builder().parent(this).build();
        var physicalName = "fluxo-" + environment + "-" + name;
        this.kind = args.kind();
        this.topic = args.topicName();
        this.topicPartitions = args.topicPartitions();
        this.topicRetentionHours = args.topicRetentionHours();
        this.kmsKeyArn = ComponentKey.givenOrCreate(args.kmsKeyArn(), name + "-key",
                "Fluxo " + environment + " event stream " + name + ": data at rest and logs", this, account, tags);

        Output<String> none = Output.ofNullable(null);
        if (args.isMsk()) {
            var securityGroup = new SecurityGroup(name + "-sg", SecurityGroupArgs.builder()
                    .namePrefix(physicalName + "-")
                    .description("Fluxo " + environment + " MSK " + name + ": IAM clients on 9098 only when granted")
                    .vpcId(args.vpcId())
                    .tags(ResourceTags.named(tags, name + "-sg"))
                    .build(), child);
            this.securityGroupId = securityGroup.id();
            args.vpcCidr().ifPresent(cidr -> new SecurityGroupIngressRule(name + "-from-vpc",
                    SecurityGroupIngressRuleArgs.builder()
                            .securityGroupId(securityGroup.id())
                            .description("Kafka (TLS + IAM) from inside the VPC")
                            .ipProtocol("tcp").fromPort(IAM_PORT).toPort(IAM_PORT)
                            .cidrIpv4(cidr)
                            .tags(ResourceTags.named(tags, name + "-from-vpc"))
                            .build(), child));
            if (args.isServerless()) {
                var cluster = new ServerlessCluster(name + "-cluster", ServerlessClusterArgs.builder()
                        .clusterName(physicalName)
                        .vpcConfigs(ServerlessClusterVpcConfigArgs.builder()
                                .subnetIds(args.subnetIds())
                                .securityGroupIds(securityGroup.id().applyValue(List::of))
                                .build())
                        .clientAuthentication(ServerlessClusterClientAuthenticationArgs.builder()
                                .sasl(ServerlessClusterClientAuthenticationSaslArgs.builder()
                                        .iam(ServerlessClusterClientAuthenticationSaslIamArgs.builder().enabled(true).build())
                                        .build())
                                .build())
                        .tags(ResourceTags.named(tags, physicalName))
                        .build(), child);
                this.clusterArn = cluster.arn();
                this.clusterName = cluster.clusterName();
                this.bootstrapBrokersSaslIam = cluster.bootstrapBrokersSaslIam();
                this.topicReplicationFactor = Output.of(SERVERLESS_REPLICATION_FACTOR);
            } else {
                var brokerCount = args.subnetIds().applyValue(subnets -> {
                    if (subnets.size() < 2 || subnets.size() > 3) {
                        throw new IllegalArgumentException("EventStream " + name + ": MSK needs 2 or 3 client subnets "
                                + "(one per AZ), got " + subnets.size());
                    }
                    return subnets.size() * args.brokersPerAz();
                });
                this.topicReplicationFactor = brokerCount.applyValue(KafkaSettings::replicationFactor);
                var configuration = new Configuration(name + "-config", ConfigurationArgs.builder()
                        .name(physicalName)
                        .description("Fluxo " + environment + ": no topic auto-creation, replication from broker count")
                        .kafkaVersions(List.of(args.kafkaVersion()))
                        .serverProperties(brokerCount.applyValue(KafkaSettings::serverProperties))
                        .build(), child);
                var logGroup = EncryptedLogGroup.create(name + "-broker-logs",
                        "/fluxo/" + environment + "/" + name + "/msk-brokers", args.logRetentionDays(), kmsKeyArn, tags,
                        this);
                var cluster = new Cluster(name + "-cluster", ClusterArgs.builder()
                        .clusterName(physicalName)
                        .kafkaVersion(args.kafkaVersion())
                        .numberOfBrokerNodes(brokerCount)
                        .brokerNodeGroupInfo(ClusterBrokerNodeGroupInfoArgs.builder()
                                .instanceType(args.brokerInstanceType())
                                .clientSubnets(args.subnetIds())
                                .securityGroups(securityGroup.id().applyValue(List::of))
                                .storageInfo(ClusterBrokerNodeGroupInfoStorageInfoArgs.builder()
                                        .ebsStorageInfo(ClusterBrokerNodeGroupInfoStorageInfoEbsStorageInfoArgs.builder()
                                                .volumeSize(args.brokerStorageGb()).build())
                                        .build())
                                .build())
                        .encryptionInfo(ClusterEncryptionInfoArgs.builder()
                                .encryptionAtRestKmsKeyArn(kmsKeyArn)
                                .encryptionInTransit(ClusterEncryptionInfoEncryptionInTransitArgs.builder()
                                        .clientBroker("TLS").inCluster(true).build())
                                .build())
                        .clientAuthentication(ClusterClientAuthenticationArgs.builder()
                                .sasl(ClusterClientAuthenticationSaslArgs.builder().iam(true).scram(false).build())
                                .unauthenticated(false)
                                .build())
                        .configurationInfo(ClusterConfigurationInfoArgs.builder()
                                .arn(configuration.arn())
                                .revision(configuration.latestRevision())
                                .build())
                        .enhancedMonitoring(args.enhancedMonitoring())
                        .loggingInfo(ClusterLoggingInfoArgs.builder()
                                .brokerLogs(ClusterLoggingInfoBrokerLogsArgs.builder()
                                        .cloudwatchLogs(ClusterLoggingInfoBrokerLogsCloudwatchLogsArgs.builder()
                                                .enabled(true).logGroup(logGroup.name()).build())
                                        .build())
                                .build())
                        .tags(ResourceTags.named(tags, physicalName))
                        .build(), CustomResourceOptions.builder().parent(this)
                        .ignoreChanges("brokerNodeGroupInfo.storageInfo.ebsStorageInfo.volumeSize").build());
                var scaling = new Target(name + "-storage-scaling", TargetArgs.builder()
                        .serviceNamespace("kafka")
                        .scalableDimension("kafka:broker-storage:VolumeSize")
                        .resourceId(cluster.arn())
                        .minCapacity(1)
                        .maxCapacity(args.maxBrokerStorageGb())
                        .tags(ResourceTags.named(tags, name + "-storage-scaling"))
                        .build(), child);
                new Policy(name + "-storage-scaling-policy", PolicyArgs.builder()
                        .name(physicalName + "-broker-storage")
                        .policyType("TargetTrackingScaling")
                        .serviceNamespace(scaling.serviceNamespace())
                        .scalableDimension(scaling.scalableDimension())
                        .resourceId(scaling.resourceId())
                        .targetTrackingScalingPolicyConfiguration(PolicyTargetTrackingScalingPolicyConfigurationArgs.builder()
                                .predefinedMetricSpecification(
                                        PolicyTargetTrackingScalingPolicyConfigurationPredefinedMetricSpecificationArgs
                                                .builder().predefinedMetricType("KafkaBrokerStorageUtilization").build())
                                .targetValue(STORAGE_TARGET_UTILIZATION_PERCENT)
                                .disableScaleIn(true)
                                .build())
                        .build(), child);
                this.clusterArn = cluster.arn();
                this.clusterName = cluster.clusterName();
                this.bootstrapBrokersSaslIam = cluster.bootstrapBrokersSaslIam();
            }
            this.streamArn = none;
            this.streamName = none;
            this.topicName = Output.of(topic);
        } else {
            var provisioned = KINESIS_PROVISIONED.equals(args.kinesisMode());
            var streamArgs = StreamArgs.builder()
                    .name(physicalName)
                    .streamModeDetails(StreamStreamModeDetailsArgs.builder()
                            .streamMode(provisioned ? "PROVISIONED" : "ON_DEMAND").build())
                    .retentionPeriod(args.retentionHours())
                    .encryptionType("KMS")
                    .kmsKeyId(kmsKeyArn)
                    .tags(ResourceTags.named(tags, physicalName));
            if (provisioned) {
                streamArgs.shardCount(args.shardCount());
            }
            var stream = new Stream(name + "-stream", streamArgs.build(), child);
            this.streamArn = stream.arn();
            this.streamName = stream.name();
            this.clusterArn = none;
            this.clusterName = none;
            this.bootstrapBrokersSaslIam = none;
            this.securityGroupId = none;
            this.topicName = none;
            this.topicReplicationFactor = Output.of(0);
        }
        this.kindOutput = Output.of(kind);
        var outputs = new LinkedHashMap<String, Output<?>>();
        outputs.put("kind", kindOutput);
        outputs.put("streamArn", streamArn);
        outputs.put("streamName", streamName);
        outputs.put("clusterArn", clusterArn);
        outputs.put("clusterName", clusterName);
        outputs.put("bootstrapBrokersSaslIam", bootstrapBrokersSaslIam);
        outputs.put("securityGroupId", securityGroupId);
        outputs.put("topicName", topicName);
        outputs.put("kmsKeyArn", kmsKeyArn);
        registerOutputs(outputs);
    }

    /** {@value #KIND_MSK} or {@value #KIND_KINESIS}, known while the program runs. */
    public String kind() {
        return kind;
    }

    public boolean isMsk() {
        return KIND_MSK.equals(kind);
    }

    /** The change-data topic's name (MSK). */
    public String topic() {
        return topic;
    }

    /** Partitions Kafka Connect gives the topic when it creates it. */
    public int topicPartitions() {
        return topicPartitions;
    }

    /** Hours the topic keeps records ({@code retention.ms} when Kafka Connect creates it). */
    public int topicRetentionHours() {
        return topicRetentionHours;
    }

    /** The replication factor topics get: from the broker count (provisioned) or 3 (serverless); 0 for kinesis. */
    public Output<Integer> topicReplicationFactor() {
        return topicReplicationFactor;
    }

    /**
     * Lets {@code role} write to the stream: MSK — connect and write the change-data topic with IAM; Kinesis — put
     * records and generate data keys with the stream's key. Adds one inline policy named {@code grantName}.
     */
    public RolePolicy grantProduce(String grantName, Role role) {
        return grant(grantName, role, isMsk() ? StreamAccess.kafkaProduce(clusterArn, topic)
                : StreamAccess.kinesisProduce(streamArn, kmsKeyArn));
    }

    /**
     * Lets {@code role} read the stream: MSK — connect, read the change-data topic and use the consumer group
     * {@value #DEFAULT_CONSUMER_GROUP_ID}; Kinesis — read records (shared or enhanced fan-out) and decrypt.
     */
    public RolePolicy grantConsume(String grantName, Role role) {
        return grantConsume(grantName, role, DEFAULT_CONSUMER_GROUP_ID);
    }

    /** {@link #grantConsume(String, Role)} with another MSK consumer group (ignored for Kinesis). */
    public RolePolicy grantConsume(String grantName, Role role, String consumerGroupId) {
        return grant(grantName, role, isMsk() ? StreamAccess.kafkaConsume(clusterArn, topic, consumerGroupId)
                : StreamAccess.kinesisConsume(streamArn, kmsKeyArn));
    }

    /**
     * MSK: allows Kafka connections (TLS + IAM, port 9098) from members of {@code clientSecurityGroupId}. Returns the
     * ingress rule.
     */
    public SecurityGroupIngressRule allowClientsFrom(String ruleName, Output<String> clientSecurityGroupId) {
        if (!isMsk()) {
            throw new IllegalStateException("EventStream: allowClientsFrom(" + ruleName + ") needs kind 'msk'; a Kinesis "
                    + "stream is reached through its AWS API, not a security group");
        }
        return new SecurityGroupIngressRule(ruleName, SecurityGroupIngressRuleArgs.builder()
                .securityGroupId(securityGroupId)
                .description("Kafka (TLS + IAM) from " + ruleName)
                .ipProtocol("tcp").fromPort(IAM_PORT).toPort(IAM_PORT)
                .referencedSecurityGroupId(clientSecurityGroupId)
                .tags(ResourceTags.named(tags, ruleName))
                .build(), CustomResourceOptions.builder().parent(this).build());
    }

    /**
     * MSK: lets Lambda event source mappings reach the brokers. Lambda polls MSK from network interfaces in the
     * cluster's subnets that carry the cluster's security group, so that group must admit itself on 9098 and may
     * send to itself on 9098 and to AWS APIs (Lambda, STS) on 443 inside the VPC (interface endpoints).
     */
    public void allowEventSourceMappings(String ruleName, Output<String> vpcCidr) {
        allowClientsFrom(ruleName + "-self", securityGroupId);
        new SecurityGroupEgressRule(ruleName + "-to-brokers", SecurityGroupEgressRuleArgs.builder()
                .securityGroupId(securityGroupId)
                .description("Event source mapping pollers to the brokers")
                .ipProtocol("tcp").fromPort(IAM_PORT).toPort(IAM_PORT)
                .referencedSecurityGroupId(securityGroupId)
                .tags(ResourceTags.named(tags, ruleName + "-to-brokers"))
                .build(), CustomResourceOptions.builder().parent(this).build());
        new SecurityGroupEgressRule(ruleName + "-to-aws-apis", SecurityGroupEgressRuleArgs.builder()
                .securityGroupId(securityGroupId)
                .description("Event source mapping pollers to Lambda and STS endpoints")
                .ipProtocol("tcp").fromPort(443).toPort(443)
                .cidrIpv4(vpcCidr)
                .tags(ResourceTags.named(tags, ruleName + "-to-aws-apis"))
                .build(), CustomResourceOptions.builder().parent(this).build());
    }

    private RolePolicy grant(String grantName, Role role, PolicyDocument document) {
        return InlinePolicy.attach(grantName, role, document, this);
    }
}
