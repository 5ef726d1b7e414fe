package dev.fluxo.components;

import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.core.Output;
import com.pulumi.test.PulumiTest;
import dev.fluxo.components.streaming.KafkaSettings;
import dev.fluxo.components.testing.RecordedResource;
import dev.fluxo.components.testing.RecordingMocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

import static dev.fluxo.components.ComponentTestSupport.TAGS;
import static dev.fluxo.components.ComponentTestSupport.allowedActions;
import static dev.fluxo.components.ComponentTestSupport.only;
import static dev.fluxo.components.ComponentTestSupport.statements;
import static dev.fluxo.components.ComponentTestSupport.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventStreamTest {
    static final String CLUSTER = "aws:msk/cluster:Cluster";
    static final String STREAM = "aws:kinesis/stream:Stream";
    private final RecordingMocks mocks = new RecordingMocks();

    @AfterEach
    void cleanup() {
        PulumiTest.cleanup();
    }

    static EventStreamArgs.Builder msk() {
        return EventStreamArgs.builder().tags(TAGS).environment("dev").kind("msk")
                .vpcId(Output.of("vpc-123")).subnetIds(Output.of(List.of("subnet-a", "subnet-b")));
    }

    static EventStreamArgs.Builder kinesis() {
        return EventStreamArgs.builder().tags(TAGS).environment("dev").kind("kinesis");
    }

    private EventStream deploy(EventStreamArgs.Builder args) {
        return deploy(args, stream -> stream);
    }

    private EventStream deploy(EventStreamArgs.Builder args, UnaryOperator<EventStream> then) {
        var stream = new AtomicReference<EventStream>();
        ComponentTestSupport.run(mocks, ctx -> stream.set(then.apply(new EventStream("events", args.build(), null))));
        return stream.get();
    }

    private RecordedResource cluster() {
        return only(mocks, CLUSTER);
    }

    @Test
    void mskClusterUsesTheDefaultVersionInstanceTypeStorageAndMonitoring() {
        deploy(msk());
        assertThat(cluster().inputs()).containsEntry("kafkaVersion", EventStream.DEFAULT_KAFKA_VERSION)
                .containsEntry("enhancedMonitoring", EventStream.DEFAULT_ENHANCED_MONITORING)
                .containsEntry("clusterName", "fluxo-dev-events");
        assertThat(cluster().input("brokerNodeGroupInfo.instanceType")).contains(EventStream.DEFAULT_BROKER_INSTANCE_TYPE);
        assertThat(cluster().input("brokerNodeGroupInfo.storageInfo.ebsStorageInfo.volumeSize"))
                .contains(EventStream.DEFAULT_BROKER_STORAGE_GB);
    }

    @Test
    void mskClientsUseTlsAndIamOnlyAndBrokersTalkTls() {
        deploy(msk());
        assertThat(cluster().input("encryptionInfo.encryptionInTransit.clientBroker")).contains("TLS");
        assertThat(cluster().input("encryptionInfo.encryptionInTransit.inCluster")).contains(true);
        assertThat(cluster().input("clientAuthentication.sasl.iam")).contains(true);
        assertThat(cluster().input("clientAuthentication.unauthenticated")).contains(false);
    }

    @Test
    void mskDataAtRestIsEncryptedWithTheComponentsRotatingKey() {
        var stream = deploy(msk());
        assertThat(only(mocks, "aws:kms/key:Key").inputs()).containsEntry("enableKeyRotation", true);
        assertThat(cluster().input("encryptionInfo.encryptionAtRestKmsKeyArn")).contains(value(stream.kmsKeyArn));
    }

    @Test
    void brokerCountIsAvailabilityZonesTimesBrokersPerAz() {
        deploy(msk().subnetIds(Output.of(List.of("a", "b", "c"))).brokersPerAz(2));
        assertThat(cluster().inputs()).containsEntry("numberOfBrokerNodes", 6);
    }

    @Test
    void clusterConfigurationForbidsTopicAutoCreationAndMatchesReplicationToBrokers() {
        var stream = deploy(msk());
        var properties = (String) only(mocks, "aws:msk/configuration:Configuration").inputs().get("serverProperties");
        assertThat(properties).contains("auto.create.topics.enable=false", "default.replication.factor=2",
                "min.insync.replicas=1");
        assertThat(value(stream.topicReplicationFactor())).isEqualTo(2);
        assertThat(cluster().input("configurationInfo.revision")).contains(1);
    }

    @Test
    void replicationIsCappedAtThreeWithTwoInSyncReplicas() {
        assertThat(KafkaSettings.serverProperties(6)).contains("default.replication.factor=3", "min.insync.replicas=2");
    }

    @Test
    void brokerStorageAutoscalesUpToTheCeilingAndTheClusterIgnoresVolumeDrift() {
        deploy(msk().maxBrokerStorageGb(800));
        var target = only(mocks, "aws:appautoscaling/target:Target");
        assertThat(target.inputs()).containsEntry("serviceNamespace", "kafka")
                .containsEntry("scalableDimension", "kafka:broker-storage:VolumeSize")
                .containsEntry("maxCapacity", 800)
                .containsEntry("resourceId", cluster().outputs().get("arn"));
        var policy = only(mocks, "aws:appautoscaling/policy:Policy");
        assertThat(policy.input("targetTrackingScalingPolicyConfiguration.predefinedMetricSpecification.predefinedMetricType"))
                .contains("KafkaBrokerStorageUtilization");
        assertThat(policy.input("targetTrackingScalingPolicyConfiguration.disableScaleIn")).contains(true);
    }

    @Test
    void brokerLogsGoToAnEncryptedLogGroupWithRetention() {
        var stream = deploy(msk());
        var group = only(mocks, "aws:cloudwatch/logGroup:LogGroup");
        assertThat(group.inputs()).containsEntry("retentionInDays", EventStream.DEFAULT_LOG_RETENTION_DAYS)
                .containsEntry("kmsKeyId", value(stream.kmsKeyArn));
        assertThat(cluster().input("loggingInfo.brokerLogs.cloudwatchLogs.logGroup")).contains(group.inputs().get("name"));
    }

    @Test
    void mskSecurityGroupAdmitsOnlyGrantedClientsOnTheIamPort() {
        var clients = "sg-clients";
        deploy(msk(), stream -> {
            stream.allowClientsFrom("transform-to-msk", Output.of(clients));
            return stream;
        });
        assertThat(only(mocks, "aws:ec2/securityGroup:SecurityGroup").inputs()).doesNotContainKeys("ingress", "egress");
        var rule = only(mocks, "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule");
        assertThat(rule.inputs()).containsEntry("fromPort", EventStream.IAM_PORT).containsEntry("toPort", 9098)
                .containsEntry("referencedSecurityGroupId", clients).doesNotContainKey("cidrIpv4");
    }

    @Test
    void serverlessMskUsesIamAndNoProvisionedCluster() {
        var stream = deploy(msk().mskMode("serverless"));
        assertThat(mocks.ofType(CLUSTER)).isEmpty();
        var serverless = only(mocks, "aws:msk/serverlessCluster:ServerlessCluster");
        assertThat(serverless.input("clientAuthentication.sasl.iam.enabled")).contains(true);
        assertThat(value(stream.bootstrapBrokersSaslIam)).endsWith(":9098");
        assertThat(value(stream.topicReplicationFactor())).isEqualTo(EventStream.SERVERLESS_REPLICATION_FACTOR);
    }

    @Test
    void topicSettingsDefaultForKafkaConnectToCreateTheTopic() {
        var stream = deploy(msk());
        assertThat(value(stream.topicName)).isEqualTo(EventStream.DEFAULT_TOPIC_NAME);
        assertThat(stream.topicPartitions()).isEqualTo(EventStream.DEFAULT_TOPIC_PARTITIONS);
        assertThat(stream.topicRetentionHours()).isEqualTo(EventStream.DEFAULT_TOPIC_RETENTION_HOURS);
    }

    @Test
    void kinesisStreamIsProvisionedKmsEncryptedWithDefaultShardsAndRetention() {
        var stream = deploy(kinesis());
        var recorded = only(mocks, STREAM);
        assertThat(recorded.inputs()).containsEntry("encryptionType", "KMS")
                .containsEntry("kmsKeyId", value(stream.kmsKeyArn))
                .containsEntry("shardCount", EventStream.DEFAULT_SHARD_COUNT)
                .containsEntry("retentionPeriod", EventStream.DEFAULT_RETENTION_HOURS);
        assertThat(recorded.input("streamModeDetails.streamMode")).contains("PROVISIONED");
        assertThat(mocks.ofType(CLUSTER)).isEmpty();
        assertThat(value(stream.streamArn)).startsWith("arn:aws:kinesis:");
    }

    @Test
    void onDemandKinesisHasNoShardCount() {
        deploy(kinesis().kinesisMode("on-demand"));
        assertThat(only(mocks, STREAM).inputs()).doesNotContainKey("shardCount");
        assertThat(only(mocks, STREAM).input("streamModeDetails.streamMode")).contains("ON_DEMAND");
    }

    private void grant(EventStreamArgs.Builder args, boolean produce) {
        deploy(args, stream -> {
            var role = new Role("client", RoleArgs.builder().assumeRolePolicy("{}").tags(TAGS).build());
            if (produce) {
                stream.grantProduce("client-produces", role);
            } else {
                stream.grantConsume("client-consumes", role);
            }
            return stream;
        });
    }

    @Test
    void grantProduceOnMskAllowsWritingTheTopicOnly() {
        grant(msk(), true);
        var policy = mocks.named("client-produces");
        assertThat(allowedActions(policy)).containsExactlyInAnyOrder("kafka-cluster:Connect",
                "kafka-cluster:DescribeCluster", "kafka-cluster:WriteData", "kafka-cluster:DescribeTopic");
        var clusterArn = (String) cluster().outputs().get("arn");
        assertThat(statements(policy).get(1).get("Resource"))
                .isEqualTo(clusterArn.replace(":cluster/", ":topic/") + "/" + EventStream.DEFAULT_TOPIC_NAME);
    }

    @Test
    void grantConsumeOnMskAllowsReadingTheTopicAsTheConsumerGroup() {
        grant(msk(), false);
        var policy = mocks.named("client-consumes");
        assertThat(allowedActions(policy)).contains("kafka-cluster:ReadData", "kafka-cluster:AlterGroup")
                .doesNotContain("kafka-cluster:WriteData");
        var clusterArn = (String) cluster().outputs().get("arn");
        assertThat(statements(policy).get(2).get("Resource"))
                .isEqualTo(clusterArn.replace(":cluster/", ":group/") + "/" + EventStream.DEFAULT_CONSUMER_GROUP_ID);
    }

    @Test
    void kinesisGrantsAreScopedToTheStreamAndItsKey() {
        grant(kinesis(), false);
        var policy = mocks.named("client-consumes");
        var streamArn = (String) only(mocks, STREAM).outputs().get("arn");
        assertThat(allowedActions(policy)).contains("kinesis:GetRecords", "kinesis:GetShardIterator", "kms:Decrypt")
                .doesNotContain("kinesis:PutRecord");
        assertThat(statements(policy).get(0).get("Resource")).isEqualTo(List.of(streamArn, streamArn + "/consumer/*"));
        assertThat(statements(policy).get(1).get("Resource")).isEqualTo(only(mocks, "aws:kms/key:Key").outputs().get("arn"));
    }

    @Test
    void invalidArgumentsAreAllReportedAtOnce() {
        assertThatThrownBy(() -> EventStreamArgs.builder().tags(TAGS).environment("dev").kind("kafka").brokersPerAz(0)
                .retentionHours(1).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("kind must be one of [msk, kinesis]")
                .hasMessageContaining("brokersPerAz must be at least 1")
                .hasMessageContaining("retentionHours must be 24-8760");
        assertThatThrownBy(() -> EventStreamArgs.builder().tags(TAGS).environment("dev").kind("msk").build())
                .hasMessageContaining("vpcId and subnetIds are required");
        assertThat(EventStreamArgs.builder().tags(TAGS).environment("dev").kind("msk").buildSettings().kind())
                .isEqualTo("msk");
    }

    @Test
    void mskAndKinesisHaveNoMandatoryPolicyViolations() {
        deploy(msk().vpcCidr(Output.of("10.0.0.0/16")));
        assertThat(ComponentTestSupport.mandatoryViolations(mocks, "prod")).isEmpty();
        mocks.clear();
        PulumiTest.cleanup();
        deploy(kinesis());
        assertThat(ComponentTestSupport.mandatoryViolations(mocks, "prod")).isEmpty();
    }

    @Test
    void everyDefaultIsTheDocumentedConstant() {
        var args = EventStreamArgs.builder().tags(TAGS).environment("dev").kind("kinesis").build();
        assertThat(Map.of("mode", args.mskMode(), "kinesis", args.kinesisMode(), "version", args.kafkaVersion()))
                .isEqualTo(Map.of("mode", "provisioned", "kinesis", "provisioned", "version", "3.8.x"));
        assertThat(args.brokersPerAz()).isEqualTo(1);
        assertThat(args.maxBrokerStorageGb()).isEqualTo(500);
    }
}
