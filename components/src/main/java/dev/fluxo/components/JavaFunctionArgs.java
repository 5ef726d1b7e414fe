package dev.fluxo.components;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import dev.fluxo.components.naming.EnvironmentName;
import dev.fluxo.components.naming.ResourceTags;
import dev.fluxo.components.network.LogRetention;
import dev.fluxo.components.validation.Problems;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Inputs of {@link JavaFunction}. Every option documents its default; the default lives in a {@code DEFAULT_}
 * constant on {@link JavaFunction}.
 */
public class JavaFunctionArgs extends ResourceArgs implements Cloneable {
    @Import(name = "tags", required = true)
    private Map<String, String> tags;
    @Import(name = "environment", required = true)
    private String environment;
    @Import(name = "codePath", required = true)
    private String codePath;
    @Import(name = "codeSha256", required = true)
    private String codeSha256;
    @Import(name = "handler", required = true)
    private String handler;
    @Import(name = "runtime")
    private String runtime;
    @Import(name = "memoryMb")
    private Integer memoryMb;
    @Import(name = "timeoutSeconds")
    private Integer timeoutSeconds;
    @Import(name = "environmentVariables")
    private Output<Map<String, String>> environmentVariables;
    @Import(name = "vpcId")
    private Output<String> vpcId;
    @Import(name = "subnetIds")
    private Output<List<String>> subnetIds;
    @Import(name = "securityGroupIds")
    private Output<List<String>> securityGroupIds;
    @Import(name = "snapStart")
    private Boolean snapStart;
    @Import(name = "logRetentionDays")
    private Integer logRetentionDays;
    @Import(name = "reservedConcurrency")
    private Integer reservedConcurrency;
    @Import(name = "kmsKeyArn")
    private Output<String> kmsKeyArn;
    @Import(name = "alarmTopicArn")
    private Output<String> alarmTopicArn;
    @Import(name = "kinesisStreamArn")
    private Output<String> kinesisStreamArn;
    @Import(name = "mskClusterArn")
    private Output<String> mskClusterArn;
    @Import(name = "mskTopic")
    private String mskTopic;
    @Import(name = "mskConsumerGroupId")
    private String mskConsumerGroupId;
    @Import(name = "batchSize")
    private Integer batchSize;
    @Import(name = "batchingWindowSeconds")
    private Integer batchingWindowSeconds;
    @Import(name = "maximumRetryAttempts")
    private Integer maximumRetryAttempts;
    @Import(name = "maximumRecordAgeSeconds")
    private Integer maximumRecordAgeSeconds;
    @Import(name = "scheduleExpression")
    private String scheduleExpression;

    public JavaFunctionArgs() {
    }

    public static Builder builder() {
        return new Builder(new JavaFunctionArgs());
    }

    /** A builder starting from these arguments (for a composing component that adds the wiring). */
    public Builder toBuilder() {
        try {
            return new Builder((JavaFunctionArgs) clone());
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

    public String codePath() {
        return codePath;
    }

    public String codeSha256() {
        return codeSha256;
    }

    public String handler() {
        return handler;
    }

    public String runtime() {
        return or(runtime, JavaFunction.DEFAULT_RUNTIME);
    }

    public int memoryMb() {
        return or(memoryMb, JavaFunction.DEFAULT_MEMORY_MB);
    }

    public int timeoutSeconds() {
        return or(timeoutSeconds, JavaFunction.DEFAULT_TIMEOUT_SECONDS);
    }

    public Output<Map<String, String>> environmentVariables() {
        return environmentVariables == null ? Output.of(Map.of()) : environmentVariables;
    }

    public Optional<Output<String>> vpcId() {
        return Optional.ofNullable(vpcId);
    }

    public Optional<Output<List<String>>> subnetIds() {
        return Optional.ofNullable(subnetIds);
    }

    public Optional<Output<List<String>>> securityGroupIds() {
        return Optional.ofNullable(securityGroupIds);
    }

    public boolean inVpc() {
        return subnetIds != null;
    }

    public boolean snapStart() {
        return or(snapStart, JavaFunction.DEFAULT_SNAP_START);
    }

    public int logRetentionDays() {
        return or(logRetentionDays, JavaFunction.DEFAULT_LOG_RETENTION_DAYS);
    }

    public Optional<Integer> reservedConcurrency() {
        return Optional.ofNullable(reservedConcurrency);
    }

    public Optional<Output<String>> kmsKeyArn() {
        return Optional.ofNullable(kmsKeyArn);
    }

    public Optional<Output<String>> alarmTopicArn() {
        return Optional.ofNullable(alarmTopicArn);
    }

    public Optional<Output<String>> kinesisStreamArn() {
        return Optional.ofNullable(kinesisStreamArn);
    }

    public Optional<Output<String>> mskClusterArn() {
        return Optional.ofNullable(mskClusterArn);
    }

    public String mskTopic() {
        return mskTopic;
    }

    public String mskConsumerGroupId() {
        return or(mskConsumerGroupId, EventStream.DEFAULT_CONSUMER_GROUP_ID);
    }

    public int batchSize() {
        return or(batchSize, JavaFunction.DEFAULT_BATCH_SIZE);
    }

    public int batchingWindowSeconds() {
        return or(batchingWindowSeconds, JavaFunction.DEFAULT_BATCHING_WINDOW_SECONDS);
    }

    public int maximumRetryAttempts() {
        return or(maximumRetryAttempts, JavaFunction.DEFAULT_MAXIMUM_RETRY_ATTEMPTS);
    }

    public int maximumRecordAgeSeconds() {
        return or(maximumRecordAgeSeconds, JavaFunction.DEFAULT_MAXIMUM_RECORD_AGE_SECONDS);
    }

    public Optional<String> scheduleExpression() {
        return Optional.ofNullable(scheduleExpression);
    }

    private static <T> T or(T value, T defaultValue) {
        return value == null ? defaultValue : value;
    }

    /** Checks every option, listing all problems in one message. */
    public JavaFunctionArgs validate() {
        new Problems("JavaFunctionArgs")
                .check("", () -> ResourceTags.require("JavaFunction", tags))
                .check("", () -> EnvironmentName.require("JavaFunction", environment))
                .require(codePath != null && !codePath.isBlank(), () -> "codePath is required: the built jar")
                .require(codeSha256 != null && !codeSha256.isBlank(),
                        () -> "codeSha256 is required: the jar's SHA-256, so a new build redeploys the function")
                .require(handler != null && handler.matches("[A-Za-z_$][\\w.$]*(::[A-Za-z_$][\\w$]*)?"),
                        () -> "handler must be a class name, optionally ::method, was '" + handler + "'")
                .require(runtime().matches("java\\d+"), () -> "runtime must be a Java runtime such as java21, was '"
                        + runtime() + "'")
                .require(memoryMb() >= 128 && memoryMb() <= 10240,
                        () -> "memoryMb must be 128-10240, was " + memoryMb())
                .require(timeoutSeconds() >= 1 && timeoutSeconds() <= 900,
                        () -> "timeoutSeconds must be 1-900, was " + timeoutSeconds())
                .require(subnetIds == null || vpcId != null,
                        () -> "vpcId is required with subnetIds (the function's own security group lives in it)")
                .check("", () -> LogRetention.require("JavaFunction", logRetentionDays()))
                .require(reservedConcurrency == null || reservedConcurrency >= 0,
                        () -> "reservedConcurrency must be 0 or more, was " + reservedConcurrency)
                .require(kinesisStreamArn == null || mskClusterArn == null,
                        () -> "use kinesisSource or mskSource, not both (one function per stream)")
                .require(mskClusterArn == null || mskTopic != null && !mskTopic.isBlank(),
                        () -> "mskSource needs a topic")
                .require(batchSize() >= 1 && batchSize() <= 10_000,
                        () -> "batchSize must be 1-10000, was " + batchSize())
                .require(batchingWindowSeconds() >= 0 && batchingWindowSeconds() <= 300,
                        () -> "batchingWindowSeconds must be 0-300, was " + batchingWindowSeconds())
                .require(maximumRetryAttempts() >= -1 && maximumRetryAttempts() <= 10_000,
                        () -> "maximumRetryAttempts must be -1 (forever) to 10000, was " + maximumRetryAttempts())
                .require(maximumRecordAgeSeconds() == -1 || maximumRecordAgeSeconds() >= 60
                                && maximumRecordAgeSeconds() <= 604_800,
                        () -> "maximumRecordAgeSeconds must be -1 or 60-604800, was " + maximumRecordAgeSeconds())
                .require(scheduleExpression == null || scheduleExpression.matches("(rate|cron)\\(.+\\)"),
                        () -> "schedule must be an EventBridge expression such as rate(1 minute), was '"
                                + scheduleExpression + "'")
                .throwIfAny();
        return this;
    }

    public static final class Builder {
        private final JavaFunctionArgs args;

        private Builder(JavaFunctionArgs args) {
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

        /** Path of the built (shaded) jar. Required. */
        public Builder codePath(String path) {
            args.codePath = path;
            return this;
        }

        /** SHA-256 of the jar (hex or base64): a new value redeploys the code ({@code sourceCodeHash}). Required. */
        public Builder codeSha256(String sha256) {
            args.codeSha256 = sha256;
            return this;
        }

        /** The handler, e.g. {@code dev.fluxo.lambdas.TransformHandler::handleRequest}. Required. */
        public Builder handler(String handler) {
            args.handler = handler;
            return this;
        }

        /** Lambda runtime. Default {@value JavaFunction#DEFAULT_RUNTIME}. */
        public Builder runtime(String runtime) {
            args.runtime = runtime;
            return this;
        }

        /** Memory, MB (also scales CPU). Default {@value JavaFunction#DEFAULT_MEMORY_MB}. */
        public Builder memoryMb(int megabytes) {
            args.memoryMb = megabytes;
            return this;
        }

        /** Timeout, seconds. Default {@value JavaFunction#DEFAULT_TIMEOUT_SECONDS}. */
        public Builder timeoutSeconds(int seconds) {
            args.timeoutSeconds = seconds;
            return this;
        }

        /** Environment variables (values may be outputs such as bucket names; never secret values). Default none. */
        public Builder environmentVariables(Map<String, Output<String>> variables) {
            var keys = new ArrayList<>(variables.keySet());
            args.environmentVariables = Output.all(keys.stream().map(variables::get).toList()).applyValue(values -> {
                var map = new LinkedHashMap<String, String>();
                for (int i = 0; i < keys.size(); i++) {
                    map.put(keys.get(i), values.get(i));
                }
                return Map.copyOf(map);
            });
            return this;
        }

        /**
         * Adds variables to those already set; on a clash these win. Used by {@link StreamingLakehouse} for the
         * variables it wires (database, catalog, masking key).
         */
        public Builder moreEnvironmentVariables(Map<String, Output<String>> variables) {
            var existing = args.environmentVariables();
            environmentVariables(variables);
            var added = args.environmentVariables;
            args.environmentVariables = Output.tuple(existing, added).applyValue(t -> {
                var merged = new LinkedHashMap<String, String>(t.t1);
                merged.putAll(t.t2);
                return Map.copyOf(merged);
            });
            return this;
        }

        /** VPC of the function's own security group; required with {@link #subnetIds}. Default: not in a VPC. */
        public Builder vpcId(Output<String> vpcId) {
            args.vpcId = vpcId;
            return this;
        }

        /** Private subnets to run in; the function gets its own egress-only security group. Default: no VPC. */
        public Builder subnetIds(Output<List<String>> subnetIds) {
            args.subnetIds = subnetIds;
            return this;
        }

        /** Extra security groups (in a VPC). Default: only the function's own. */
        public Builder securityGroupIds(Output<List<String>> securityGroupIds) {
            args.securityGroupIds = securityGroupIds;
            return this;
        }

        /**
         * SnapStart on published versions (event sources and schedules use the {@value JavaFunction#ALIAS} alias).
         * Default {@value JavaFunction#DEFAULT_SNAP_START}.
         */
        public Builder snapStart(boolean snapStart) {
            args.snapStart = snapStart;
            return this;
        }

        /** Days the function's log group keeps events. Default {@value JavaFunction#DEFAULT_LOG_RETENTION_DAYS}. */
        public Builder logRetentionDays(int days) {
            args.logRetentionDays = days;
            return this;
        }

        /** Reserved concurrency (caps and guarantees). Default: unreserved. */
        public Builder reservedConcurrency(int concurrency) {
            args.reservedConcurrency = concurrency;
            return this;
        }

        /** KMS key for logs, environment variables and the dead-letter queue. Default: the component creates one. */
        public Builder kmsKeyArn(Output<String> keyArn) {
            args.kmsKeyArn = keyArn;
            return this;
        }

        /** SNS topic for alarms. Default: no alarms. */
        public Builder alarmTopicArn(Output<String> topicArn) {
            args.alarmTopicArn = topicArn;
            return this;
        }

        /**
         * Consume a Kinesis stream from TRIM_HORIZON with the default batch size
         * ({@value JavaFunction#DEFAULT_BATCH_SIZE}) and batching window
         * ({@value JavaFunction#DEFAULT_BATCHING_WINDOW_SECONDS} s).
         */
        public Builder kinesisSource(Output<String> streamArn) {
            args.kinesisStreamArn = streamArn;
            return this;
        }

        /** Records per invocation from an event source. Default {@value JavaFunction#DEFAULT_BATCH_SIZE}. */
        public Builder batchSize(int batchSize) {
            args.batchSize = batchSize;
            return this;
        }

        /** Seconds an event source waits to fill a batch. Default {@value JavaFunction#DEFAULT_BATCHING_WINDOW_SECONDS}. */
        public Builder batchingWindowSeconds(int seconds) {
            args.batchingWindowSeconds = seconds;
            return this;
        }

        /** Consume a Kinesis stream with this batch size and batching window. */
        public Builder kinesisSource(Output<String> streamArn, int batchSize, int batchingWindowSeconds) {
            args.batchSize = batchSize;
            args.batchingWindowSeconds = batchingWindowSeconds;
            return kinesisSource(streamArn);
        }

        /** Consume one MSK topic as {@code consumerGroupId} from TRIM_HORIZON, with IAM auth (the function's role). */
        public Builder mskSource(Output<String> clusterArn, String topic, String consumerGroupId) {
            args.mskClusterArn = clusterArn;
            args.mskTopic = topic;
            args.mskConsumerGroupId = consumerGroupId;
            return this;
        }

        /** {@link #mskSource(Output, String, String)} with this batch size and batching window. */
        public Builder mskSource(Output<String> clusterArn, String topic, String consumerGroupId, int batchSize,
                                 int batchingWindowSeconds) {
            args.batchSize = batchSize;
            args.batchingWindowSeconds = batchingWindowSeconds;
            return mskSource(clusterArn, topic, consumerGroupId);
        }

        /** Kinesis: retries of a failing batch before it goes to the queue. Default {@value JavaFunction#DEFAULT_MAXIMUM_RETRY_ATTEMPTS}. */
        public Builder maximumRetryAttempts(int attempts) {
            args.maximumRetryAttempts = attempts;
            return this;
        }

        /** Kinesis: records older than this go to the queue. Default {@value JavaFunction#DEFAULT_MAXIMUM_RECORD_AGE_SECONDS}. */
        public Builder maximumRecordAgeSeconds(int seconds) {
            args.maximumRecordAgeSeconds = seconds;
            return this;
        }

        /** Invoke the {@value JavaFunction#ALIAS} alias on an EventBridge schedule, e.g. {@code rate(1 minute)}. Default: none. */
        public Builder schedule(String expression) {
            args.scheduleExpression = expression;
            return this;
        }

        /** Builds and validates the arguments. */
        public JavaFunctionArgs build() {
            return args.validate();
        }
    }
}
