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
 * Inputs of {@link ChangeCapture}. The event stream and the database are taken as plain outputs (set them with
 * {@link Builder#eventStream(EventStream)} and {@link Builder#database(SourceDatabase)}), so the package schema stays
 * simple. Every option documents its default; the default lives in a {@code DEFAULT_} constant on
 * {@link ChangeCapture}.
 */
public class ChangeCaptureArgs extends ResourceArgs implements Cloneable {
    @Import(name = "tags", required = true)
    private Map<String, String> tags;
    @Import(name = "environment", required = true)
    private String environment;
    @Import(name = "streamKind", required = true)
    private String streamKind;
    @Import(name = "streamArn")
    private Output<String> streamArn;
    @Import(name = "clusterArn")
    private Output<String> clusterArn;
    @Import(name = "bootstrapBrokersSaslIam")
    private Output<String> bootstrapBrokersSaslIam;
    @Import(name = "streamSecurityGroupId")
    private Output<String> streamSecurityGroupId;
    @Import(name = "streamKmsKeyArn", required = true)
    private Output<String> streamKmsKeyArn;
    @Import(name = "topicName")
    private String topicName;
    @Import(name = "topicPartitions")
    private Integer topicPartitions;
    @Import(name = "topicRetentionHours")
    private Integer topicRetentionHours;
    @Import(name = "topicReplicationFactor")
    private Output<Integer> topicReplicationFactor;
    @Import(name = "databaseAddress", required = true)
    private Output<String> databaseAddress;
    @Import(name = "databasePort", required = true)
    private Output<Integer> databasePort;
    @Import(name = "databaseName", required = true)
    private Output<String> databaseName;
    @Import(name = "databaseSecretArn", required = true)
    private Output<String> databaseSecretArn;
    @Import(name = "databaseSecretKmsKeyArn")
    private Output<String> databaseSecretKmsKeyArn;
    @Import(name = "databaseSecurityGroupId", required = true)
    private Output<String> databaseSecurityGroupId;
    @Import(name = "vpcId", required = true)
    private Output<String> vpcId;
    @Import(name = "subnetIds", required = true)
    private Output<List<String>> subnetIds;
    @Import(name = "vpcCidr", required = true)
    private Output<String> vpcCidr;
    @Import(name = "tableIncludeList")
    private List<String> tableIncludeList;
    @Import(name = "publicationName")
    private String publicationName;
    @Import(name = "slotName")
    private String slotName;
    @Import(name = "topicPrefix")
    private String topicPrefix;
    @Import(name = "heartbeatIntervalMs")
    private Integer heartbeatIntervalMs;
    @Import(name = "snapshotMode")
    private String snapshotMode;
    @Import(name = "alarmTopicArn")
    private Output<String> alarmTopicArn;
    @Import(name = "logRetentionDays")
    private Integer logRetentionDays;
    @Import(name = "pluginArchivePath")
    private String pluginArchivePath;
    @Import(name = "pluginArchiveSha256")
    private String pluginArchiveSha256;
    @Import(name = "kafkaConnectVersion")
    private String kafkaConnectVersion;
    @Import(name = "autoscaling")
    private Boolean autoscaling;
    @Import(name = "mcuCount")
    private Integer mcuCount;
    @Import(name = "workerCount")
    private Integer workerCount;
    @Import(name = "minWorkers")
    private Integer minWorkers;
    @Import(name = "maxWorkers")
    private Integer maxWorkers;
    @Import(name = "scaleInCpuPercent")
    private Integer scaleInCpuPercent;
    @Import(name = "scaleOutCpuPercent")
    private Integer scaleOutCpuPercent;
    @Import(name = "dmsMode")
    private String dmsMode;
    @Import(name = "dmsMinCapacityUnits")
    private Integer dmsMinCapacityUnits;
    @Import(name = "dmsMaxCapacityUnits")
    private Integer dmsMaxCapacityUnits;
    @Import(name = "dmsInstanceClass")
    private String dmsInstanceClass;

    public ChangeCaptureArgs() {
    }

    public static Builder builder() {
        return new Builder(new ChangeCaptureArgs());
    }

    /** A builder starting from these arguments (for a composing component that adds the wiring). */
    public Builder toBuilder() {
        try {
            return new Builder((ChangeCaptureArgs) clone());
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

    public String streamKind() {
        return streamKind;
    }

    public boolean isMsk() {
        return EventStream.KIND_MSK.equals(streamKind);
    }

    public Output<String> streamArn() {
        return streamArn;
    }

    public Output<String> clusterArn() {
        return clusterArn;
    }

    public Output<String> bootstrapBrokersSaslIam() {
        return bootstrapBrokersSaslIam;
    }

    public Output<String> streamSecurityGroupId() {
        return streamSecurityGroupId;
    }

    public Output<String> streamKmsKeyArn() {
        return streamKmsKeyArn;
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

    public Output<Integer> topicReplicationFactor() {
        return topicReplicationFactor;
    }

    public Output<String> databaseAddress() {
        return databaseAddress;
    }

    public Output<Integer> databasePort() {
        return databasePort;
    }

    public Output<String> databaseName() {
        return databaseName;
    }

    public Output<String> databaseSecretArn() {
        return databaseSecretArn;
    }

    public Optional<Output<String>> databaseSecretKmsKeyArn() {
        return Optional.ofNullable(databaseSecretKmsKeyArn);
    }

    public Output<String> databaseSecurityGroupId() {
        return databaseSecurityGroupId;
    }

    public Output<String> vpcId() {
        return vpcId;
    }

    public Output<List<String>> subnetIds() {
        return subnetIds;
    }

    public Output<String> vpcCidr() {
        return vpcCidr;
    }

    public List<String> tableIncludeList() {
        return or(tableIncludeList, ChangeCapture.DEFAULT_TABLE_INCLUDE_LIST);
    }

    public String publicationName() {
        return or(publicationName, ChangeCapture.DEFAULT_PUBLICATION_NAME);
    }

    public String slotName() {
        return or(slotName, ChangeCapture.DEFAULT_SLOT_NAME);
    }

    public String topicPrefix() {
        return or(topicPrefix, ChangeCapture.DEFAULT_TOPIC_PREFIX);
    }

    public int heartbeatIntervalMs() {
        return or(heartbeatIntervalMs, ChangeCapture.DEFAULT_HEARTBEAT_INTERVAL_MS);
    }

    public String snapshotMode() {
        return or(snapshotMode, ChangeCapture.DEFAULT_SNAPSHOT_MODE);
    }

    public Optional<Output<String>> alarmTopicArn() {
        return Optional.ofNullable(alarmTopicArn);
    }

    public int logRetentionDays() {
        return or(logRetentionDays, ChangeCapture.DEFAULT_LOG_RETENTION_DAYS);
    }

    public String pluginArchivePath() {
        return pluginArchivePath;
    }

    public String pluginArchiveSha256() {
        return pluginArchiveSha256;
    }

    public String kafkaConnectVersion() {
        return or(kafkaConnectVersion, ChangeCapture.DEFAULT_KAFKA_CONNECT_VERSION);
    }

    public boolean autoscaling() {
        return or(autoscaling, ChangeCapture.DEFAULT_AUTOSCALING);
    }

    public int mcuCount() {
        return or(mcuCount, ChangeCapture.DEFAULT_MCU_COUNT);
    }

    public int workerCount() {
        return or(workerCount, ChangeCapture.DEFAULT_WORKER_COUNT);
    }

    public int minWorkers() {
        return or(minWorkers, ChangeCapture.DEFAULT_MIN_WORKERS);
    }

    public int maxWorkers() {
        return or(maxWorkers, ChangeCapture.DEFAULT_MAX_WORKERS);
    }

    public int scaleInCpuPercent() {
        return or(scaleInCpuPercent, ChangeCapture.DEFAULT_SCALE_IN_CPU_PERCENT);
    }

    public int scaleOutCpuPercent() {
        return or(scaleOutCpuPercent, ChangeCapture.DEFAULT_SCALE_OUT_CPU_PERCENT);
    }

    public String dmsMode() {
        return or(dmsMode, ChangeCapture.DEFAULT_DMS_MODE);
    }

    public int dmsMinCapacityUnits() {
        return or(dmsMinCapacityUnits, ChangeCapture.DEFAULT_DMS_MIN_CAPACITY_UNITS);
    }

    public int dmsMaxCapacityUnits() {
        return or(dmsMaxCapacityUnits, ChangeCapture.DEFAULT_DMS_MAX_CAPACITY_UNITS);
    }

    public String dmsInstanceClass() {
        return or(dmsInstanceClass, ChangeCapture.DEFAULT_DMS_INSTANCE_CLASS);
    }

    private static <T> T or(T value, T defaultValue) {
        return value == null ? defaultValue : value;
    }

    /** Checks every option and the wiring, listing all problems in one message. */
    public ChangeCaptureArgs validate() {
        return validate(true);
    }

    private ChangeCaptureArgs validate(boolean wiring) {
        var identifier = "[a-z_][a-z0-9_]{0,62}";
        var problems = new Problems("ChangeCaptureArgs")
                .check("", () -> ResourceTags.require("ChangeCapture", tags))
                .check("", () -> EnvironmentName.require("ChangeCapture", environment))
                .require(!tableIncludeList().isEmpty() && tableIncludeList().stream().allMatch(t -> t.matches(
                                "[a-z_][a-z0-9_]*\\.[a-z_][a-z0-9_]*")),
                        () -> "tableIncludeList must list schema.table names, was " + tableIncludeList())
                .require(publicationName().matches(identifier),
                        () -> "publicationName must be a PostgreSQL identifier, was '" + publicationName() + "'")
                .require(slotName().matches(identifier),
                        () -> "slotName must be 1-63 of a-z, 0-9, '_', was '" + slotName() + "'")
                .require(topicPrefix().matches("[a-zA-Z0-9_-]+"),
                        () -> "topicPrefix must be letters, digits, '_' or '-', was '" + topicPrefix() + "'")
                .require(heartbeatIntervalMs() >= 1000,
                        () -> "heartbeatIntervalMs must be at least 1000, was " + heartbeatIntervalMs())
                .require(ChangeCapture.SNAPSHOT_MODES.contains(snapshotMode()),
                        () -> "snapshotMode must be one of " + ChangeCapture.SNAPSHOT_MODES + ", was '" + snapshotMode() + "'")
                .check("", () -> LogRetention.require("ChangeCapture", logRetentionDays()))
                .require(mcuCount() == 1 || mcuCount() == 2 || mcuCount() == 4 || mcuCount() == 8,
                        () -> "mcuCount must be 1, 2, 4 or 8, was " + mcuCount())
                .require(workerCount() >= 1 && workerCount() <= 10, () -> "workerCount must be 1-10, was " + workerCount())
                .require(minWorkers() >= 1 && maxWorkers() >= minWorkers() && maxWorkers() <= 10,
                        () -> "workers must satisfy 1 <= minWorkers <= maxWorkers <= 10, was " + minWorkers() + ".."
                                + maxWorkers())
                .require(scaleInCpuPercent() >= 1 && scaleInCpuPercent() < scaleOutCpuPercent()
                                && scaleOutCpuPercent() <= 100,
                        () -> "scale-in CPU % must be below scale-out CPU %, both 1-100, was " + scaleInCpuPercent()
                                + "/" + scaleOutCpuPercent())
                .require(ChangeCapture.DMS_MODES.contains(dmsMode()),
                        () -> "dmsMode must be one of " + ChangeCapture.DMS_MODES + ", was '" + dmsMode() + "'")
                .require(dmsMinCapacityUnits() >= 1 && dmsMaxCapacityUnits() >= dmsMinCapacityUnits(),
                        () -> "DMS capacity units must satisfy 1 <= min <= max, was " + dmsMinCapacityUnits() + ".."
                                + dmsMaxCapacityUnits())
                .require(dmsInstanceClass().matches("dms\\.[a-z0-9]+\\.[a-z0-9]+"),
                        () -> "dmsInstanceClass must look like dms.t3.micro, was '" + dmsInstanceClass() + "'");
        if (wiring) {
            problems.require(streamKind != null && EventStream.KINDS.contains(streamKind),
                            () -> "the event stream is required (builder.eventStream(stream)); streamKind was " + streamKind)
                    .require(streamKmsKeyArn != null, () -> "streamKmsKeyArn is required (builder.eventStream(stream))")
                    .require(databaseAddress != null && databasePort != null && databaseName != null
                                    && databaseSecretArn != null && databaseSecurityGroupId != null,
                            () -> "the database is required (builder.database(sourceDatabase))")
                    .require(vpcId != null && subnetIds != null && vpcCidr != null,
                            () -> "vpcId, subnetIds and vpcCidr are required (e.g. network.vpcId, network.privateSubnetIds, "
                                    + "network.vpcCidr)");
            if (isMsk()) {
                problems.require(clusterArn != null && bootstrapBrokersSaslIam != null && streamSecurityGroupId != null
                                        && topicReplicationFactor != null,
                                () -> "an msk stream needs clusterArn, bootstrapBrokersSaslIam, streamSecurityGroupId and "
                                        + "topicReplicationFactor (builder.eventStream(stream))")
                        .require(pluginArchivePath != null && pluginArchiveSha256 != null,
                                () -> "pluginArchivePath and pluginArchiveSha256 are required for msk: the zip with Debezium "
                                        + ChangeCapture.DEBEZIUM_VERSION + " and the Secrets Manager config provider (connect module)")
                        .require(tableIncludeList().size() != 1
                                        || topicName().equals(topicPrefix() + "." + tableIncludeList().get(0)),
                                () -> "the stream's topic '" + topicName() + "' must be Debezium's topic for the table: '"
                                        + topicPrefix() + "." + tableIncludeList().get(0) + "' (topicPrefix.schema.table)");
            } else if (EventStream.KIND_KINESIS.equals(streamKind)) {
                problems.require(streamArn != null, () -> "a kinesis stream needs streamArn (builder.eventStream(stream))");
            }
        }
        problems.throwIfAny();
        return this;
    }

    public static final class Builder {
        private final ChangeCaptureArgs args;

        private Builder(ChangeCaptureArgs args) {
            this.args = args;
        }

        /** Tags for every resource; must contain environment, project, owner and cost-center. Required. */
        public Builder tags(Map<String, String> tags) {
            args.tags = tags;
            return this;
        }

        /** Environment name used in resource names. Required. */
        public Builder environment(String environment) {
            args.environment = environment;
            return this;
        }

        /** The stream to capture into: its kind, ARNs, brokers, security group, key and topic settings. Required. */
        public Builder eventStream(EventStream stream) {
            args.streamKind = stream.kind();
            args.streamArn = stream.streamArn;
            args.clusterArn = stream.clusterArn;
            args.bootstrapBrokersSaslIam = stream.bootstrapBrokersSaslIam;
            args.streamSecurityGroupId = stream.securityGroupId;
            args.streamKmsKeyArn = stream.kmsKeyArn;
            args.topicName = stream.topic();
            args.topicPartitions = stream.topicPartitions();
            args.topicRetentionHours = stream.topicRetentionHours();
            args.topicReplicationFactor = stream.topicReplicationFactor();
            return this;
        }

        /** The source database as outputs (a {@link SourceDatabase}'s, or any PostgreSQL's). Required. */
        public Builder database(Output<String> address, Output<Integer> port, Output<String> databaseName,
                                Output<String> masterSecretArn, Output<String> securityGroupId) {
            args.databaseAddress = address;
            args.databasePort = port;
            args.databaseName = databaseName;
            args.databaseSecretArn = masterSecretArn;
            args.databaseSecurityGroupId = securityGroupId;
            return this;
        }

        /** The source database, including the key its master secret is encrypted with. */
        public Builder database(SourceDatabase database) {
            args.databaseSecretKmsKeyArn = database.kmsKeyArn;
            return database(database.address, database.port, database.databaseName, database.masterSecretArn,
                    database.securityGroupId);
        }

        /** KMS key of the database secret, so the readers may decrypt it. Default: none (aws/secretsmanager). */
        public Builder databaseSecretKmsKeyArn(Output<String> keyArn) {
            args.databaseSecretKmsKeyArn = keyArn;
            return this;
        }

        /** The VPC of the connector's / replication's security group. Required. */
        public Builder vpcId(Output<String> vpcId) {
            args.vpcId = vpcId;
            return this;
        }

        /** Private subnets for the connector workers or the replication. Required. */
        public Builder subnetIds(Output<List<String>> subnetIds) {
            args.subnetIds = subnetIds;
            return this;
        }

        /** The VPC CIDR: HTTPS egress to the AWS API endpoints stays inside it. Required. */
        public Builder vpcCidr(Output<String> cidr) {
            args.vpcCidr = cidr;
            return this;
        }

        /** Tables to capture, {@code schema.table}. Default {@link ChangeCapture#DEFAULT_TABLE_INCLUDE_LIST}. */
        public Builder tableIncludeList(List<String> tables) {
            args.tableIncludeList = tables;
            return this;
        }

        /** PostgreSQL publication (Debezium). Default {@value ChangeCapture#DEFAULT_PUBLICATION_NAME}. */
        public Builder publicationName(String name) {
            args.publicationName = name;
            return this;
        }

        /** Replication slot (Debezium). Default {@value ChangeCapture#DEFAULT_SLOT_NAME}. */
        public Builder slotName(String name) {
            args.slotName = name;
            return this;
        }

        /** Debezium topic prefix: topics are {@code <prefix>.<schema>.<table>}. Default {@value ChangeCapture#DEFAULT_TOPIC_PREFIX}. */
        public Builder topicPrefix(String prefix) {
            args.topicPrefix = prefix;
            return this;
        }

        /** Heartbeat interval, ms. Default {@value ChangeCapture#DEFAULT_HEARTBEAT_INTERVAL_MS}. */
        public Builder heartbeatIntervalMs(int milliseconds) {
            args.heartbeatIntervalMs = milliseconds;
            return this;
        }

        /** Debezium snapshot mode (DMS: initial = full load + CDC). Default {@value ChangeCapture#DEFAULT_SNAPSHOT_MODE}. */
        public Builder snapshotMode(String mode) {
            args.snapshotMode = mode;
            return this;
        }

        /** SNS topic for alarms. Default: no alarms. */
        public Builder alarmTopicArn(Output<String> topicArn) {
            args.alarmTopicArn = topicArn;
            return this;
        }

        /** Days connector logs are kept. Default {@value ChangeCapture#DEFAULT_LOG_RETENTION_DAYS}. */
        public Builder logRetentionDays(int days) {
            args.logRetentionDays = days;
            return this;
        }

        /** MSK: the plugin zip (Debezium {@value ChangeCapture#DEBEZIUM_VERSION} + the config provider; module connect). Required for msk. */
        public Builder pluginArchivePath(String path) {
            args.pluginArchivePath = path;
            return this;
        }

        /** MSK: SHA-256 of the plugin zip; a new value uploads a new object and replaces the plugin. Required for msk. */
        public Builder pluginArchiveSha256(String sha256) {
            args.pluginArchiveSha256 = sha256;
            return this;
        }

        /** MSK: the MSK Connect (Apache Kafka Connect) version. Default {@value ChangeCapture#DEFAULT_KAFKA_CONNECT_VERSION}. */
        public Builder kafkaConnectVersion(String version) {
            args.kafkaConnectVersion = version;
            return this;
        }

        /** MSK: autoscaled workers (prod) instead of a fixed count (dev). Default {@value ChangeCapture#DEFAULT_AUTOSCALING}. */
        public Builder autoscaling(boolean autoscaling) {
            args.autoscaling = autoscaling;
            return this;
        }

        /** MSK: MSK Connect units per worker (1, 2, 4, 8). Default {@value ChangeCapture#DEFAULT_MCU_COUNT}. */
        public Builder mcuCount(int mcu) {
            args.mcuCount = mcu;
            return this;
        }

        /** MSK, fixed capacity: workers. Default {@value ChangeCapture#DEFAULT_WORKER_COUNT}. */
        public Builder workerCount(int workers) {
            args.workerCount = workers;
            return this;
        }

        /** MSK, autoscaling: fewest workers. Default {@value ChangeCapture#DEFAULT_MIN_WORKERS}. */
        public Builder minWorkers(int workers) {
            args.minWorkers = workers;
            return this;
        }

        /** MSK, autoscaling: most workers. Default {@value ChangeCapture#DEFAULT_MAX_WORKERS}. */
        public Builder maxWorkers(int workers) {
            args.maxWorkers = workers;
            return this;
        }

        /** MSK, autoscaling: scale in below this CPU %. Default {@value ChangeCapture#DEFAULT_SCALE_IN_CPU_PERCENT}. */
        public Builder scaleInCpuPercent(int percent) {
            args.scaleInCpuPercent = percent;
            return this;
        }

        /** MSK, autoscaling: scale out above this CPU %. Default {@value ChangeCapture#DEFAULT_SCALE_OUT_CPU_PERCENT}. */
        public Builder scaleOutCpuPercent(int percent) {
            args.scaleOutCpuPercent = percent;
            return this;
        }

        /** Kinesis: {@code instance} (replication instance + task) or {@code serverless}. Default {@value ChangeCapture#DEFAULT_DMS_MODE}. */
        public Builder dmsMode(String mode) {
            args.dmsMode = mode;
            return this;
        }

        /** Kinesis, DMS Serverless: fewest capacity units. Default {@value ChangeCapture#DEFAULT_DMS_MIN_CAPACITY_UNITS}. */
        public Builder dmsMinCapacityUnits(int units) {
            args.dmsMinCapacityUnits = units;
            return this;
        }

        /** Kinesis, DMS Serverless: most capacity units. Default {@value ChangeCapture#DEFAULT_DMS_MAX_CAPACITY_UNITS}. */
        public Builder dmsMaxCapacityUnits(int units) {
            args.dmsMaxCapacityUnits = units;
            return this;
        }

        /** Kinesis, DMS instance: the instance class. Default {@value ChangeCapture#DEFAULT_DMS_INSTANCE_CLASS}. */
        public Builder dmsInstanceClass(String instanceClass) {
            args.dmsInstanceClass = instanceClass;
            return this;
        }

        /** Builds and validates the arguments, the wiring included. */
        public ChangeCaptureArgs build() {
            return args.validate(true);
        }

        /** Builds and validates the options only; {@link StreamingLakehouse} adds the stream, database and network. */
        public ChangeCaptureArgs buildSettings() {
            return args.validate(false);
        }
    }
}
