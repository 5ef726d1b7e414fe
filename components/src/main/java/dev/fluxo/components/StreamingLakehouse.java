package dev.fluxo.components;

import com.pulumi.aws.cloudwatch.Dashboard;
import com.pulumi.aws.cloudwatch.DashboardArgs;
import com.pulumi.aws.kms.Alias;
import com.pulumi.aws.kms.AliasArgs;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import dev.fluxo.components.iam.AwsAccount;
import dev.fluxo.components.iam.ComponentKey;
import dev.fluxo.components.iam.InlinePolicy;
import dev.fluxo.components.iam.KeyPolicies;
import dev.fluxo.components.iam.PolicyDocument;
import dev.fluxo.components.iam.SecretAccess;
import dev.fluxo.components.lakehouse.MaskingKey;
import dev.fluxo.components.naming.EnvironmentName;
import dev.fluxo.components.naming.ResourceTags;
import dev.fluxo.components.observability.AlarmTopic;
import dev.fluxo.components.observability.PipelineDashboard;
import dev.fluxo.components.protection.DataProtection;
import dev.fluxo.schema.Layer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The whole pipeline: {@link Network} → {@link SourceDatabase} → {@link EventStream} → {@link ChangeCapture} → the
 * producer and transform {@link JavaFunction}s → {@link Lakehouse} → {@link StreamingJob}, plus one alarm topic that
 * every part notifies, the PII masking key in Secrets Manager, and one dashboard of the whole path.
 *
 * <p><b>Wiring</b> (the parts' settings come from {@link StreamingLakehouseArgs}; this class adds):
 * <ul>
 *   <li>network: the database, brokers, capture, producer and job run in the private subnets;</li>
 *   <li>producer: in the VPC, admitted by the database on 5432, may read the database secret, scheduled by
 *   {@code producerSchedule}, {@code FLUXO_DB_HOST/PORT/NAME/SECRET_ARN/SSLMODE};</li>
 *   <li>transform: consumes the stream (Kinesis source, or MSK source as group
 *   {@value EventStream#DEFAULT_CONSUMER_GROUP_ID}, whose pollers the cluster's security group admits), writes bronze
 *   (the dead-letter table lives there) and silver, reads the masking key, {@code FLUXO_CATALOG=glue-rest} and
 *   {@code FLUXO_MASKING_KEY_SECRET_ARN}; it runs outside the VPC (it only calls AWS APIs);</li>
 *   <li>job: reads silver, writes gold, checkpoints under {@code s3://<gold bucket>/_checkpoints/gold-job/};</li>
 *   <li>alarms: every part's alarms go to the one topic, which overrides any topic in the parts' settings.</li>
 * </ul>
 * Part names are fixed ({@code network}, {@code source}, {@code events}, {@code cdc}, {@code lake}, {@code producer},
 * {@code transform}, {@code gold-job}): one StreamingLakehouse per stack.
 */
public class StreamingLakehouse extends ComponentResource {
    /** The Pulumi type token. */
    public static final String TYPE = "fluxo:index:StreamingLakehouse";
    /** Default producer schedule. */
    public static final String DEFAULT_PRODUCER_SCHEDULE = "rate(1 minute)";
    /** Default key scope: one key per component (narrow grants). */
    public static final boolean DEFAULT_SHARED_KEY = false;
    /** Default job placement: in the private subnets. */
    public static final boolean DEFAULT_JOB_IN_PRIVATE_SUBNETS = true;
    /** Where the job keeps its checkpoint, under the gold bucket. */
    /**
     * JVM options of the transform function ({@code JAVA_TOOL_OPTIONS}): all JIT tiers. Lambda's Java 17 and 21
     * runtimes stop at C1 by default, which favours cold starts; the transform is a compute-bound function that runs
     * batches of up to 10,000 changes for as long as the stream flows, where C2 code decodes, masks and encodes about
     * twice as fast (10.9 against 22.7 µs per change, docs/benchmarks.md). AWS documents this variable for exactly
     * this choice (https://docs.aws.amazon.com/lambda/latest/dg/java-customization.html).
     */
    public static final String TRANSFORM_JVM_OPTIONS = "-XX:+TieredCompilation -XX:TieredStopAtLevel=4";
    public static final String CHECKPOINT_PREFIX = "_checkpoints/gold-job/";

    @Export(name = "athenaWorkgroupName", refs = {String.class})
    public final Output<String> athenaWorkgroupName;
    @Export(name = "bronzeBucketName", refs = {String.class})
    public final Output<String> bronzeBucketName;
    @Export(name = "silverBucketName", refs = {String.class})
    public final Output<String> silverBucketName;
    @Export(name = "goldBucketName", refs = {String.class})
    public final Output<String> goldBucketName;
    @Export(name = "glueDatabaseNames", refs = {Map.class, String.class, String.class}, tree = "[0,1,2]")
    public final Output<Map<String, String>> glueDatabaseNames;
    @Export(name = "streamKind", refs = {String.class})
    public final Output<String> streamKind;
    /** Kinesis: the stream name (null for msk). */
    @Export(name = "streamName", refs = {String.class})
    public final Output<String> streamName;
    /** MSK: bootstrap brokers, SASL/IAM over TLS (null for kinesis). */
    @Export(name = "bootstrapBrokersSaslIam", refs = {String.class})
    public final Output<String> bootstrapBrokersSaslIam;
    @Export(name = "topicName", refs = {String.class})
    public final Output<String> topicName;
    @Export(name = "databaseAddress", refs = {String.class})
    public final Output<String> databaseAddress;
    /** The ARN of the database's master secret (the value stays in Secrets Manager). */
    @Export(name = "databaseSecretArn", refs = {String.class})
    public final Output<String> databaseSecretArn;
    /** The ARN of the masking key secret (the value stays in Secrets Manager). */
    @Export(name = "maskingKeySecretArn", refs = {String.class})
    public final Output<String> maskingKeySecretArn;
    @Export(name = "producerFunctionName", refs = {String.class})
    public final Output<String> producerFunctionName;
    @Export(name = "transformFunctionName", refs = {String.class})
    public final Output<String> transformFunctionName;
    @Export(name = "jobStateMachineArn", refs = {String.class})
    public final Output<String> jobStateMachineArn;
    @Export(name = "jobApplicationId", refs = {String.class})
    public final Output<String> jobApplicationId;
    @Export(name = "alarmTopicArn", refs = {String.class})
    public final Output<String> alarmTopicArn;
    @Export(name = "dashboardUrl", refs = {String.class})
    public final Output<String> dashboardUrl;

    private final Network network;
    private final SourceDatabase database;
    private final EventStream eventStream;
    private final ChangeCapture changeCapture;
    private final Lakehouse lakehouse;
    private final JavaFunction producer;
    private final JavaFunction transform;
    private final StreamingJob job;

    public StreamingLakehouse(String name, StreamingLakehouseArgs args, ComponentResourceOptions opts) {
        super(TYPE, name, opts);
        args.validate();
        var tags = ResourceTags.require("StreamingLakehouse", args.tags());
        var environment = EnvironmentName.require("StreamingLakehouse", args.environment());
        var account = AwsAccount.lookup(this);
        var parent = ComponentResourceOptions.builder().parent(this).build();
        var child = CustomResourceOptions.builder().parent(this).build();

        var stackKey = args.sharedKey() ? Optional.of(stackKey(name, environment, args.lakehouse(), account, tags))
                : Optional.<Output<String>>empty();
        this.alarmTopicArn = AlarmTopic.create(name + "-alarms", "fluxo-" + environment + "-alarms", args.alarmEmail(),
                stackKey, account, tags, this);
        this.network = new Network("network", withKey(args.network().toBuilder(), stackKey,
                NetworkArgs.Builder::kmsKeyArn).build(), parent);
        this.database = new SourceDatabase("source", withKey(args.database().toBuilder(), stackKey,
                SourceDatabaseArgs.Builder::kmsKeyArn)
                .vpcId(network.vpcId).subnetIds(network.privateSubnetIds)
                .alarmTopicArn(alarmTopicArn).build(), parent);
        this.eventStream = new EventStream("events", withKey(args.eventStream().toBuilder(), stackKey,
                EventStreamArgs.Builder::kmsKeyArn)
                .vpcId(network.vpcId).subnetIds(network.privateSubnetIds).build(), parent);
        this.changeCapture = new ChangeCapture("cdc", args.changeCapture().toBuilder()
                .eventStream(eventStream).database(database)
                .vpcId(network.vpcId).subnetIds(network.privateSubnetIds).vpcCidr(network.vpcCidr)
                .alarmTopicArn(alarmTopicArn).build(), parent);
        this.lakehouse = new Lakehouse("lake", withKey(args.lakehouse().toBuilder(), stackKey,
                LakehouseArgs.Builder::kmsKeyArn).build(), parent);
        this.maskingKeySecretArn = MaskingKey.create(name + "-masking-key", "fluxo/" + environment + "/masking-key-",
                args.maskingKey(), lakehouse.kmsKeyArn, args.lakehouse().protect() ? 30 : 7, tags, this);

        var producerArgs = withKey(args.producer().toBuilder(), stackKey, JavaFunctionArgs.Builder::kmsKeyArn)
                .vpcId(network.vpcId).subnetIds(network.privateSubnetIds)
                .moreEnvironmentVariables(Map.of(
                        "FLUXO_DB_HOST", database.address,
                        "FLUXO_DB_PORT", database.port.applyValue(String::valueOf),
                        "FLUXO_DB_NAME", database.databaseName,
                        "FLUXO_DB_SECRET_ARN", database.masterSecretArn,
                        "FLUXO_DB_SSLMODE", Output.of("require")))
                .alarmTopicArn(alarmTopicArn);
        if (args.producerScheduled()) {
            producerArgs.schedule(args.producerSchedule());
        }
        this.producer = new JavaFunction("producer", producerArgs.build(), parent);
        database.allowConnectionsFrom("producer-to-database", producer.securityGroupId().orElseThrow());
        InlinePolicy.attach("producer-reads-database-secret", producer.role(), PolicyDocument.of(SecretAccess.read(
                "ReadDatabaseSecret", database.masterSecretArn, Optional.of(database.kmsKeyArn))), this);

        var transformArgs = withKey(args.transform().toBuilder(), stackKey, JavaFunctionArgs.Builder::kmsKeyArn)
                .moreEnvironmentVariables(lakehouse.writerEnvironment())
                .moreEnvironmentVariables(Map.of("FLUXO_MASKING_KEY_SECRET_ARN", maskingKeySecretArn,
                        "JAVA_TOOL_OPTIONS", Output.of(TRANSFORM_JVM_OPTIONS)))
                .alarmTopicArn(alarmTopicArn);
        if (eventStream.isMsk()) {
            transformArgs.mskSource(eventStream.clusterArn, eventStream.topic(), EventStream.DEFAULT_CONSUMER_GROUP_ID);
        } else {
            transformArgs.kinesisSource(eventStream.streamArn);
        }
        this.transform = new JavaFunction("transform", transformArgs.build(), parent);
        lakehouse.grantWrite("transform-writes-bronze-silver", transform.role(), Layer.BRONZE, Layer.SILVER);
        eventStream.grantConsume("transform-reads-stream", transform.role());
        if (eventStream.isMsk()) {
            eventStream.allowEventSourceMappings("transform-event-source", network.vpcCidr);
        }
        // The masking secret is encrypted with the lakehouse key, which grantWrite already lets the transform decrypt.
        InlinePolicy.attach("transform-reads-masking-key", transform.role(), PolicyDocument.of(SecretAccess.read(
                "ReadMaskingKey", maskingKeySecretArn, Optional.empty())), this);

        var jobArgs = withKey(args.job().toBuilder(), stackKey, StreamingJobArgs.Builder::kmsKeyArn);
        if (args.jobInPrivateSubnets()) {
            jobArgs.vpcId(network.vpcId).subnetIds(network.privateSubnetIds);
        }
        this.job = StreamingJob.overLakehouse("gold-job", jobArgs.alarmTopicArn(alarmTopicArn), lakehouse, parent);

        var dashboardName = "fluxo-" + environment + "-pipeline";
        var msk = eventStream.isMsk();
        var dmsInstance = changeCapture.dmsInstanceIdentifier().orElse(Output.ofNullable(null));
        var body = Output.all(List.of(account.region(), database.instanceIdentifier, changeCapture.replicationName,
                dmsInstance, eventStream.streamName, producer.functionName, transform.functionName,
                job.stateMachineArn)).applyValue(v -> PipelineDashboard.body(v.get(0), new PipelineDashboard.Sources(
                environment, v.get(1), msk, v.get(2), v.get(3), v.get(4), v.get(5), v.get(6), v.get(7))));
        new Dashboard(name + "-dashboard", DashboardArgs.builder()
                .dashboardName(dashboardName)
                .dashboardBody(body)
                .build(), child);
        this.dashboardUrl = account.region().applyValue(region -> PipelineDashboard.url(region, dashboardName));

        this.athenaWorkgroupName = lakehouse.athenaWorkgroupName;
        this.bronzeBucketName = lakehouse.bronzeBucketName;
        this.silverBucketName = lakehouse.silverBucketName;
        this.goldBucketName = lakehouse.goldBucketName;
        this.glueDatabaseNames = lakehouse.glueDatabaseNames;
        this.streamKind = eventStream.kindOutput;
        this.streamName = eventStream.streamName;
        this.bootstrapBrokersSaslIam = eventStream.bootstrapBrokersSaslIam;
        this.topicName = eventStream.topicName;
        this.databaseAddress = database.address;
        this.databaseSecretArn = database.masterSecretArn;
        this.producerFunctionName = producer.functionName;
        this.transformFunctionName = transform.functionName;
        this.jobStateMachineArn = job.stateMachineArn;
        this.jobApplicationId = job.applicationId;
        var outputs = new LinkedHashMap<String, Output<?>>();
        outputs.put("athenaWorkgroupName", athenaWorkgroupName);
        outputs.put("bronzeBucketName", bronzeBucketName);
        outputs.put("silverBucketName", silverBucketName);
        outputs.put("goldBucketName", goldBucketName);
        outputs.put("glueDatabaseNames", glueDatabaseNames);
        outputs.put("streamKind", streamKind);
        outputs.put("streamName", streamName);
        outputs.put("bootstrapBrokersSaslIam", bootstrapBrokersSaslIam);
        outputs.put("topicName", topicName);
        outputs.put("databaseAddress", databaseAddress);
        outputs.put("databaseSecretArn", databaseSecretArn);
        outputs.put("maskingKeySecretArn", maskingKeySecretArn);
        outputs.put("producerFunctionName", producerFunctionName);
        outputs.put("transformFunctionName", transformFunctionName);
        outputs.put("jobStateMachineArn", jobStateMachineArn);
        outputs.put("jobApplicationId", jobApplicationId);
        outputs.put("alarmTopicArn", alarmTopicArn);
        outputs.put("dashboardUrl", dashboardUrl);
        registerOutputs(outputs);
    }

    public Network network() {
        return network;
    }

    /**
     * The stack's one key, protected like the lakehouse's data (it encrypts the buckets): retained on delete unless
     * the stack allows deleting data, and protected where the lakehouse is.
     */
    private Output<String> stackKey(String name, String environment, LakehouseArgs lake, AwsAccount account,
                                    Map<String, String> tags) {
        var key = ComponentKey.create(name + "-key", "Fluxo " + environment + ": every part of the stack (shared key)",
                KeyPolicies.stackKey(account), tags,
                DataProtection.forComponent(lake.allowDataDeletion(), lake.protect()).options(this));
        new Alias(name + "-key-alias", AliasArgs.builder()
                .name("alias/fluxo-" + environment)
                .targetKeyId(key.keyId())
                .build(), CustomResourceOptions.builder().parent(this).build());
        return key.arn();
    }

    /** Sets the shared key on a part's builder, when there is one. */
    private static <B> B withKey(B builder, Optional<Output<String>> key, BiFunction<B, Output<String>, B> setter) {
        return key.map(k -> setter.apply(builder, k)).orElse(builder);
    }

    public SourceDatabase database() {
        return database;
    }

    public EventStream eventStream() {
        return eventStream;
    }

    public ChangeCapture changeCapture() {
        return changeCapture;
    }

    public Lakehouse lakehouse() {
        return lakehouse;
    }

    public JavaFunction producer() {
        return producer;
    }

    public JavaFunction transform() {
        return transform;
    }

    public StreamingJob job() {
        return job;
    }
}
