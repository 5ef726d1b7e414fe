package dev.fluxo.components;

import com.pulumi.asset.FileAsset;
import com.pulumi.aws.dms.Endpoint;
import com.pulumi.aws.dms.EndpointArgs;
import com.pulumi.aws.dms.ReplicationConfig;
import com.pulumi.aws.dms.ReplicationConfigArgs;
import com.pulumi.aws.dms.ReplicationInstance;
import com.pulumi.aws.dms.ReplicationInstanceArgs;
import com.pulumi.aws.dms.ReplicationSubnetGroup;
import com.pulumi.aws.dms.ReplicationSubnetGroupArgs;
import com.pulumi.aws.dms.ReplicationTask;
import com.pulumi.aws.dms.ReplicationTaskArgs;
import com.pulumi.aws.dms.inputs.EndpointKinesisSettingsArgs;
import com.pulumi.aws.dms.inputs.EndpointPostgresSettingsArgs;
import com.pulumi.aws.dms.inputs.ReplicationConfigComputeConfigArgs;
import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.mskconnect.Connector;
import com.pulumi.aws.mskconnect.ConnectorArgs;
import com.pulumi.aws.mskconnect.CustomPlugin;
import com.pulumi.aws.mskconnect.CustomPluginArgs;
import com.pulumi.aws.mskconnect.WorkerConfiguration;
import com.pulumi.aws.mskconnect.WorkerConfigurationArgs;
import com.pulumi.aws.mskconnect.inputs.ConnectorCapacityArgs;
import com.pulumi.aws.mskconnect.inputs.ConnectorCapacityAutoscalingArgs;
import com.pulumi.aws.mskconnect.inputs.ConnectorCapacityAutoscalingScaleInPolicyArgs;
import com.pulumi.aws.mskconnect.inputs.ConnectorCapacityAutoscalingScaleOutPolicyArgs;
import com.pulumi.aws.mskconnect.inputs.ConnectorCapacityProvisionedCapacityArgs;
import com.pulumi.aws.mskconnect.inputs.ConnectorKafkaClusterApacheKafkaClusterArgs;
import com.pulumi.aws.mskconnect.inputs.ConnectorKafkaClusterApacheKafkaClusterVpcArgs;
import com.pulumi.aws.mskconnect.inputs.ConnectorKafkaClusterArgs;
import com.pulumi.aws.mskconnect.inputs.ConnectorKafkaClusterClientAuthenticationArgs;
import com.pulumi.aws.mskconnect.inputs.ConnectorKafkaClusterEncryptionInTransitArgs;
import com.pulumi.aws.mskconnect.inputs.ConnectorLogDeliveryArgs;
import com.pulumi.aws.mskconnect.inputs.ConnectorLogDeliveryWorkerLogDeliveryArgs;
import com.pulumi.aws.mskconnect.inputs.ConnectorLogDeliveryWorkerLogDeliveryCloudwatchLogsArgs;
import com.pulumi.aws.mskconnect.inputs.ConnectorPluginArgs;
import com.pulumi.aws.mskconnect.inputs.ConnectorPluginCustomPluginArgs;
import com.pulumi.aws.mskconnect.inputs.ConnectorWorkerConfigurationArgs;
import com.pulumi.aws.mskconnect.inputs.CustomPluginLocationArgs;
import com.pulumi.aws.mskconnect.inputs.CustomPluginLocationS3Args;
import com.pulumi.aws.s3.BucketObjectv2;
import com.pulumi.aws.s3.BucketObjectv2Args;
import com.pulumi.aws.vpc.SecurityGroupEgressRule;
import com.pulumi.aws.vpc.SecurityGroupEgressRuleArgs;
import com.pulumi.aws.vpc.SecurityGroupIngressRule;
import com.pulumi.aws.vpc.SecurityGroupIngressRuleArgs;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import dev.fluxo.components.capture.DebeziumConfig;
import dev.fluxo.components.capture.DmsTableMappings;
import dev.fluxo.components.iam.AwsAccount;
import dev.fluxo.components.iam.InlinePolicy;
import dev.fluxo.components.iam.PolicyDocument;
import dev.fluxo.components.iam.PolicyStatement;
import dev.fluxo.components.iam.SecretAccess;
import dev.fluxo.components.lakehouse.PrivateBucket;
import dev.fluxo.components.naming.EnvironmentName;
import dev.fluxo.components.naming.ResourceTags;
import dev.fluxo.components.protection.DataProtection;
import dev.fluxo.components.observability.Alarm;
import dev.fluxo.components.observability.EncryptedLogGroup;
import dev.fluxo.components.streaming.StreamAccess;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Change data capture from the source PostgreSQL into the {@link EventStream}.
 *
 * <p><b>MSK</b>: the Debezium PostgreSQL connector ({@value #DEBEZIUM_VERSION}) on MSK Connect. The plugin zip is
 * uploaded to a private KMS-encrypted bucket under a key that contains its SHA-256, so a new build uploads a new
 * object and replaces the custom plugin (and with it the connector). The zip must contain the Debezium PostgreSQL
 * connector AND Fluxo's Secrets Manager config provider (module {@code connect}, which builds exactly this zip), whose
 * {@value DebeziumConfig#CONFIG_PROVIDER_CLASS} the worker configuration registers as {@code secretsmanager}: the
 * connector reads the database credentials as {@code ${secretsmanager:<secret name>:username|password}}, never as
 * plain text. The connector authenticates to MSK with IAM over TLS, logs to a KMS-encrypted log group, runs on a
 * fixed number of workers ({@code autoscaling(false)}, dev) or autoscaled ones (prod), and creates the change topic
 * with the stream's partitions, replication and retention ({@code topic.creation.default.*}). Its service role may
 * only connect to the cluster, create/write the {@code <topicPrefix>.*} topics, the heartbeat topic and MSK Connect's
 * internal topics and groups, read the database secret and the plugin object.
 *
 * <p><b>Kinesis</b>: AWS DMS, CDC from PostgreSQL (pgoutput) to the stream as JSON. Default {@code dmsMode("instance")}:
 * a {@value #DEFAULT_DMS_INSTANCE_CLASS} replication instance and task, because in dev it costs a fraction of one DMS
 * Serverless capacity unit; {@code dmsMode("serverless")} uses a DMS Serverless replication config that scales between
 * the min and max capacity units. DMS reads the RDS-managed secret through a role ({@code secretsManagerAccessRoleArn});
 * the secret holds only user and password, so the endpoint also names the server and port. DMS creates and owns its
 * own replication slot (its {@code SlotName} setting would require a slot created beforehand). Prerequisite of the
 * instance mode: the account-wide role {@code dms-vpc-role} that DMS requires to exist.
 *
 * <p>Network: the component's security group may reach the database on 5432, the brokers on 9098 (MSK) and AWS APIs
 * on 443 inside the VPC (interface endpoints); the database (and the cluster) admit it. Nothing is open to 0.0.0.0/0.
 *
 * <pre>{@code
 * var cdc = new ChangeCapture("cdc", ChangeCaptureArgs.builder().tags(tags).environment("dev")
 *         .eventStream(stream).database(db)
 *         .vpcId(network.vpcId).subnetIds(network.privateSubnetIds).vpcCidr(network.vpcCidr)
 *         .pluginArchivePath("build/debezium-postgres.zip").pluginArchiveSha256(sha).build(), null);
 * }</pre>
 */
public class ChangeCapture extends ComponentResource {
    /** The Pulumi type token. */
    public static final String TYPE = "fluxo:index:ChangeCapture";
    public static final String DEBEZIUM_VERSION = DebeziumConfig.DEBEZIUM_VERSION;
    public static final List<String> DEFAULT_TABLE_INCLUDE_LIST = List.of("public.customers");
    public static final String DEFAULT_PUBLICATION_NAME = "fluxo_customers";
    public static final String DEFAULT_SLOT_NAME = "fluxo_customers";
    public static final String DEFAULT_TOPIC_PREFIX = "fluxo";
    public static final int DEFAULT_HEARTBEAT_INTERVAL_MS = 10_000;
    public static final String DEFAULT_SNAPSHOT_MODE = "initial";
    /** Debezium PostgreSQL snapshot modes the component accepts. */
    public static final List<String> SNAPSHOT_MODES = List.of("initial", "always", "initial_only", "no_data",
            "when_needed");
    public static final int DEFAULT_LOG_RETENTION_DAYS = 30;
    /** MSK Connect's Kafka Connect 3.7 runtime (Debezium 3.x needs Java 17, which the 2.7.1 runtime lacks). */
    public static final String DEFAULT_KAFKA_CONNECT_VERSION = "3.7.x";
    public static final boolean DEFAULT_AUTOSCALING = false;
    public static final int DEFAULT_MCU_COUNT = 1;
    public static final int DEFAULT_WORKER_COUNT = 1;
    public static final int DEFAULT_MIN_WORKERS = 1;
    public static final int DEFAULT_MAX_WORKERS = 2;
    public static final int DEFAULT_SCALE_IN_CPU_PERCENT = 20;
    public static final int DEFAULT_SCALE_OUT_CPU_PERCENT = 80;
    public static final String DMS_INSTANCE = "instance";
    public static final String DMS_SERVERLESS = "serverless";
    public static final List<String> DMS_MODES = List.of(DMS_INSTANCE, DMS_SERVERLESS);
    public static final String DEFAULT_DMS_MODE = DMS_INSTANCE;
    public static final int DEFAULT_DMS_MIN_CAPACITY_UNITS = 1;
    public static final int DEFAULT_DMS_MAX_CAPACITY_UNITS = 2;
    public static final String DEFAULT_DMS_INSTANCE_CLASS = "dms.t3.micro";
    public static final int DMS_ALLOCATED_STORAGE_GB = 20;
    /** Alarm when DMS reads the source later than this, seconds. */
    public static final double DMS_SOURCE_LATENCY_ALARM_SECONDS = 300;
    public static final int POSTGRES_PORT = SourceDatabase.PORT;
    public static final int HTTPS_PORT = 443;

    /** {@code mskconnect} or {@code dms}. */
    @Export(name = "mechanism", refs = {String.class})
    public final Output<String> mechanism;
    /** The MSK Connect connector ARN, or the DMS replication config / task ARN. */
    @Export(name = "replicationArn", refs = {String.class})
    public final Output<String> replicationArn;
    /** The MSK Connect connector name (the CloudWatch dimension), or the DMS task / config identifier. */
    @Export(name = "replicationName", refs = {String.class})
    public final Output<String> replicationName;
    /** The connector's / replication's security group. */
    @Export(name = "securityGroupId", refs = {String.class})
    public final Output<String> securityGroupId;
    /** The role MSK Connect runs as, or the role DMS reads the secret with. */
    @Export(name = "serviceRoleArn", refs = {String.class})
    public Output<String> serviceRoleArn;
    /** MSK: the connector's log group (null for DMS). */
    @Export(name = "logGroupName", refs = {String.class})
    public Output<String> logGroupName;
    /** MSK: the bucket holding the plugin zip (null for DMS). */
    @Export(name = "pluginBucketName", refs = {String.class})
    public Output<String> pluginBucketName;

    private final Map<String, String> tags;
    private final String name;
    private Output<String> dmsInstanceIdentifier;
    private final AwsAccount account;
    private final CustomResourceOptions child;

    public ChangeCapture(String name, ChangeCaptureArgs args, ComponentResourceOptions opts) {
        super(TYPE, name, opts);
        args.validate();
        this.name = name;
        this.tags = ResourceTags.require("ChangeCapture", args.tags());
        var environment = EnvironmentName.require("ChangeCapture", args.environment());
        this.account = AwsAccount.lookup(this);
        this.child = CustomResourceOptions.builder().parent(this).build();
        var physicalName = "fluxo-" + environment + "-" + name;

        var securityGroup = new SecurityGroup(name + "-sg", SecurityGroupArgs.builder()
                .namePrefix(physicalName + "-")
                .description("Fluxo " + environment + " change capture " + name + ": to the database, brokers, AWS APIs")
                .vpcId(args.vpcId())
                .tags(ResourceTags.named(tags, name + "-sg"))
                .build(), child);
        this.securityGroupId = securityGroup.id();
        egress("to-database", POSTGRES_PORT, args.databaseSecurityGroupId(), null);
        egress("to-aws-apis", HTTPS_PORT, null, args.vpcCidr());
        new SecurityGroupIngressRule(name + "-database-from-capture", SecurityGroupIngressRuleArgs.builder()
                .securityGroupId(args.databaseSecurityGroupId())
                .description("PostgreSQL from change capture " + name)
                .ipProtocol("tcp").fromPort(POSTGRES_PORT).toPort(POSTGRES_PORT)
                .referencedSecurityGroupId(securityGroup.id())
                .tags(ResourceTags.named(tags, name + "-database-from-capture"))
                .build(), child);

        Output<String> none = Output.ofNullable(null);
        if (args.isMsk()) {
            egress("to-brokers", EventStream.IAM_PORT, args.streamSecurityGroupId(), null);
            new SecurityGroupIngressRule(name + "-brokers-from-capture", SecurityGroupIngressRuleArgs.builder()
                    .securityGroupId(args.streamSecurityGroupId())
                    .description("Kafka (TLS + IAM) from change capture " + name)
                    .ipProtocol("tcp").fromPort(EventStream.IAM_PORT).toPort(EventStream.IAM_PORT)
                    .referencedSecurityGroupId(securityGroup.id())
                    .tags(ResourceTags.named(tags, name + "-brokers-from-capture"))
                    .build(), child);
            var connector = mskConnect(args, environment, securityGroup);
            this.mechanism = Output.of("mskconnect");
            this.replicationArn = connector.arn();
            this.replicationName = connector.name();
        } else {
            var replication = dms(args, physicalName, securityGroup);
            this.mechanism = Output.of("dms");
            this.replicationArn = replication.get(0);
            this.replicationName = replication.get(1);
            this.logGroupName = none;
            this.pluginBucketName = none;
        }
        var outputs = new LinkedHashMap<String, Output<?>>();
        outputs.put("mechanism", mechanism);
        outputs.put("replicationArn", replicationArn);
        outputs.put("replicationName", replicationName);
        outputs.put("securityGroupId", securityGroupId);
        outputs.put("serviceRoleArn", serviceRoleArn);
        outputs.put("logGroupName", logGroupName);
        outputs.put("pluginBucketName", pluginBucketName);
        registerOutputs(outputs);
    }

    private Connector mskConnect(ChangeCaptureArgs args, String environment, SecurityGroup securityGroup) {
        var keyArn = args.streamKmsKeyArn();
        var logGroup = EncryptedLogGroup.create(name + "-logs", "/fluxo/" + environment + "/" + name + "/msk-connect",
                args.logRetentionDays(), keyArn, tags, this);
        var bucket = PrivateBucket.builder(name + "-plugins", this, tags)
                .bucketPrefix("fluxo-" + environment + "-connect-plugins-")
                .kmsKeyArn(keyArn)
                .versioning(true)
                // Build artifacts and logs, not data: deleted with the stack when the stack allows deleting data
                // (fluxo:allowDataDeletion), else retained; never force-emptied in prod.
                .protection(DataProtection.forComponent(true, false))
                .create();
        var sha = args.pluginArchiveSha256();
        var pluginObject = new BucketObjectv2(name + "-plugin-archive", BucketObjectv2Args.builder()
                .bucket(bucket.name())
                .key("debezium-postgres-" + DEBEZIUM_VERSION + "-" + sha.substring(0, Math.min(16, sha.length())) + ".zip")
                .source(new FileAsset(args.pluginArchivePath()))
                .sourceHash(sha)
                .contentType("application/zip")
                .serverSideEncryption("aws:kms")
                .kmsKeyId(keyArn)
                .bucketKeyEnabled(true)
                .tags(ResourceTags.named(tags, name + "-plugin-archive"))
                .build(), child);
        var plugin = new CustomPlugin(name + "-plugin", CustomPluginArgs.builder()
                .description("Debezium PostgreSQL " + DEBEZIUM_VERSION + " + Secrets Manager config provider")
                .contentType("ZIP")
                .location(CustomPluginLocationArgs.builder()
                        .s3(CustomPluginLocationS3Args.builder()
                                .bucketArn(bucket.arn())
                                .fileKey(pluginObject.key())
                                .objectVersion(pluginObject.versionId())
                                .build())
                        .build())
                .tags(ResourceTags.named(tags, name + "-plugin"))
                .build(), child);
        var workers = new WorkerConfiguration(name + "-workers", WorkerConfigurationArgs.builder()
                .description("JSON converters, topic creation, Secrets Manager config provider")
                .propertiesFileContent(account.region().applyValue(DebeziumConfig::workerProperties))
                .tags(ResourceTags.named(tags, name + "-workers"))
                .build(), child);

        var role = new Role(name + "-role", RoleArgs.builder()
                .description("MSK Connect runs change capture " + name + " as this role")
                .assumeRolePolicy(PolicyDocument.assumableBy("kafkaconnect.amazonaws.com", account.accountId()).toJson())
                .tags(ResourceTags.named(tags, name + "-role"))
                .build(), child);
        var rolePolicy = InlinePolicy.attach(name + "-access", role, connectorPolicy(args, bucket, pluginObject), this);
        this.serviceRoleArn = role.arn();

        var capture = new DebeziumConfig.Capture(args.topicPrefix(), args.tableIncludeList(), args.publicationName(),
                args.slotName(), args.snapshotMode(), args.heartbeatIntervalMs());
        var configuration = Output.tuple(args.databaseAddress(), args.databasePort(), args.databaseName(),
                args.databaseSecretArn(), args.topicReplicationFactor()).applyValue(t -> DebeziumConfig.connector(
                new DebeziumConfig.Database(t.t1, t.t2, t.t3), DebeziumConfig.secretName(t.t4), capture,
                new DebeziumConfig.Topic(args.topicPartitions(), t.t5, args.topicRetentionHours())));

        var capacity = ConnectorCapacityArgs.builder();
        if (args.autoscaling()) {
            capacity.autoscaling(ConnectorCapacityAutoscalingArgs.builder()
                    .mcuCount(args.mcuCount())
                    .minWorkerCount(args.minWorkers())
                    .maxWorkerCount(args.maxWorkers())
                    .scaleInPolicy(ConnectorCapacityAutoscalingScaleInPolicyArgs.builder()
                            .cpuUtilizationPercentage(args.scaleInCpuPercent()).build())
                    .scaleOutPolicy(ConnectorCapacityAutoscalingScaleOutPolicyArgs.builder()
                            .cpuUtilizationPercentage(args.scaleOutCpuPercent()).build())
                    .build());
        } else {
            capacity.provisionedCapacity(ConnectorCapacityProvisionedCapacityArgs.builder()
                    .mcuCount(args.mcuCount()).workerCount(args.workerCount()).build());
        }
        var connector = new Connector(name + "-connector", ConnectorArgs.builder()
                .description("Debezium CDC of " + String.join(",", args.tableIncludeList()) + " into " + args.topicName())
                .kafkaconnectVersion(args.kafkaConnectVersion())
                .capacity(capacity.build())
                .connectorConfiguration(configuration)
                .kafkaCluster(ConnectorKafkaClusterArgs.builder()
                        .apacheKafkaCluster(ConnectorKafkaClusterApacheKafkaClusterArgs.builder()
                                .bootstrapServers(args.bootstrapBrokersSaslIam())
                                .vpc(ConnectorKafkaClusterApacheKafkaClusterVpcArgs.builder()
                                        .securityGroups(securityGroup.id().applyValue(List::of))
                                        .subnets(args.subnetIds())
                                        .build())
                                .build())
                        .build())
                .kafkaClusterClientAuthentication(ConnectorKafkaClusterClientAuthenticationArgs.builder()
                        .authenticationType("IAM").build())
                .kafkaClusterEncryptionInTransit(ConnectorKafkaClusterEncryptionInTransitArgs.builder()
                        .encryptionType("TLS").build())
                .logDelivery(ConnectorLogDeliveryArgs.builder()
                        .workerLogDelivery(ConnectorLogDeliveryWorkerLogDeliveryArgs.builder()
                                .cloudwatchLogs(ConnectorLogDeliveryWorkerLogDeliveryCloudwatchLogsArgs.builder()
                                        .enabled(true).logGroup(logGroup.name()).build())
                                .build())
                        .build())
                .plugins(ConnectorPluginArgs.builder()
                        .customPlugin(ConnectorPluginCustomPluginArgs.builder()
                                .arn(plugin.arn()).revision(plugin.latestRevision()).build())
                        .build())
                .serviceExecutionRoleArn(role.arn())
                .workerConfiguration(ConnectorWorkerConfigurationArgs.builder()
                        .arn(workers.arn()).revision(workers.latestRevision()).build())
                .tags(ResourceTags.named(tags, name + "-connector"))
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(rolePolicy).build());
        args.alarmTopicArn().ifPresent(topic -> Alarm.minimumBelow("AWS/KafkaConnect", "RunningTaskCount", 1,
                        "The Debezium connector " + name + " has no running task: CDC has stopped and the replication "
                                + "slot is growing; see its log group")
                .create("fluxo-" + environment + "-" + name + "-running-tasks",
                        connector.name().applyValue(n -> Map.of("ConnectorName", n)), topic, tags, this));
        this.logGroupName = logGroup.name();
        this.pluginBucketName = bucket.name();
        return connector;
    }

    /** DMS instance mode: the replication instance identifier (a CloudWatch dimension). */
    public java.util.Optional<Output<String>> dmsInstanceIdentifier() {
        return java.util.Optional.ofNullable(dmsInstanceIdentifier);
    }

    private PolicyDocument connectorPolicy(ChangeCaptureArgs args, PrivateBucket bucket, BucketObjectv2 pluginObject) {
        var cluster = args.clusterArn();
        var statements = new ArrayList<PolicyStatement>();
        statements.add(PolicyStatement.allow().sid("ConnectToCluster")
                .actions(StreamAccess.KAFKA_CONNECT.toArray(String[]::new)).resource(cluster).build());
        statements.add(PolicyStatement.allow().sid("CreateAndWriteChangeTopics")
                .actions("kafka-cluster:CreateTopic", "kafka-cluster:DescribeTopic", "kafka-cluster:WriteData",
                        "kafka-cluster:ReadData", "kafka-cluster:DescribeTopicDynamicConfiguration")
                .resource(StreamAccess.topicArn(cluster, args.topicPrefix() + ".*"))
                .resource(StreamAccess.topicArn(cluster, "__debezium-heartbeat." + args.topicPrefix()))
                .resource(StreamAccess.topicArn(cluster, "__amazon_msk_connect_*"))
                .build());
        statements.add(PolicyStatement.allow().sid("UseConnectGroups")
                .actions(StreamAccess.KAFKA_GROUP.toArray(String[]::new))
                .resource(StreamAccess.groupArn(cluster, "__amazon_msk_connect_*"))
                .resource(StreamAccess.groupArn(cluster, "connect-*"))
                .build());
        statements.addAll(readSecret(args));
        statements.add(PolicyStatement.allow().sid("ReadPluginArchive")
                .actions("s3:GetObject", "s3:GetObjectVersion")
                .resource(Output.format("%s/%s", bucket.arn(), pluginObject.key()))
                .build());
        statements.add(PolicyStatement.allow().sid("DecryptPluginArchive")
                .actions("kms:Decrypt").resource(args.streamKmsKeyArn()).build());
        return PolicyDocument.of(statements);
    }

    private static List<PolicyStatement> readSecret(ChangeCaptureArgs args) {
        return SecretAccess.read("ReadDatabaseSecret", args.databaseSecretArn(), args.databaseSecretKmsKeyArn());
    }

    /** Returns [replication ARN, replication name]. */
    private List<Output<String>> dms(ChangeCaptureArgs args, String physicalName, SecurityGroup securityGroup) {
        var keyArn = args.streamKmsKeyArn();
        var subnetGroup = new ReplicationSubnetGroup(name + "-subnets", ReplicationSubnetGroupArgs.builder()
                .replicationSubnetGroupId(physicalName)
                .replicationSubnetGroupDescription("Private subnets of change capture " + physicalName)
                .subnetIds(args.subnetIds())
                .tags(ResourceTags.named(tags, name + "-subnets"))
                .build(), child);

        var secretRole = dmsRole("secrets-role", "DMS reads the database secret of " + physicalName,
                PolicyDocument.of(readSecret(args)));
        var targetRole = dmsRole("kinesis-role", "DMS writes changes of " + physicalName + " to the stream",
                StreamAccess.kinesisProduce(args.streamArn(), keyArn));
        this.serviceRoleArn = secretRole.arn();

        var source = new Endpoint(name + "-source", EndpointArgs.builder()
                .endpointId(physicalName + "-source")
                .endpointType("source")
                .engineName("postgres")
                .serverName(args.databaseAddress())
                .port(args.databasePort())
                .databaseName(args.databaseName())
                .secretsManagerArn(args.databaseSecretArn())
                .secretsManagerAccessRoleArn(secretRole.arn())
                .sslMode("require")
                .kmsKeyArn(keyArn)
                .postgresSettings(EndpointPostgresSettingsArgs.builder()
                        .pluginName("pgoutput")
                        .heartbeatEnable(true)
                        .heartbeatFrequency(Math.max(1, args.heartbeatIntervalMs() / 60_000))
                        .captureDdls(false)
                        .build())
                .tags(ResourceTags.named(tags, name + "-source"))
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(secretRole).build());
        var target = new Endpoint(name + "-target", EndpointArgs.builder()
                .endpointId(physicalName + "-target")
                .endpointType("target")
                .engineName("kinesis")
                .kmsKeyArn(keyArn)
                .kinesisSettings(EndpointKinesisSettingsArgs.builder()
                        .streamArn(args.streamArn())
                        .serviceAccessRoleArn(targetRole.arn())
                        .messageFormat("json")
                        .includeTransactionDetails(true)
                        .includePartitionValue(true)
                        .includeTableAlterOperations(true)
                        .includeControlDetails(true)
                        .includeNullAndEmpty(true)
                        .partitionIncludeSchemaTable(true)
                        .build())
                .tags(ResourceTags.named(tags, name + "-target"))
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(targetRole).build());

        var mappings = DmsTableMappings.include(args.tableIncludeList());
        var migrationType = DmsTableMappings.migrationType(args.snapshotMode());
        var securityGroups = securityGroup.id().applyValue(List::of);
        if (ChangeCapture.DMS_SERVERLESS.equals(args.dmsMode())) {
            var config = new ReplicationConfig(name + "-replication", ReplicationConfigArgs.builder()
                    .replicationConfigIdentifier(physicalName)
                    .replicationType(migrationType)
                    .sourceEndpointArn(source.endpointArn())
                    .targetEndpointArn(target.endpointArn())
                    .tableMappings(mappings)
                    .startReplication(true)
                    .computeConfig(ReplicationConfigComputeConfigArgs.builder()
                            .minCapacityUnits(args.dmsMinCapacityUnits())
                            .maxCapacityUnits(args.dmsMaxCapacityUnits())
                            .replicationSubnetGroupId(subnetGroup.replicationSubnetGroupId())
                            .vpcSecurityGroupIds(securityGroups)
                            .kmsKeyId(keyArn)
                            .multiAz(false)
                            .build())
                    .tags(ResourceTags.named(tags, name + "-replication"))
                    .build(), child);
            return List.of(config.arn(), Output.of(physicalName));
        }
        var instance = new ReplicationInstance(name + "-instance", ReplicationInstanceArgs.builder()
                .replicationInstanceId(physicalName)
                .replicationInstanceClass(args.dmsInstanceClass())
                .allocatedStorage(DMS_ALLOCATED_STORAGE_GB)
                .kmsKeyArn(keyArn)
                .publiclyAccessible(false)
                .multiAz(false)
                .autoMinorVersionUpgrade(true)
                .replicationSubnetGroupId(subnetGroup.replicationSubnetGroupId())
                .vpcSecurityGroupIds(securityGroups)
                .tags(ResourceTags.named(tags, name + "-instance"))
                .build(), child);
        this.dmsInstanceIdentifier = instance.replicationInstanceId();
        var task = new ReplicationTask(name + "-task", ReplicationTaskArgs.builder()
                .replicationTaskId(physicalName)
                .migrationType(migrationType)
                .replicationInstanceArn(instance.replicationInstanceArn())
                .sourceEndpointArn(source.endpointArn())
                .targetEndpointArn(target.endpointArn())
                .tableMappings(mappings)
                .startReplicationTask(true)
                .tags(ResourceTags.named(tags, name + "-task"))
                .build(), child);
        args.alarmTopicArn().ifPresent(topic -> Alarm.maximumAbove("AWS/DMS", "CDCLatencySource",
                        DMS_SOURCE_LATENCY_ALARM_SECONDS, "DMS reads changes of " + physicalName + " late: is the task "
                                + "running? The replication slot grows while it lags")
                .create(physicalName + "-source-latency", Output.tuple(instance.replicationInstanceId(),
                                task.replicationTaskId())
                        .applyValue(t -> Map.of("ReplicationInstanceIdentifier", t.t1, "ReplicationTaskIdentifier", t.t2)),
                        topic, tags, this));
        return List.of(task.replicationTaskArn(), task.replicationTaskId());
    }

    private Role dmsRole(String suffix, String description, PolicyDocument access) {
        var role = new Role(name + "-" + suffix, RoleArgs.builder()
                .description(description)
                .assumeRolePolicy(PolicyDocument.of(PolicyStatement.allow().sid("AssumedByDms")
                        .servicePrincipal("dms.amazonaws.com")
                        .servicePrincipal(Output.format("dms.%s.amazonaws.com", account.region()))
                        .actions("sts:AssumeRole")
                        .trust()
                        .condition("StringEquals", "aws:SourceAccount", account.accountId())
                        .build()).toJson())
                .tags(ResourceTags.named(tags, name + "-" + suffix))
                .build(), child);
        InlinePolicy.attach(name + "-" + suffix + "-access", role, access, this);
        return role;
    }

    private void egress(String suffix, int port, Output<String> toSecurityGroup, Output<String> toCidr) {
        var rule = SecurityGroupEgressRuleArgs.builder()
                .securityGroupId(securityGroupId)
                .description("Change capture " + name + " " + suffix.replace('-', ' '))
                .ipProtocol("tcp").fromPort(port).toPort(port)
                .tags(ResourceTags.named(tags, name + "-" + suffix));
        if (toSecurityGroup != null) {
            rule.referencedSecurityGroupId(toSecurityGroup);
        } else {
            rule.cidrIpv4(toCidr);
        }
        new SecurityGroupEgressRule(name + "-" + suffix, rule.build(), child);
    }
}
