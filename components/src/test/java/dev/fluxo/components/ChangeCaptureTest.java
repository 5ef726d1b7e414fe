package dev.fluxo.components;

import com.google.gson.JsonParser;
import com.pulumi.core.Output;
import com.pulumi.test.PulumiTest;
import dev.fluxo.components.capture.DebeziumConfig;
import dev.fluxo.components.testing.RecordingMocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

import static dev.fluxo.components.ComponentTestSupport.TAGS;
import static dev.fluxo.components.ComponentTestSupport.allowedActions;
import static dev.fluxo.components.ComponentTestSupport.map;
import static dev.fluxo.components.ComponentTestSupport.only;
import static dev.fluxo.components.ComponentTestSupport.statements;
import static dev.fluxo.components.ComponentTestSupport.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChangeCaptureTest {
    static final String CONNECTOR = "aws:mskconnect/connector:Connector";
    static final String PLUGIN_ZIP = ComponentTestSupport.tempJar("debezium-plugin");
    static final String SHA = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    static final String VPC_CIDR = "10.0.0.0/16";
    private final RecordingMocks mocks = new RecordingMocks();

    @AfterEach
    void cleanup() {
        PulumiTest.cleanup();
    }

    record Deployed(EventStream stream, SourceDatabase database, ChangeCapture capture) {
    }

    private Deployed deploy(EventStreamArgs.Builder stream, UnaryOperator<ChangeCaptureArgs.Builder> capture) {
        var deployed = new AtomicReference<Deployed>();
        ComponentTestSupport.run(mocks, ctx -> {
            var events = new EventStream("events", stream.build(), null);
            var db = new SourceDatabase("source", SourceDatabaseArgs.builder().tags(TAGS).environment("dev")
                    .vpcId(Output.of("vpc-123")).subnetIds(Output.of(List.of("subnet-a", "subnet-b"))).build(), null);
            var cdc = new ChangeCapture("cdc", capture.apply(ChangeCaptureArgs.builder().tags(TAGS).environment("dev")
                    .eventStream(events).database(db)
                    .vpcId(Output.of("vpc-123")).subnetIds(Output.of(List.of("subnet-a", "subnet-b")))
                    .vpcCidr(Output.of(VPC_CIDR))
                    .pluginArchivePath(PLUGIN_ZIP).pluginArchiveSha256(SHA)).build(), null);
            deployed.set(new Deployed(events, db, cdc));
        });
        return deployed.get();
    }

    private Deployed msk(UnaryOperator<ChangeCaptureArgs.Builder> capture) {
        return deploy(EventStreamTest.msk(), capture);
    }

    private Deployed kinesis(UnaryOperator<ChangeCaptureArgs.Builder> capture) {
        return deploy(EventStreamTest.kinesis(), capture);
    }

    @SuppressWarnings("unchecked")
    private Map<String, String> connectorConfig() {
        return (Map<String, String>) (Map<?, ?>) map(only(mocks, CONNECTOR).inputs().get("connectorConfiguration"));
    }

    @Test
    void connectorRunsDebeziumPostgresOnPgoutputWithThePublicationSlotAndTables() {
        msk(b -> b);
        assertThat(connectorConfig())
                .containsEntry("connector.class", "io.debezium.connector.postgresql.PostgresConnector")
                .containsEntry("plugin.name", "pgoutput")
                .containsEntry("publication.name", ChangeCapture.DEFAULT_PUBLICATION_NAME)
                .containsEntry("publication.autocreate.mode", "filtered")
                .containsEntry("slot.name", ChangeCapture.DEFAULT_SLOT_NAME)
                .containsEntry("table.include.list", "public.customers")
                .containsEntry("topic.prefix", ChangeCapture.DEFAULT_TOPIC_PREFIX)
                .containsEntry("snapshot.mode", ChangeCapture.DEFAULT_SNAPSHOT_MODE)
                .containsEntry("database.sslmode", "require")
                .containsEntry("database.port", "5432")
                .containsEntry("key.converter.schemas.enable", "false")
                .containsEntry("value.converter.schemas.enable", "false");
    }

    @Test
    void heartbeatsEmitALogicalMessageSoTheSlotAdvancesWithoutATable() {
        msk(b -> b);
        assertThat(connectorConfig()).containsEntry("heartbeat.interval.ms", "10000")
                .containsEntry("heartbeat.action.query",
                        "SELECT pg_logical_emit_message(false, 'fluxo-heartbeat', now()::text)");
    }

    @Test
    void credentialsComeFromSecretsManagerThroughTheConfigProviderNeverInPlainText() {
        var deployed = msk(b -> b);
        var secretName = DebeziumConfig.secretName(value(deployed.database().masterSecretArn));
        assertThat(secretName).startsWith("rds!db-");
        assertThat(connectorConfig()).containsEntry("database.user", "${secretsmanager:" + secretName + ":username}")
                .containsEntry("database.password", "${secretsmanager:" + secretName + ":password}");
        var workers = (String) only(mocks, "aws:mskconnect/workerConfiguration:WorkerConfiguration").inputs()
                .get("propertiesFileContent");
        assertThat(workers).contains("config.providers=secretsmanager",
                "config.providers.secretsmanager.class=dev.fluxo.connect.SecretsManagerConfigProvider",
                "config.providers.secretsmanager.param.region=us-east-1");
    }

    @Test
    void theChangeTopicIsCreatedByKafkaConnectWithTheStreamsSettings() {
        msk(b -> b);
        assertThat(connectorConfig()).containsEntry("topic.creation.default.partitions", "3")
                .containsEntry("topic.creation.default.replication.factor", "2")
                .containsEntry("topic.creation.default.retention.ms", Long.toString(168L * 3_600_000L));
        assertThat((String) only(mocks, "aws:mskconnect/workerConfiguration:WorkerConfiguration").inputs()
                .get("propertiesFileContent")).contains("topic.creation.enable=true");
    }

    @Test
    void connectorReachesMskWithIamOverTls() {
        var deployed = msk(b -> b);
        var connector = only(mocks, CONNECTOR);
        assertThat(connector.input("kafkaClusterClientAuthentication.authenticationType")).contains("IAM");
        assertThat(connector.input("kafkaClusterEncryptionInTransit.encryptionType")).contains("TLS");
        assertThat(connector.input("kafkaCluster.apacheKafkaCluster.bootstrapServers"))
                .contains(value(deployed.stream().bootstrapBrokersSaslIam));
        assertThat(connector.inputs()).containsEntry("kafkaconnectVersion", ChangeCapture.DEFAULT_KAFKA_CONNECT_VERSION);
    }

    @Test
    void pluginZipIsUploadedEncryptedUnderItsHashAndThePluginPointsAtThatVersion() {
        msk(b -> b);
        var object = only(mocks, "aws:s3/bucketObjectv2:BucketObjectv2");
        assertThat(object.inputs()).containsEntry("sourceHash", SHA).containsEntry("serverSideEncryption", "aws:kms")
                .containsEntry("key", "debezium-postgres-3.6.1.Final-" + SHA.substring(0, 16) + ".zip");
        var plugin = only(mocks, "aws:mskconnect/customPlugin:CustomPlugin");
        assertThat(plugin.input("location.s3.fileKey")).contains(object.inputs().get("key"));
        assertThat(plugin.input("location.s3.objectVersion")).contains(object.outputs().get("versionId"));
        assertThat(only(mocks, "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock").inputs())
                .containsEntry("blockPublicPolicy", true);
    }

    @Test
    void devRunsAFixedWorkerAndProdAutoscales() {
        msk(b -> b);
        var connector = only(mocks, CONNECTOR);
        assertThat(connector.input("capacity.provisionedCapacity.workerCount")).contains(1);
        assertThat(connector.input("capacity.autoscaling")).isEmpty();
        mocks.clear();
        PulumiTest.cleanup();
        msk(b -> b.autoscaling(true).maxWorkers(4));
        var scaled = only(mocks, CONNECTOR);
        assertThat(scaled.input("capacity.autoscaling.maxWorkerCount")).contains(4);
        assertThat(scaled.input("capacity.autoscaling.scaleOutPolicy.cpuUtilizationPercentage")).contains(80);
        assertThat(scaled.input("capacity.provisionedCapacity")).isEmpty();
    }

    @Test
    void serviceRoleIsScopedToTheClusterTopicsSecretAndPluginObject() {
        var deployed = msk(b -> b);
        var policy = mocks.named("cdc-access");
        assertThat(allowedActions(policy)).allMatch(a -> !a.endsWith(":*"))
                .contains("kafka-cluster:Connect", "kafka-cluster:CreateTopic", "secretsmanager:GetSecretValue",
                        "s3:GetObject");
        var clusterArn = value(deployed.stream().clusterArn);
        var bySid = new java.util.HashMap<Object, Object>();
        statements(policy).forEach(s -> bySid.put(s.get("Sid"), s.get("Resource")));
        assertThat(bySid.get("ConnectToCluster")).isEqualTo(clusterArn);
        assertThat(bySid.get("ReadDatabaseSecret")).isEqualTo(value(deployed.database().masterSecretArn));
        assertThat(ComponentTestSupport.list(bySid.get("CreateAndWriteChangeTopics"))).contains((Object) 
                clusterArn.replace(":cluster/", ":topic/") + "/fluxo.*");
        assertThat(bySid.get("DecryptDatabaseSecret")).isEqualTo(value(deployed.database().kmsKeyArn));
    }

    @Test
    void connectorMayReachOnlyTheDatabaseTheBrokersAndAwsApisInsideTheVpc() {
        var deployed = msk(b -> b);
        var captureSg = value(deployed.capture().securityGroupId);
        var egress = mocks.ofType("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule");
        assertThat(egress).extracting(r -> r.inputs().get("fromPort")).containsExactlyInAnyOrder(5432, 443, 9098);
        assertThat(egress).noneMatch(r -> "0.0.0.0/0".equals(r.inputs().get("cidrIpv4")));
        assertThat(mocks.named("cdc-database-from-capture").inputs())
                .containsEntry("securityGroupId", value(deployed.database().securityGroupId))
                .containsEntry("referencedSecurityGroupId", captureSg).containsEntry("fromPort", 5432);
        assertThat(mocks.named("cdc-brokers-from-capture").inputs())
                .containsEntry("securityGroupId", value(deployed.stream().securityGroupId))
                .containsEntry("referencedSecurityGroupId", captureSg).containsEntry("fromPort", 9098);
    }

    @Test
    void connectorLogsToAnEncryptedGroupWithRetentionAndAlarmsWhenNoTaskRuns() {
        msk(b -> b.alarmTopicArn(Output.of("arn:aws:sns:us-east-1:123456789012:alarms")));
        var group = mocks.named("cdc-logs");
        assertThat(group.inputs()).containsEntry("retentionInDays", 30).containsKey("kmsKeyId");
        assertThat(only(mocks, CONNECTOR).input("logDelivery.workerLogDelivery.cloudwatchLogs.logGroup"))
                .contains(group.inputs().get("name"));
        var alarm = only(mocks, "aws:cloudwatch/metricAlarm:MetricAlarm");
        assertThat(alarm.inputs()).containsEntry("metricName", "RunningTaskCount")
                .containsEntry("treatMissingData", "breaching");
    }

    @Test
    void kinesisUsesADmsInstanceAndTaskByDefaultWithFullLoadThenCdc() {
        kinesis(b -> b);
        assertThat(mocks.ofType(CONNECTOR)).isEmpty();
        assertThat(only(mocks, "aws:dms/replicationInstance:ReplicationInstance").inputs())
                .containsEntry("replicationInstanceClass", ChangeCapture.DEFAULT_DMS_INSTANCE_CLASS)
                .containsEntry("publiclyAccessible", false).containsKey("kmsKeyArn");
        var task = only(mocks, "aws:dms/replicationTask:ReplicationTask");
        assertThat(task.inputs()).containsEntry("migrationType", "full-load-and-cdc")
                .containsEntry("startReplicationTask", true);
        var rules = JsonParser.parseString((String) task.inputs().get("tableMappings")).getAsJsonObject()
                .getAsJsonArray("rules");
        assertThat(rules).hasSize(1);
        assertThat(rules.get(0).getAsJsonObject().getAsJsonObject("object-locator").get("table-name").getAsString())
                .isEqualTo("customers");
    }

    @Test
    void dmsReadsTheDatabaseSecretThroughARoleOverTlsWithPgoutput() {
        var deployed = kinesis(b -> b);
        var source = mocks.named("cdc-source");
        assertThat(source.inputs()).containsEntry("engineName", "postgres").containsEntry("sslMode", "require")
                .containsEntry("secretsManagerArn", value(deployed.database().masterSecretArn))
                .containsEntry("secretsManagerAccessRoleArn", value(deployed.capture().serviceRoleArn))
                .doesNotContainKeys("password", "username");
        assertThat(source.input("postgresSettings.pluginName")).contains("pgoutput");
        assertThat(allowedActions(mocks.named("cdc-secrets-role-access")))
                .containsExactlyInAnyOrder("secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret", "kms:Decrypt");
    }

    @Test
    void dmsWritesJsonWithTransactionDetailsToTheStreamThroughAScopedRole() {
        var deployed = kinesis(b -> b);
        var target = mocks.named("cdc-target");
        assertThat(target.inputs()).containsEntry("engineName", "kinesis");
        assertThat(target.input("kinesisSettings.messageFormat")).contains("json");
        for (var flag : List.of("includeTransactionDetails", "includePartitionValue", "includeTableAlterOperations",
                "partitionIncludeSchemaTable")) {
            assertThat(target.input("kinesisSettings." + flag)).as(flag).contains(true);
        }
        assertThat(target.input("kinesisSettings.streamArn")).contains(value(deployed.stream().streamArn));
        var access = statements(mocks.named("cdc-kinesis-role-access"));
        assertThat(access.get(0).get("Resource")).isEqualTo(value(deployed.stream().streamArn));
    }

    @Test
    void dmsServerlessScalesBetweenTheCapacityUnits() {
        kinesis(b -> b.dmsMode("serverless").dmsMaxCapacityUnits(4));
        assertThat(mocks.ofType("aws:dms/replicationInstance:ReplicationInstance")).isEmpty();
        var config = only(mocks, "aws:dms/replicationConfig:ReplicationConfig");
        assertThat(config.input("computeConfig.minCapacityUnits")).contains(ChangeCapture.DEFAULT_DMS_MIN_CAPACITY_UNITS);
        assertThat(config.input("computeConfig.maxCapacityUnits")).contains(4);
        assertThat(config.inputs()).containsEntry("replicationType", "full-load-and-cdc");
    }

    @Test
    void missingWiringAndAMismatchedTopicAreReported() {
        assertThatThrownBy(() -> ChangeCaptureArgs.builder().tags(TAGS).environment("dev").build())
                .hasMessageContaining("the event stream is required")
                .hasMessageContaining("the database is required")
                .hasMessageContaining("vpcId, subnetIds and vpcCidr are required");
        assertThat(ChangeCaptureArgs.builder().tags(TAGS).environment("dev").buildSettings().slotName())
                .isEqualTo(ChangeCapture.DEFAULT_SLOT_NAME);
        assertThatThrownBy(() -> msk(b -> b.topicPrefix("other")))
                .hasStackTraceContaining("must be Debezium's topic for the table: 'other.public.customers'");
    }

    @Test
    void mskAndKinesisCaptureHaveNoMandatoryPolicyViolations() {
        // Checked as prod (no force-destroyed buckets); the dev-configured source database is not under test here.
        msk(b -> b.alarmTopicArn(Output.of("arn:aws:sns:us-east-1:123456789012:alarms")));
        assertThat(ComponentTestSupport.mandatoryViolations(mocks, "prod"))
                .filteredOn(v -> !v.resourceName().startsWith("source-")).isEmpty();
        mocks.clear();
        PulumiTest.cleanup();
        kinesis(b -> b.alarmTopicArn(Output.of("arn:aws:sns:us-east-1:123456789012:alarms")));
        assertThat(ComponentTestSupport.mandatoryViolations(mocks, "prod"))
                .filteredOn(v -> !v.resourceName().startsWith("source-")).isEmpty();
    }

    @Test
    void secretNameIsTheArnsNameWithoutTheRandomSuffix() {
        assertThat(DebeziumConfig.secretName("arn:aws:secretsmanager:us-east-1:123456789012:secret:rds!db-1234-abc-AbC123"))
                .isEqualTo("rds!db-1234-abc");
        assertThatThrownBy(() -> DebeziumConfig.secretName("arn:aws:s3:::bucket"))
                .hasMessageContaining("not a Secrets Manager secret ARN");
    }
}
