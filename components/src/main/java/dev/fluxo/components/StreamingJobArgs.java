package dev.fluxo.components;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import dev.fluxo.components.naming.EnvironmentName;
import dev.fluxo.components.naming.ResourceTags;
import dev.fluxo.components.network.LogRetention;
import dev.fluxo.components.jobs.WorkerSize;
import dev.fluxo.components.validation.Problems;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Inputs of {@link StreamingJob}. Every option documents its default; the default lives in a {@code DEFAULT_}
 * constant on {@link StreamingJob}.
 */
public class StreamingJobArgs extends ResourceArgs implements Cloneable {
    @Import(name = "maintenanceSchedule")
    private String maintenanceSchedule;
    @Import(name = "snapshotRetention")
    private String snapshotRetention;
    @Import(name = "tags", required = true)
    private Map<String, String> tags;
    @Import(name = "environment", required = true)
    private String environment;
    @Import(name = "jobJarPath", required = true)
    private String jobJarPath;
    @Import(name = "jobJarSha256", required = true)
    private String jobJarSha256;
    @Import(name = "mainClass")
    private String mainClass;
    @Import(name = "sparkSubmitParameters")
    private String sparkSubmitParameters;
    @Import(name = "releaseLabel")
    private String releaseLabel;
    @Import(name = "idleTimeoutMinutes")
    private Integer idleTimeoutMinutes;
    @Import(name = "maximumVcpu")
    private Integer maximumVcpu;
    @Import(name = "maximumMemoryGb")
    private Integer maximumMemoryGb;
    @Import(name = "workerVcpu")
    private Integer workerVcpu;
    @Import(name = "workerMemoryGb")
    private Integer workerMemoryGb;
    @Import(name = "vpcId")
    private Output<String> vpcId;
    @Import(name = "subnetIds")
    private Output<List<String>> subnetIds;
    @Import(name = "mode")
    private String mode;
    @Import(name = "scheduleMinutes")
    private Integer scheduleMinutes;
    @Import(name = "runTimeoutMinutes")
    private Integer runTimeoutMinutes;
    @Import(name = "maxRestarts")
    private Integer maxRestarts;
    @Import(name = "restartBackoffSeconds")
    private Integer restartBackoffSeconds;
    @Import(name = "checkpointLocation", required = true)
    private Output<String> checkpointLocation;
    @Import(name = "jobArguments")
    private Output<List<String>> jobArguments;
    @Import(name = "kmsKeyArn")
    private Output<String> kmsKeyArn;
    @Import(name = "alarmTopicArn")
    private Output<String> alarmTopicArn;
    @Import(name = "logRetentionDays")
    private Integer logRetentionDays;

    public StreamingJobArgs() {
    }

    public static Builder builder() {
        return new Builder(new StreamingJobArgs());
    }

    /** A builder starting from these arguments (for a composing component that adds the wiring). */
    public Builder toBuilder() {
        try {
            return new Builder((StreamingJobArgs) clone());
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

    public String jobJarPath() {
        return jobJarPath;
    }

    public String jobJarSha256() {
        return jobJarSha256;
    }

    public String mainClass() {
        return or(mainClass, StreamingJob.DEFAULT_MAIN_CLASS);
    }

    public String sparkSubmitParameters() {
        return or(sparkSubmitParameters, "");
    }

    public String releaseLabel() {
        return or(releaseLabel, StreamingJob.DEFAULT_RELEASE_LABEL);
    }

    public int idleTimeoutMinutes() {
        return or(idleTimeoutMinutes, StreamingJob.DEFAULT_IDLE_TIMEOUT_MINUTES);
    }

    public int maximumVcpu() {
        return or(maximumVcpu, StreamingJob.DEFAULT_MAXIMUM_VCPU);
    }

    public int maximumMemoryGb() {
        return or(maximumMemoryGb, StreamingJob.DEFAULT_MAXIMUM_MEMORY_GB);
    }

    /** The size of each driver and executor worker. */
    public WorkerSize workerSize() {
        return new WorkerSize(or(workerVcpu, WorkerSize.EMR_DEFAULT.vcpu()),
                or(workerMemoryGb, WorkerSize.EMR_DEFAULT.memoryGb()));
    }

    /** The VPC, when the workers run in private subnets. */
    public Optional<Output<String>> vpcId() {
        return Optional.ofNullable(vpcId);
    }

    /** The private subnets the workers run in; empty: outside any VPC (public AWS endpoints only). */
    public Optional<Output<List<String>>> subnetIds() {
        return Optional.ofNullable(subnetIds);
    }

    public String mode() {
        return or(mode, StreamingJob.DEFAULT_MODE);
    }

    public boolean continuous() {
        return StreamingJob.CONTINUOUS.equals(mode());
    }

    public int scheduleMinutes() {
        return or(scheduleMinutes, StreamingJob.DEFAULT_SCHEDULE_MINUTES);
    }

    public int runTimeoutMinutes() {
        return or(runTimeoutMinutes, StreamingJob.DEFAULT_RUN_TIMEOUT_MINUTES);
    }

    public int maxRestarts() {
        return or(maxRestarts, StreamingJob.DEFAULT_MAX_RESTARTS);
    }

    public int restartBackoffSeconds() {
        return or(restartBackoffSeconds, StreamingJob.DEFAULT_RESTART_BACKOFF_SECONDS);
    }

    public Output<String> checkpointLocation() {
        return checkpointLocation;
    }

    /** When table maintenance runs. */
    public String maintenanceSchedule() {
        return maintenanceSchedule == null ? StreamingJob.DEFAULT_MAINTENANCE_SCHEDULE : maintenanceSchedule;
    }

    /** How long table snapshots are kept ({@code 7d}, {@code 48h}). */
    public String snapshotRetention() {
        return snapshotRetention == null ? StreamingJob.DEFAULT_SNAPSHOT_RETENTION : snapshotRetention;
    }

    public Output<List<String>> jobArguments() {
        return jobArguments == null ? Output.of(List.of()) : jobArguments;
    }

    public Optional<Output<String>> kmsKeyArn() {
        return Optional.ofNullable(kmsKeyArn);
    }

    public Optional<Output<String>> alarmTopicArn() {
        return Optional.ofNullable(alarmTopicArn);
    }

    public int logRetentionDays() {
        return or(logRetentionDays, StreamingJob.DEFAULT_LOG_RETENTION_DAYS);
    }

    private static <T> T or(T value, T defaultValue) {
        return value == null ? defaultValue : value;
    }

    /** Checks every option and the wiring, listing all problems in one message. */
    public StreamingJobArgs validate() {
        return validate(true);
    }

    private StreamingJobArgs validate(boolean wiring) {
        var problems = new Problems("StreamingJobArgs")
                .check("", () -> ResourceTags.require("StreamingJob", tags))
                .check("", () -> EnvironmentName.require("StreamingJob", environment))
                .require(jobJarPath != null && !jobJarPath.isBlank(), () -> "jobJarPath is required: the built job jar")
                .require(jobJarSha256 != null && jobJarSha256.matches("[0-9a-fA-F]{16,}|[A-Za-z0-9+/=]{16,}"),
                        () -> "jobJarSha256 is required: the jar's SHA-256 (hex or base64), so a new build restarts the job")
                .require(mainClass().matches("[A-Za-z_$][\\w.$]*"), () -> "mainClass must be a class name, was '"
                        + mainClass() + "'")
                .require(releaseLabel().matches("emr-7\\.\\d+\\.\\d+"),
                        () -> "releaseLabel must be an EMR 7.x release (Spark 3.5) such as emr-7.9.0, was '"
                                + releaseLabel() + "'")
                .require(idleTimeoutMinutes() >= 1, () -> "idleTimeoutMinutes must be at least 1, was " + idleTimeoutMinutes())
                .require(maximumVcpu() >= 1, () -> "maximumVcpu must be at least 1, was " + maximumVcpu())
                .require(maximumMemoryGb() >= 2, () -> "maximumMemoryGb must be at least 2, was " + maximumMemoryGb())
                .require(StreamingJob.MODES.contains(mode()),
                        () -> "mode must be one of " + StreamingJob.MODES + ", was '" + mode() + "'")
                .require(scheduleMinutes() >= 1, () -> "scheduleMinutes must be at least 1, was " + scheduleMinutes())
                .require(runTimeoutMinutes() >= 1, () -> "runTimeoutMinutes must be at least 1, was " + runTimeoutMinutes())
                .require(maxRestarts() >= 0, () -> "maxRestarts must be 0 or more, was " + maxRestarts())
                .require(restartBackoffSeconds() >= 0,
                        () -> "restartBackoffSeconds must be 0 or more, was " + restartBackoffSeconds())
                .check("", () -> LogRetention.require("StreamingJob", logRetentionDays()));
        workerSize().problem().ifPresent(p -> problems.require(false, () -> p));
        problems.require(workerSize().vcpu() <= maximumVcpu() && workerSize().memoryGb() <= maximumMemoryGb(),
                () -> "one worker (" + workerSize().vcpu() + " vCPU, " + workerSize().memoryGb()
                        + " GB) must fit in the maximum capacity (" + maximumVcpu() + " vCPU, " + maximumMemoryGb() + " GB)");
        problems.require((vpcId == null) == (subnetIds == null),
                () -> "vpcId and subnetIds go together (private subnets, e.g. network.privateSubnetIds), or neither");
        if (wiring) {
            problems.require(checkpointLocation != null,
                            () -> "checkpointLocation is required: an s3:// URI in the lakehouse");
        }
        problems.throwIfAny();
        return this;
    }

    public static final class Builder {
        private final StreamingJobArgs args;

        private Builder(StreamingJobArgs args) {
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

        /** Path of the built (shaded) job jar. Required. */
        public Builder jobJarPath(String path) {
            args.jobJarPath = path;
            return this;
        }

        /** SHA-256 of the jar: a new value uploads it under a new key and restarts the job. Required. */
        public Builder jobJarSha256(String sha256) {
            args.jobJarSha256 = sha256;
            return this;
        }

        /** The job's main class. Default {@value StreamingJob#DEFAULT_MAIN_CLASS}. */
        public Builder mainClass(String mainClass) {
            args.mainClass = mainClass;
            return this;
        }

        /** More spark-submit parameters (e.g. {@code --conf spark.executor.memory=4g}). Default none. */
        public Builder sparkSubmitParameters(String parameters) {
            args.sparkSubmitParameters = parameters;
            return this;
        }

        /** EMR release. Default {@value StreamingJob#DEFAULT_RELEASE_LABEL} (Spark 3.5.6). */
        public Builder releaseLabel(String releaseLabel) {
            args.releaseLabel = releaseLabel;
            return this;
        }

        /** Minutes idle before the application stops. Default {@value StreamingJob#DEFAULT_IDLE_TIMEOUT_MINUTES}. */
        public Builder idleTimeoutMinutes(int minutes) {
            args.idleTimeoutMinutes = minutes;
            return this;
        }

        /** Application-wide vCPU ceiling. Default {@value StreamingJob#DEFAULT_MAXIMUM_VCPU}. */
        public Builder maximumVcpu(int vcpu) {
            args.maximumVcpu = vcpu;
            return this;
        }

        /** Application-wide memory ceiling, GB. Default {@value StreamingJob#DEFAULT_MAXIMUM_MEMORY_GB}. */
        public Builder maximumMemoryGb(int gigabytes) {
            args.maximumMemoryGb = gigabytes;
            return this;
        }

        /**
         * vCPUs of each worker (driver and executors): 1, 2, 4, 8 or 16. Default EMR Serverless' own (4); with
         * {@link #workerMemoryGb} it sets {@code spark.driver/executor.cores/memory}.
         */
        public Builder workerVcpu(int vcpu) {
            args.workerVcpu = vcpu;
            return this;
        }

        /** Memory of each worker, GB, in the range EMR Serverless allows for its vCPUs. Default 16. */
        public Builder workerMemoryGb(int gigabytes) {
            args.workerMemoryGb = gigabytes;
            return this;
        }

        /** VPC of the application's security group, with {@link #subnetIds}. Default: outside any VPC. */
        public Builder vpcId(Output<String> vpcId) {
            args.vpcId = vpcId;
            return this;
        }

        /**
         * Private subnets the workers run in. They then reach S3 through its gateway endpoint, and Glue and CloudWatch
         * Logs only through interface endpoints or a NAT gateway. Default: none, the workers run outside any VPC and
         * call those AWS APIs directly (the job touches nothing private).
         */
        public Builder subnetIds(Output<List<String>> subnetIds) {
            args.subnetIds = subnetIds;
            return this;
        }

        /**
         * {@code scheduled} (an available-now run every {@code scheduleMinutes}) or {@code continuous} (always
         * running, restarted on failure). Default {@value StreamingJob#DEFAULT_MODE}.
         */
        public Builder mode(String mode) {
            args.mode = mode;
            return this;
        }

        /** Scheduled mode: minutes between runs. Default {@value StreamingJob#DEFAULT_SCHEDULE_MINUTES}. */
        public Builder scheduleMinutes(int minutes) {
            args.scheduleMinutes = minutes;
            return this;
        }

        /** Scheduled mode: a run is cancelled after this. Default {@value StreamingJob#DEFAULT_RUN_TIMEOUT_MINUTES}. */
        public Builder runTimeoutMinutes(int minutes) {
            args.runTimeoutMinutes = minutes;
            return this;
        }

        /** Continuous mode: consecutive failures before giving up. Default {@value StreamingJob#DEFAULT_MAX_RESTARTS}. */
        public Builder maxRestarts(int restarts) {
            args.maxRestarts = restarts;
            return this;
        }

        /** Continuous mode: wait before a restart. Default {@value StreamingJob#DEFAULT_RESTART_BACKOFF_SECONDS}. */
        public Builder restartBackoffSeconds(int seconds) {
            args.restartBackoffSeconds = seconds;
            return this;
        }

        /** The Spark checkpoint, an {@code s3://} URI in the lakehouse (passed as {@code --checkpoint}). Required. */
        public Builder checkpointLocation(Output<String> location) {
            args.checkpointLocation = location;
            return this;
        }

        /** When table maintenance runs. Default {@value StreamingJob#DEFAULT_MAINTENANCE_SCHEDULE}. */
        public Builder maintenanceSchedule(String expression) {
            args.maintenanceSchedule = expression;
            return this;
        }

        /** Snapshot retention of the maintained tables. Default {@value StreamingJob#DEFAULT_SNAPSHOT_RETENTION}. */
        public Builder snapshotRetention(String retention) {
            args.snapshotRetention = retention;
            return this;
        }

        /** More job arguments, e.g. {@code --catalog-type glue --warehouse s3://...}. Default none. */
        public Builder jobArguments(List<Output<String>> arguments) {
            args.jobArguments = Output.all(arguments);
            return this;
        }

        /** KMS key for logs, artifacts and the state machine. Default: the component creates one. */
        public Builder kmsKeyArn(Output<String> keyArn) {
            args.kmsKeyArn = keyArn;
            return this;
        }

        /** SNS topic for the failed-run alarm. Default: no alarm. */
        public Builder alarmTopicArn(Output<String> topicArn) {
            args.alarmTopicArn = topicArn;
            return this;
        }

        /** Days the job's CloudWatch logs are kept. Default {@value StreamingJob#DEFAULT_LOG_RETENTION_DAYS}. */
        public Builder logRetentionDays(int days) {
            args.logRetentionDays = days;
            return this;
        }

        /** Builds and validates the arguments, the wiring included. */
        public StreamingJobArgs build() {
            return args.validate(true);
        }

        /** Builds and validates the options only; {@link StreamingLakehouse} adds network and checkpoint. */
        public StreamingJobArgs buildSettings() {
            return args.validate(false);
        }
    }
}
