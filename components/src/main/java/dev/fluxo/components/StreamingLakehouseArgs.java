package dev.fluxo.components;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import dev.fluxo.components.naming.EnvironmentName;
import dev.fluxo.components.naming.ResourceTags;
import dev.fluxo.components.validation.Problems;

import java.util.Map;
import java.util.Optional;

/**
 * Inputs of {@link StreamingLakehouse}: one settings object per part. Build the parts that need wiring with
 * {@code buildSettings()} (no network, stream or database yet); the composition adds the wiring. Every part is
 * required; its own defaults apply to what it leaves unset.
 */
public final class StreamingLakehouseArgs extends ResourceArgs {
    @Import(name = "tags", required = true)
    private Map<String, String> tags;
    @Import(name = "environment", required = true)
    private String environment;
    @Import(name = "network", required = true)
    private NetworkSettings network;
    @Import(name = "database", required = true)
    private DatabaseSettings database;
    @Import(name = "eventStream", required = true)
    private EventStreamSettings eventStream;
    @Import(name = "changeCapture", required = true)
    private ChangeCaptureSettings changeCapture;
    @Import(name = "lakehouse", required = true)
    private LakehouseSettings lakehouse;
    @Import(name = "producer", required = true)
    private FunctionSettings producer;
    @Import(name = "transform", required = true)
    private FunctionSettings transform;
    @Import(name = "job", required = true)
    private JobSettings job;
    @Import(name = "producerSchedule")
    private String producerSchedule;
    @Import(name = "producerScheduled")
    private Boolean producerScheduled;
    @Import(name = "maskingKey")
    private Output<String> maskingKey;
    @Import(name = "alarmEmail")
    private String alarmEmail;
    @Import(name = "sharedKey")
    private Boolean sharedKey;
    @Import(name = "jobInPrivateSubnets")
    private Boolean jobInPrivateSubnets;

    public StreamingLakehouseArgs() {
    }

    public static Builder builder() {
        return new Builder();
    }

    public Map<String, String> tags() {
        return tags == null ? Map.of() : tags;
    }

    public String environment() {
        return environment;
    }

    public NetworkArgs network() {
        return network;
    }

    public SourceDatabaseArgs database() {
        return database;
    }

    public EventStreamArgs eventStream() {
        return eventStream;
    }

    public ChangeCaptureArgs changeCapture() {
        return changeCapture;
    }

    public LakehouseArgs lakehouse() {
        return lakehouse;
    }

    public JavaFunctionArgs producer() {
        return producer;
    }

    public JavaFunctionArgs transform() {
        return transform;
    }

    public StreamingJobArgs job() {
        return job;
    }

    /** Whether the producer runs on its schedule (synthetic load); off in prod, where real writers exist. */
    public boolean producerScheduled() {
        return producerScheduled == null || producerScheduled;
    }

    public String producerSchedule() {
        return producerSchedule == null ? StreamingLakehouse.DEFAULT_PRODUCER_SCHEDULE : producerSchedule;
    }

    public Optional<Output<String>> maskingKey() {
        return Optional.ofNullable(maskingKey);
    }

    public Optional<String> alarmEmail() {
        return Optional.ofNullable(alarmEmail);
    }

    /** Whether one KMS key encrypts the whole stack instead of one key per component. */
    public boolean sharedKey() {
        return sharedKey != null ? sharedKey : StreamingLakehouse.DEFAULT_SHARED_KEY;
    }

    /** Whether the streaming job's workers run in the private subnets. */
    public boolean jobInPrivateSubnets() {
        return jobInPrivateSubnets != null ? jobInPrivateSubnets : StreamingLakehouse.DEFAULT_JOB_IN_PRIVATE_SUBNETS;
    }

    /** Checks that every part is there, listing all problems in one message. */
    public StreamingLakehouseArgs validate() {
        new Problems("StreamingLakehouseArgs")
                .check("", () -> ResourceTags.require("StreamingLakehouse", tags))
                .check("", () -> EnvironmentName.require("StreamingLakehouse", environment))
                .require(network != null, () -> "network is required (NetworkArgs)")
                .require(database != null, () -> "database is required (SourceDatabaseArgs...buildSettings())")
                .require(eventStream != null, () -> "eventStream is required (EventStreamArgs...buildSettings())")
                .require(changeCapture != null, () -> "changeCapture is required (ChangeCaptureArgs...buildSettings())")
                .require(lakehouse != null, () -> "lakehouse is required (LakehouseArgs)")
                .require(producer != null, () -> "producer is required (JavaFunctionArgs: jar, hash, handler)")
                .require(transform != null, () -> "transform is required (JavaFunctionArgs: jar, hash, handler)")
                .require(job != null, () -> "job is required (StreamingJobArgs...buildSettings())")
                .require(producerSchedule().matches("(rate|cron)\\(.+\\)"),
                        () -> "producerSchedule must be an EventBridge expression, was '" + producerSchedule() + "'")
                .require(alarmEmail == null || alarmEmail.matches("[^@\\s]+@[^@\\s]+"),
                        () -> "alarmEmail must be an e-mail address, was '" + alarmEmail + "'")
                .throwIfAny();
        return this;
    }

    // The parts' settings under their own names: in the cross-language schema a nested type named after its class
    // minus "Args" (NetworkArgs -> fluxo:index:Network) would share the component's token, and Go and Python SDKs
    // would generate two symbols for it. Same fields, same defaults; Java callers keep passing the parts' Args.

    /** {@link NetworkArgs} as a part of the stack (schema type {@code fluxo:index:NetworkSettings}). */
    public static final class NetworkSettings extends NetworkArgs {
    }

    /** {@link SourceDatabaseArgs} as a part of the stack. */
    public static final class DatabaseSettings extends SourceDatabaseArgs {
    }

    /** {@link EventStreamArgs} as a part of the stack. */
    public static final class EventStreamSettings extends EventStreamArgs {
    }

    /** {@link ChangeCaptureArgs} as a part of the stack. */
    public static final class ChangeCaptureSettings extends ChangeCaptureArgs {
    }

    /** {@link LakehouseArgs} as a part of the stack. */
    public static final class LakehouseSettings extends LakehouseArgs {
    }

    /** {@link JavaFunctionArgs} of the producer or the transform. */
    public static final class FunctionSettings extends JavaFunctionArgs {
    }

    /** {@link StreamingJobArgs} as a part of the stack. */
    public static final class JobSettings extends StreamingJobArgs {
    }

    public static final class Builder {
        private final StreamingLakehouseArgs args = new StreamingLakehouseArgs();

        /** Tags for every resource; must contain environment, project, owner and cost-center. Required. */
        public Builder tags(Map<String, String> tags) {
            args.tags = tags;
            return this;
        }

        /** Environment name. Required. */
        public Builder environment(String environment) {
            args.environment = environment;
            return this;
        }

        /** The VPC. Required. */
        public Builder network(NetworkArgs network) {
            args.network = PartSettings.copy(network, new NetworkSettings(), NetworkArgs.class);
            return this;
        }

        /** The source database's settings ({@code buildSettings()}: the network is added). Required. */
        public Builder database(SourceDatabaseArgs database) {
            args.database = PartSettings.copy(database, new DatabaseSettings(), SourceDatabaseArgs.class);
            return this;
        }

        /** The event stream's settings ({@code buildSettings()}: the network is added). Required. */
        public Builder eventStream(EventStreamArgs eventStream) {
            args.eventStream = PartSettings.copy(eventStream, new EventStreamSettings(), EventStreamArgs.class);
            return this;
        }

        /** Change capture settings ({@code buildSettings()}: stream, database, network are added). Required. */
        public Builder changeCapture(ChangeCaptureArgs changeCapture) {
            args.changeCapture = PartSettings.copy(changeCapture, new ChangeCaptureSettings(),
                    ChangeCaptureArgs.class);
            return this;
        }

        /** The lakehouse. Required. */
        public Builder lakehouse(LakehouseArgs lakehouse) {
            args.lakehouse = PartSettings.copy(lakehouse, new LakehouseSettings(), LakehouseArgs.class);
            return this;
        }

        /**
         * The producer function (jar, hash, handler, sizing). The composition puts it in the private subnets, lets
         * it reach and read the database, schedules it and adds {@code FLUXO_DB_*} variables. Required.
         */
        public Builder producer(JavaFunctionArgs producer) {
            args.producer = PartSettings.copy(producer, new FunctionSettings(), JavaFunctionArgs.class);
            return this;
        }

        /**
         * The transform function (jar, hash, the handler for the stream kind, sizing). The composition adds the
         * stream source, grants and {@code FLUXO_CATALOG}/{@code FLUXO_MASKING_KEY_SECRET_ARN}. Required.
         */
        public Builder transform(JavaFunctionArgs transform) {
            args.transform = PartSettings.copy(transform, new FunctionSettings(), JavaFunctionArgs.class);
            return this;
        }

        /** The streaming job's settings ({@code buildSettings()}: network and checkpoint are added). Required. */
        public Builder job(StreamingJobArgs job) {
            args.job = PartSettings.copy(job, new JobSettings(), StreamingJobArgs.class);
            return this;
        }

        /** Whether the producer's schedule exists at all. Default true. */
        public Builder producerScheduled(boolean scheduled) {
            args.producerScheduled = scheduled;
            return this;
        }

        /** When the producer runs. Default {@value StreamingLakehouse#DEFAULT_PRODUCER_SCHEDULE}. */
        public Builder producerSchedule(String expression) {
            args.producerSchedule = expression;
            return this;
        }

        /** The PII masking key (a secret output). Default: generated once and kept. */
        public Builder maskingKey(Output<String> maskingKey) {
            args.maskingKey = maskingKey;
            return this;
        }

        /** E-mail subscribed to the alarm topic. Default: none. */
        public Builder alarmEmail(String email) {
            args.alarmEmail = email;
            return this;
        }

        /**
         * One customer-managed KMS key (alias {@code alias/fluxo-<environment>}) for every part instead of one per
         * component: $1/month instead of about $8, at the price of coarser grants (a role allowed to decrypt one
         * part's data can decrypt any part's). Meant for dev; prod keeps one key per component. Default
         * {@value StreamingLakehouse#DEFAULT_SHARED_KEY}.
         */
        public Builder sharedKey(boolean shared) {
            args.sharedKey = shared;
            return this;
        }

        /**
         * Whether the streaming job's workers run in the private subnets. The job only calls S3 and Glue (public AWS
         * APIs, IAM-authorized, TLS), so outside the VPC it needs no interface endpoints (Glue, CloudWatch Logs) and
         * no NAT; inside, the network must provide them. Default {@value StreamingLakehouse#DEFAULT_JOB_IN_PRIVATE_SUBNETS}.
         */
        public Builder jobInPrivateSubnets(boolean inPrivateSubnets) {
            args.jobInPrivateSubnets = inPrivateSubnets;
            return this;
        }

        /** Builds and validates the arguments. */
        public StreamingLakehouseArgs build() {
            return args.validate();
        }
    }
}
