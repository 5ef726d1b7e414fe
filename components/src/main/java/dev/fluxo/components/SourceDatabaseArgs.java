package dev.fluxo.components;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import dev.fluxo.components.validation.Problems;
import dev.fluxo.components.naming.EnvironmentName;
import dev.fluxo.components.naming.ResourceTags;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Inputs of {@link SourceDatabase}. Every option documents its default; the default lives in a
 * {@code DEFAULT_} constant on {@link SourceDatabase}.
 */
public class SourceDatabaseArgs extends ResourceArgs implements Cloneable {
    @Import(name = "tags", required = true)
    private Map<String, String> tags;
    @Import(name = "environment", required = true)
    private String environment;
    @Import(name = "vpcId", required = true)
    private Output<String> vpcId;
    @Import(name = "subnetIds", required = true)
    private Output<List<String>> subnetIds;
    @Import(name = "vpcCidr")
    private Output<String> vpcCidr;
    @Import(name = "engineVersion")
    private String engineVersion;
    @Import(name = "instanceClass")
    private String instanceClass;
    @Import(name = "allocatedStorageGb")
    private Integer allocatedStorageGb;
    @Import(name = "maxAllocatedStorageGb")
    private Integer maxAllocatedStorageGb;
    @Import(name = "multiAz")
    private Boolean multiAz;
    @Import(name = "deletionProtection")
    private Boolean deletionProtection;
    @Import(name = "backupRetentionDays")
    private Integer backupRetentionDays;
    @Import(name = "performanceInsights")
    private Boolean performanceInsights;
    @Import(name = "maxReplicationSlots")
    private Integer maxReplicationSlots;
    @Import(name = "maxWalSenders")
    private Integer maxWalSenders;
    @Import(name = "walSenderTimeoutMs")
    private Integer walSenderTimeoutMs;
    @Import(name = "databaseName")
    private String databaseName;
    @Import(name = "masterUsername")
    private String masterUsername;
    @Import(name = "protect")
    private Boolean protect;
    @Import(name = "kmsKeyArn")
    private Output<String> kmsKeyArn;
    @Import(name = "alarmTopicArn")
    private Output<String> alarmTopicArn;
    @Import(name = "replicationSlotLagAlarmBytes")
    private Long replicationSlotLagAlarmBytes;
    @Import(name = "transactionLogsDiskAlarmBytes")
    private Long transactionLogsDiskAlarmBytes;
    @Import(name = "freeStorageAlarmBytes")
    private Long freeStorageAlarmBytes;
    @Import(name = "cpuAlarmPercent")
    private Double cpuAlarmPercent;

    public SourceDatabaseArgs() {
    }

    public static Builder builder() {
        return new Builder(new SourceDatabaseArgs());
    }

    /** A builder starting from these arguments (for a composing component that adds the network). */
    public Builder toBuilder() {
        try {
            return new Builder((SourceDatabaseArgs) clone());
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

    public Output<String> vpcId() {
        return vpcId;
    }

    public Output<List<String>> subnetIds() {
        return subnetIds;
    }

    public Optional<Output<String>> vpcCidr() {
        return Optional.ofNullable(vpcCidr);
    }

    public String engineVersion() {
        return or(engineVersion, SourceDatabase.DEFAULT_ENGINE_VERSION);
    }

    public String instanceClass() {
        return or(instanceClass, SourceDatabase.DEFAULT_INSTANCE_CLASS);
    }

    public int allocatedStorageGb() {
        return or(allocatedStorageGb, SourceDatabase.DEFAULT_ALLOCATED_STORAGE_GB);
    }

    public int maxAllocatedStorageGb() {
        return or(maxAllocatedStorageGb, SourceDatabase.DEFAULT_MAX_ALLOCATED_STORAGE_GB);
    }

    public boolean multiAz() {
        return or(multiAz, SourceDatabase.DEFAULT_MULTI_AZ);
    }

    public boolean deletionProtection() {
        return or(deletionProtection, SourceDatabase.DEFAULT_DELETION_PROTECTION);
    }

    public int backupRetentionDays() {
        return or(backupRetentionDays, SourceDatabase.DEFAULT_BACKUP_RETENTION_DAYS);
    }

    public boolean performanceInsights() {
        return or(performanceInsights, SourceDatabase.DEFAULT_PERFORMANCE_INSIGHTS);
    }

    public int maxReplicationSlots() {
        return or(maxReplicationSlots, SourceDatabase.DEFAULT_MAX_REPLICATION_SLOTS);
    }

    public int maxWalSenders() {
        return or(maxWalSenders, SourceDatabase.DEFAULT_MAX_WAL_SENDERS);
    }

    public int walSenderTimeoutMs() {
        return or(walSenderTimeoutMs, SourceDatabase.DEFAULT_WAL_SENDER_TIMEOUT_MS);
    }

    public String databaseName() {
        return or(databaseName, SourceDatabase.DEFAULT_DATABASE_NAME);
    }

    public String masterUsername() {
        return or(masterUsername, SourceDatabase.DEFAULT_MASTER_USERNAME);
    }

    public boolean protect() {
        return or(protect, SourceDatabase.DEFAULT_PROTECT);
    }

    public Optional<Output<String>> kmsKeyArn() {
        return Optional.ofNullable(kmsKeyArn);
    }

    public Optional<Output<String>> alarmTopicArn() {
        return Optional.ofNullable(alarmTopicArn);
    }

    public long replicationSlotLagAlarmBytes() {
        return or(replicationSlotLagAlarmBytes, SourceDatabase.DEFAULT_REPLICATION_SLOT_LAG_ALARM_BYTES);
    }

    public long transactionLogsDiskAlarmBytes() {
        return or(transactionLogsDiskAlarmBytes, SourceDatabase.DEFAULT_TRANSACTION_LOGS_DISK_ALARM_BYTES);
    }

    public long freeStorageAlarmBytes() {
        return or(freeStorageAlarmBytes, SourceDatabase.DEFAULT_FREE_STORAGE_ALARM_BYTES);
    }

    public double cpuAlarmPercent() {
        return or(cpuAlarmPercent, SourceDatabase.DEFAULT_CPU_ALARM_PERCENT);
    }

    private static <T> T or(T value, T defaultValue) {
        return value == null ? defaultValue : value;
    }

    /** Checks every option and the network wiring, listing all problems in one message. */
    public SourceDatabaseArgs validate() {
        return validate(true);
    }

    private SourceDatabaseArgs validate(boolean wiring) {
        var identifier = "[a-z][a-z0-9_]{0,62}";
        new Problems("SourceDatabaseArgs")
                .check("", () -> ResourceTags.require("SourceDatabase", tags))
                .check("", () -> EnvironmentName.require("SourceDatabase", environment))
                .require(!wiring || vpcId != null, () -> "vpcId is required (e.g. network.vpcId)")
                .require(!wiring || subnetIds != null,
                        () -> "subnetIds is required: private subnets in at least two AZs (e.g. network.privateSubnetIds)")
                .require(SourceDatabase.SUPPORTED_ENGINE_VERSIONS.contains(engineVersion()),
                        () -> "engineVersion must be one of " + SourceDatabase.SUPPORTED_ENGINE_VERSIONS
                                + " (major version; RDS picks the minor), was '" + engineVersion() + "'")
                .require(instanceClass().matches("db\\.[a-z0-9]+\\.[a-z0-9]+"),
                        () -> "instanceClass must look like db.t4g.micro, was '" + instanceClass() + "'")
                .require(allocatedStorageGb() >= SourceDatabase.MIN_ALLOCATED_STORAGE_GB,
                        () -> "allocatedStorageGb must be at least " + SourceDatabase.MIN_ALLOCATED_STORAGE_GB
                                + " (gp3 minimum), was " + allocatedStorageGb())
                .require(maxAllocatedStorageGb() >= allocatedStorageGb(),
                        () -> "maxAllocatedStorageGb (" + maxAllocatedStorageGb() + ") must be at least allocatedStorageGb ("
                                + allocatedStorageGb() + ")")
                .require(backupRetentionDays() >= 1 && backupRetentionDays() <= 35,
                        () -> "backupRetentionDays must be 1-35 (backups are not optional), was " + backupRetentionDays())
                .require(maxReplicationSlots() >= 1,
                        () -> "maxReplicationSlots must be at least 1 (CDC needs a slot), was " + maxReplicationSlots())
                .require(maxWalSenders() >= maxReplicationSlots(),
                        () -> "maxWalSenders (" + maxWalSenders() + ") must be at least maxReplicationSlots ("
                                + maxReplicationSlots() + "): every active slot streams through its own WAL sender")
                .require(walSenderTimeoutMs() >= 0,
                        () -> "walSenderTimeoutMs must be 0 (never) or positive, was " + walSenderTimeoutMs())
                .require(databaseName().matches(identifier),
                        () -> "databaseName must be 1-63 of a-z, 0-9, '_' starting with a letter, was '" + databaseName() + "'")
                .require(masterUsername().matches(identifier) && !List.of("rdsadmin", "postgres").contains(masterUsername()),
                        () -> "masterUsername must be 1-63 of a-z, 0-9, '_' starting with a letter and not a reserved "
                                + "name, was '" + masterUsername() + "'")
                .require(replicationSlotLagAlarmBytes() > 0 && transactionLogsDiskAlarmBytes() > 0
                        && freeStorageAlarmBytes() > 0, () -> "alarm byte thresholds must be positive")
                .require(cpuAlarmPercent() > 0 && cpuAlarmPercent() <= 100,
                        () -> "cpuAlarmPercent must be in (0, 100], was " + cpuAlarmPercent())
                .throwIfAny();
        return this;
    }

    public static final class Builder {
        private final SourceDatabaseArgs args;

        private Builder(SourceDatabaseArgs args) {
            this.args = args;
        }

        /** Tags for every resource; must contain environment, project, owner and cost-center. Required. */
        public Builder tags(Map<String, String> tags) {
            args.tags = tags;
            return this;
        }

        /** Environment name used in identifiers (1-10 of a-z, 0-9, '-'). Required. */
        public Builder environment(String environment) {
            args.environment = environment;
            return this;
        }

        /** The VPC of the database's security group. Required. */
        public Builder vpcId(Output<String> vpcId) {
            args.vpcId = vpcId;
            return this;
        }

        /** Private subnets (at least two AZs) for the DB subnet group. Required. */
        public Builder subnetIds(Output<List<String>> subnetIds) {
            args.subnetIds = subnetIds;
            return this;
        }

        /**
         * When set, clients anywhere in this CIDR may connect on 5432 (TLS and credentials still required). Default:
         * no CIDR ingress; use {@link SourceDatabase#allowConnectionsFrom}.
         */
        public Builder vpcCidr(Output<String> vpcCidr) {
            args.vpcCidr = vpcCidr;
            return this;
        }

        /**
         * PostgreSQL major version, 16 or 17 (parameter group family postgres16/postgres17). Default
         * {@value SourceDatabase#DEFAULT_ENGINE_VERSION}.
         */
        public Builder engineVersion(String engineVersion) {
            args.engineVersion = engineVersion;
            return this;
        }

        /** The RDS instance class. Default {@value SourceDatabase#DEFAULT_INSTANCE_CLASS}. */
        public Builder instanceClass(String instanceClass) {
            args.instanceClass = instanceClass;
            return this;
        }

        /** Initial gp3 storage in GiB (at least 20). Default {@value SourceDatabase#DEFAULT_ALLOCATED_STORAGE_GB}. */
        public Builder allocatedStorageGb(int gigabytes) {
            args.allocatedStorageGb = gigabytes;
            return this;
        }

        /** Storage autoscaling ceiling in GiB. Default {@value SourceDatabase#DEFAULT_MAX_ALLOCATED_STORAGE_GB}. */
        public Builder maxAllocatedStorageGb(int gigabytes) {
            args.maxAllocatedStorageGb = gigabytes;
            return this;
        }

        /** A synchronous standby in another AZ (prod). Default {@value SourceDatabase#DEFAULT_MULTI_AZ}. */
        public Builder multiAz(boolean multiAz) {
            args.multiAz = multiAz;
            return this;
        }

        /**
         * Refuse deletion, and take a final snapshot when deleted anyway (prod). Default
         * {@value SourceDatabase#DEFAULT_DELETION_PROTECTION}.
         */
        public Builder deletionProtection(boolean deletionProtection) {
            args.deletionProtection = deletionProtection;
            return this;
        }

        /** Days of automated backups (1-35). Default {@value SourceDatabase#DEFAULT_BACKUP_RETENTION_DAYS}. */
        public Builder backupRetentionDays(int days) {
            args.backupRetentionDays = days;
            return this;
        }

        /**
         * Performance Insights with the 7-day free retention, encrypted with the key. Default
         * {@value SourceDatabase#DEFAULT_PERFORMANCE_INSIGHTS}.
         */
        public Builder performanceInsights(boolean enabled) {
            args.performanceInsights = enabled;
            return this;
        }

        /** {@code max_replication_slots}. Default {@value SourceDatabase#DEFAULT_MAX_REPLICATION_SLOTS}. */
        public Builder maxReplicationSlots(int slots) {
            args.maxReplicationSlots = slots;
            return this;
        }

        /**
         * {@code max_wal_senders} (at least maxReplicationSlots). Default
         * {@value SourceDatabase#DEFAULT_MAX_WAL_SENDERS}.
         */
        public Builder maxWalSenders(int senders) {
            args.maxWalSenders = senders;
            return this;
        }

        /** {@code wal_sender_timeout} in ms. Default {@value SourceDatabase#DEFAULT_WAL_SENDER_TIMEOUT_MS}. */
        public Builder walSenderTimeoutMs(int milliseconds) {
            args.walSenderTimeoutMs = milliseconds;
            return this;
        }

        /** The database created on the instance. Default {@value SourceDatabase#DEFAULT_DATABASE_NAME}. */
        public Builder databaseName(String name) {
            args.databaseName = name;
            return this;
        }

        /**
         * The master user; its password is generated by RDS into Secrets Manager. Default
         * {@value SourceDatabase#DEFAULT_MASTER_USERNAME}.
         */
        public Builder masterUsername(String username) {
            args.masterUsername = username;
            return this;
        }

        /** Pulumi {@code protect} on the instance (prod). Default {@value SourceDatabase#DEFAULT_PROTECT}. */
        public Builder protect(boolean protect) {
            args.protect = protect;
            return this;
        }

        /**
         * KMS key for storage, the master secret and Performance Insights. Default: the component creates one with
         * rotation.
         */
        public Builder kmsKeyArn(Output<String> kmsKeyArn) {
            args.kmsKeyArn = kmsKeyArn;
            return this;
        }

        /** SNS topic for alarms. Default: no alarms are created. */
        public Builder alarmTopicArn(Output<String> topicArn) {
            args.alarmTopicArn = topicArn;
            return this;
        }

        /**
         * Alarm when the oldest replication slot retains more WAL than this. Default 1 GiB
         * ({@link SourceDatabase#DEFAULT_REPLICATION_SLOT_LAG_ALARM_BYTES}).
         */
        public Builder replicationSlotLagAlarmBytes(long bytes) {
            args.replicationSlotLagAlarmBytes = bytes;
            return this;
        }

        /**
         * Alarm when WAL files use more disk than this. Default 2 GiB
         * ({@link SourceDatabase#DEFAULT_TRANSACTION_LOGS_DISK_ALARM_BYTES}).
         */
        public Builder transactionLogsDiskAlarmBytes(long bytes) {
            args.transactionLogsDiskAlarmBytes = bytes;
            return this;
        }

        /**
         * Alarm when free storage falls below this. Default 2 GiB
         * ({@link SourceDatabase#DEFAULT_FREE_STORAGE_ALARM_BYTES}).
         */
        public Builder freeStorageAlarmBytes(long bytes) {
            args.freeStorageAlarmBytes = bytes;
            return this;
        }

        /**
         * Alarm when average CPU exceeds this percentage. Default {@value SourceDatabase#DEFAULT_CPU_ALARM_PERCENT}.
         */
        public Builder cpuAlarmPercent(double percent) {
            args.cpuAlarmPercent = percent;
            return this;
        }

        /** Builds and validates the arguments. */
        public SourceDatabaseArgs build() {
            return args.validate(true);
        }

        /** Builds and validates the options only; {@link StreamingLakehouse} adds vpcId and subnetIds. */
        public SourceDatabaseArgs buildSettings() {
            return args.validate(false);
        }
    }
}
