package dev.fluxo.components;

import com.pulumi.aws.rds.ParameterGroup;
import com.pulumi.aws.rds.SubnetGroup;
import com.pulumi.core.Output;
import com.pulumi.test.PulumiTest;
import dev.fluxo.components.database.DatabaseAlarm;
import dev.fluxo.components.database.PostgresParameters;
import dev.fluxo.components.testing.RecordedResource;
import dev.fluxo.components.testing.RecordingMocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

import static dev.fluxo.components.ComponentTestSupport.TAGS;
import static dev.fluxo.components.ComponentTestSupport.list;
import static dev.fluxo.components.ComponentTestSupport.map;
import static dev.fluxo.components.ComponentTestSupport.only;
import static dev.fluxo.components.ComponentTestSupport.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SourceDatabaseTest {
    private static final String INSTANCE = "aws:rds/instance:Instance";
    private static final String ALARM = "aws:cloudwatch/metricAlarm:MetricAlarm";
    private final RecordingMocks mocks = new RecordingMocks();
    private final ResourceOptionsRecorder options = new ResourceOptionsRecorder();

    @AfterEach
    void cleanup() {
        PulumiTest.cleanup();
    }

    private static SourceDatabaseArgs.Builder required() {
        return SourceDatabaseArgs.builder().tags(TAGS).environment("dev")
                .vpcId(Output.of("vpc-123"))
                .subnetIds(Output.of(List.of("subnet-a", "subnet-b")));
    }

    private SourceDatabase deploy(UnaryOperator<SourceDatabaseArgs.Builder> args) {
        var db = new AtomicReference<SourceDatabase>();
        ComponentTestSupport.run(mocks, Map.of(), options,
                ctx -> db.set(new SourceDatabase("source", args.apply(required()).build(), null)));
        return db.get();
    }

    private RecordedResource instance() {
        return only(mocks, INSTANCE);
    }

    private Map<String, Object> parameters() {
        var byName = new java.util.HashMap<String, Object>();
        list(only(mocks, "aws:rds/parameterGroup:ParameterGroup").inputs().get("parameters"))
                .forEach(p -> byName.put((String) map(p).get("name"), p));
        return byName;
    }

    @Test
    void instanceIsPostgresWithTheDefaultVersionClassAndStorage() {
        deploy(b -> b);
        assertThat(instance().inputs()).containsEntry("engine", "postgres")
                .containsEntry("engineVersion", SourceDatabase.DEFAULT_ENGINE_VERSION)
                .containsEntry("instanceClass", SourceDatabase.DEFAULT_INSTANCE_CLASS)
                .containsEntry("allocatedStorage", SourceDatabase.DEFAULT_ALLOCATED_STORAGE_GB)
                .containsEntry("maxAllocatedStorage", SourceDatabase.DEFAULT_MAX_ALLOCATED_STORAGE_GB)
                .containsEntry("storageType", "gp3")
                .containsEntry("dbName", SourceDatabase.DEFAULT_DATABASE_NAME)
                .containsEntry("username", SourceDatabase.DEFAULT_MASTER_USERNAME)
                .containsEntry("backupRetentionPeriod", SourceDatabase.DEFAULT_BACKUP_RETENTION_DAYS)
                .containsEntry("multiAz", SourceDatabase.DEFAULT_MULTI_AZ);
    }

    @Test
    void storageIsEncryptedWithTheComponentsRotatingKey() {
        var db = deploy(b -> b);
        assertThat(only(mocks, "aws:kms/key:Key").inputs()).containsEntry("enableKeyRotation", true);
        assertThat(instance().inputs()).containsEntry("storageEncrypted", true)
                .containsEntry("kmsKeyId", value(db.kmsKeyArn));
    }

    @Test
    void givenKeyIsUsedForStorageSecretAndPerformanceInsights() {
        var arn = "arn:aws:kms:us-east-1:123456789012:key/given";
        deploy(b -> b.kmsKeyArn(Output.of(arn)));
        assertThat(mocks.ofType("aws:kms/key:Key")).isEmpty();
        assertThat(instance().inputs()).containsEntry("kmsKeyId", arn).containsEntry("masterUserSecretKmsKeyId", arn)
                .containsEntry("performanceInsightsKmsKeyId", arn);
    }

    @Test
    void credentialsAreGeneratedByRdsIntoSecretsManagerNeverPassedIn() {
        var db = deploy(b -> b);
        assertThat(instance().inputs()).containsEntry("manageMasterUserPassword", true).doesNotContainKey("password");
        assertThat(value(db.masterSecretArn)).startsWith("arn:aws:secretsmanager:us-east-1:");
        assertThat(instance().inputs().get("masterUserSecretKmsKeyId")).isEqualTo(value(db.kmsKeyArn));
    }

    @Test
    void instanceIsNotPubliclyAccessible() {
        deploy(b -> b);
        assertThat(instance().inputs()).containsEntry("publiclyAccessible", false);
    }

    @Test
    void securityGroupHasNoIngressByDefault() {
        deploy(b -> b);
        var sg = only(mocks, "aws:ec2/securityGroup:SecurityGroup");
        assertThat(sg.inputs()).doesNotContainKeys("ingress", "egress");
        assertThat(mocks.ofType("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule")).isEmpty();
    }

    @Test
    void allowConnectionsFromAddsPostgresIngressFromThatSecurityGroupOnly() {
        var db = new AtomicReference<SourceDatabase>();
        ComponentTestSupport.run(mocks, ctx -> {
            db.set(new SourceDatabase("source", required().build(), null));
            db.get().allowConnectionsFrom("cdc-connector", Output.of("sg-connector"));
        });
        var rule = mocks.named("cdc-connector");
        assertThat(rule.inputs()).containsEntry("referencedSecurityGroupId", "sg-connector")
                .containsEntry("securityGroupId", value(db.get().securityGroupId))
                .containsEntry("fromPort", SourceDatabase.PORT).containsEntry("toPort", SourceDatabase.PORT)
                .containsEntry("ipProtocol", "tcp").doesNotContainKeys("cidrIpv4", "cidrIpv6");
    }

    @Test
    void vpcCidrOpensPostgresToTheVpcOnly() {
        deploy(b -> b.vpcCidr(Output.of("10.0.0.0/16")));
        var rule = only(mocks, "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule");
        assertThat(rule.inputs()).containsEntry("cidrIpv4", "10.0.0.0/16").containsEntry("fromPort", SourceDatabase.PORT);
        assertThat(mocks.resources()).noneSatisfy(r -> assertThat(r.inputs().toString()).contains("0.0.0.0/0"));
    }

    @Test
    void parameterGroupEnablesLogicalReplicationAfterReboot() {
        deploy(b -> b);
        assertThat(only(mocks, "aws:rds/parameterGroup:ParameterGroup").inputs()).containsEntry("family", "postgres17");
        assertThat(map(parameters().get(PostgresParameters.LOGICAL_REPLICATION)))
                .containsEntry("value", "1").containsEntry("applyMethod", PostgresParameters.PENDING_REBOOT);
    }

    @Test
    void parameterGroupForcesTls() {
        deploy(b -> b);
        assertThat(map(parameters().get(PostgresParameters.FORCE_SSL))).containsEntry("value", "1");
    }

    @Test
    void parameterGroupSizesSlotsAndWalSendersFromTheDefaults() {
        deploy(b -> b);
        assertThat(map(parameters().get(PostgresParameters.MAX_REPLICATION_SLOTS)))
                .containsEntry("value", String.valueOf(SourceDatabase.DEFAULT_MAX_REPLICATION_SLOTS));
        assertThat(map(parameters().get(PostgresParameters.MAX_WAL_SENDERS)))
                .containsEntry("value", String.valueOf(SourceDatabase.DEFAULT_MAX_WAL_SENDERS));
        assertThat(map(parameters().get(PostgresParameters.WAL_SENDER_TIMEOUT)))
                .containsEntry("value", String.valueOf(SourceDatabase.DEFAULT_WAL_SENDER_TIMEOUT_MS));
    }

    @Test
    void postgres16UsesThePostgres16Family() {
        deploy(b -> b.engineVersion("16"));
        assertThat(only(mocks, "aws:rds/parameterGroup:ParameterGroup").inputs()).containsEntry("family", "postgres16");
    }

    @Test
    void unsupportedEngineVersionIsRefused() {
        assertThatThrownBy(() -> required().engineVersion("15").build())
                .hasMessageContaining("engineVersion must be one of [16, 17]");
    }

    @Test
    void fewerWalSendersThanSlotsIsRefused() {
        assertThatThrownBy(() -> required().maxReplicationSlots(10).maxWalSenders(5).build())
                .hasMessageContaining("every active slot streams through its own WAL sender");
    }

    @Test
    void instanceUsesTheSubnetGroupTheParameterGroupAndTheSecurityGroup() {
        var subnetGroup = new AtomicReference<SubnetGroup>();
        var parameterGroup = new AtomicReference<ParameterGroup>();
        var db = new AtomicReference<SourceDatabase>();
        var result = ComponentTestSupport.run(mocks, ctx ->
                db.set(new SourceDatabase("source", required().build(), null)));
        result.resources().forEach(r -> {
            if (r instanceof SubnetGroup s) {
                subnetGroup.set(s);
            } else if (r instanceof ParameterGroup p) {
                parameterGroup.set(p);
            }
        });
        assertThat(instance().inputs()).containsEntry("dbSubnetGroupName", value(subnetGroup.get().name()))
                .containsEntry("parameterGroupName", value(parameterGroup.get().name()))
                .containsEntry("vpcSecurityGroupIds", List.of(value(db.get().securityGroupId)));
        assertThat(only(mocks, "aws:rds/subnetGroup:SubnetGroup").inputs())
                .containsEntry("subnetIds", List.of("subnet-a", "subnet-b"));
        assertThat(value(db.get().parameterGroupName)).isEqualTo(value(parameterGroup.get().name()));
    }

    @Test
    void backupsSnapshotsLogsAndMinorUpgradesAreOn() {
        deploy(b -> b);
        assertThat(instance().inputs()).containsEntry("copyTagsToSnapshot", true)
                .containsEntry("autoMinorVersionUpgrade", true)
                .containsEntry("enabledCloudwatchLogsExports", SourceDatabase.LOG_EXPORTS);
    }

    @Test
    void performanceInsightsUsesTheFreeRetentionAndTheKey() {
        var db = deploy(b -> b);
        assertThat(SourceDatabase.DEFAULT_PERFORMANCE_INSIGHTS).isTrue();
        assertThat(instance().inputs()).containsEntry("performanceInsightsEnabled", true)
                .containsEntry("performanceInsightsRetentionPeriod", SourceDatabase.PERFORMANCE_INSIGHTS_RETENTION_DAYS)
                .containsEntry("performanceInsightsKmsKeyId", value(db.kmsKeyArn));
    }

    @Test
    void devDefaultsSkipTheFinalSnapshotAndAllowDeletion() {
        deploy(b -> b);
        assertThat(instance().inputs()).containsEntry("deletionProtection", SourceDatabase.DEFAULT_DELETION_PROTECTION)
                .containsEntry("skipFinalSnapshot", true)
                .doesNotContainKey("finalSnapshotIdentifier");
        assertThat(options.protect("source-instance")).isEqualTo(SourceDatabase.DEFAULT_PROTECT);
    }

    @Test
    void prodSettingsMakeItMultiAzProtectedAndTakeAFinalSnapshot() {
        deploy(b -> b.multiAz(true).deletionProtection(true).protect(true).backupRetentionDays(14));
        assertThat(instance().inputs()).containsEntry("multiAz", true).containsEntry("deletionProtection", true)
                .containsEntry("skipFinalSnapshot", false)
                .containsEntry("finalSnapshotIdentifier", "fluxo-dev-source-final")
                .containsEntry("backupRetentionPeriod", 14)
                .containsEntry("deleteAutomatedBackups", false);
        assertThat(options.protect("source-instance")).isTrue();
    }

    @Test
    void noAlarmsWithoutATopic() {
        deploy(b -> b);
        assertThat(mocks.ofType(ALARM)).isEmpty();
    }

    @Test
    void alarmsOnSlotLagWalDiskStorageAndCpuNotifyTheTopic() {
        var topic = "arn:aws:sns:us-east-1:123456789012:alerts";
        var db = deploy(b -> b.alarmTopicArn(Output.of(topic)));
        var alarms = mocks.ofType(ALARM);
        assertThat(alarms).extracting(a -> a.inputs().get("metricName")).containsExactlyInAnyOrder(
                "OldestReplicationSlotLag", "TransactionLogsDiskUsage", "FreeStorageSpace", "CPUUtilization");
        assertThat(alarms).allSatisfy(a -> {
            assertThat(a.inputs()).containsEntry("namespace", "AWS/RDS")
                    .containsEntry("alarmActions", List.of(topic));
            assertThat(map(a.inputs().get("dimensions"))).containsEntry("DBInstanceIdentifier", value(db.instanceIdentifier));
        });
        var lag = alarms.stream().filter(a -> a.inputs().get("metricName").equals(DatabaseAlarm.REPLICATION_SLOT_LAG.metricName()))
                .findFirst().orElseThrow();
        assertThat(((Number) lag.inputs().get("threshold")).longValue()).isEqualTo(SourceDatabase.DEFAULT_REPLICATION_SLOT_LAG_ALARM_BYTES);
        assertThat(lag.inputs()).containsEntry("treatMissingData", "notBreaching")
                .containsEntry("comparisonOperator", "GreaterThanThreshold");
        assertThat(threshold(alarms, "TransactionLogsDiskUsage")).isEqualTo((double) SourceDatabase.DEFAULT_TRANSACTION_LOGS_DISK_ALARM_BYTES);
        assertThat(threshold(alarms, "CPUUtilization")).isEqualTo(SourceDatabase.DEFAULT_CPU_ALARM_PERCENT);
        var storage = alarms.stream().filter(a -> a.inputs().get("metricName").equals("FreeStorageSpace")).findFirst().orElseThrow();
        assertThat(storage.inputs()).containsEntry("comparisonOperator", "LessThanThreshold");
        assertThat(((Number) storage.inputs().get("threshold")).longValue()).isEqualTo(SourceDatabase.DEFAULT_FREE_STORAGE_ALARM_BYTES);
    }

    private static double threshold(List<RecordedResource> alarms, String metric) {
        return alarms.stream().filter(a -> a.inputs().get("metricName").equals(metric))
                .map(a -> ((Number) a.inputs().get("threshold")).doubleValue()).findFirst().orElseThrow();
    }

    @Test
    void outputsDescribeHowToConnect() {
        var db = deploy(b -> b);
        assertThat(value(db.address)).endsWith(".us-east-1.rds.amazonaws.com");
        assertThat(value(db.port)).isEqualTo(SourceDatabase.PORT);
        assertThat(value(db.databaseName)).isEqualTo(SourceDatabase.DEFAULT_DATABASE_NAME);
        assertThat(value(db.instanceIdentifier)).isEqualTo("fluxo-dev-source");
    }

    @Test
    void everyChildIsParentedByTheComponent() {
        var result = ComponentTestSupport.run(mocks, ctx -> new SourceDatabase("source",
                required().alarmTopicArn(Output.of("arn:aws:sns:us-east-1:123456789012:t")).vpcCidr(Output.of("10.0.0.0/16"))
                        .build(), null));
        var children = result.resources().stream()
                .filter(r -> !r.pulumiResourceType().equals(SourceDatabase.TYPE) && !r.pulumiResourceType().equals("pulumi:pulumi:Stack"))
                .toList();
        assertThat(children).hasSizeGreaterThan(8).allSatisfy(r ->
                assertThat(ComponentTestSupport.urn(r)).contains(SourceDatabase.TYPE + "$"));
    }
}
