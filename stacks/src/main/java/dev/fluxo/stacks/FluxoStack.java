package dev.fluxo.stacks;

import com.pulumi.Config;
import com.pulumi.Context;
import com.pulumi.core.Output;
import dev.fluxo.components.ChangeCaptureArgs;
import dev.fluxo.components.EventStreamArgs;
import dev.fluxo.components.JavaFunctionArgs;
import dev.fluxo.components.LakehouseArgs;
import dev.fluxo.components.NetworkArgs;
import dev.fluxo.components.SourceDatabaseArgs;
import dev.fluxo.components.StreamingJobArgs;
import dev.fluxo.components.StreamingLakehouse;
import dev.fluxo.components.StreamingLakehouseArgs;
import dev.fluxo.stacks.config.StackSpecParser;
import dev.fluxo.stacks.spec.FunctionSpec;
import dev.fluxo.stacks.spec.StackSpec;

import java.util.Optional;

/** Builds one environment from a validated {@link StackSpec}: one {@link StreamingLakehouse}, and its outputs. */
public final class FluxoStack {
    static final String PRODUCER_HANDLER = "dev.fluxo.producer.ProducerHandler::handleRequest";
    static final String MSK_TRANSFORM_HANDLER = "dev.fluxo.transform.MskTransformHandler::handleRequest";
    /** The producer handler's rows-per-run variable ({@code dev.fluxo.producer.aws.HandlerSettings}). */
    static final String PRODUCER_BATCH_SIZE = "FLUXO_BATCH_SIZE";
    static final String KINESIS_TRANSFORM_HANDLER = "dev.fluxo.transform.KinesisTransformHandler::handleRequest";

    private FluxoStack() {
    }

    /** Builds the stack as a plan shows it: placeholder artifact hashes, so the plan is the same on every machine. */
    public static void define(Context ctx, StackSpec spec) {
        define(ctx, spec, Artifacts.planned());
    }

    public static void define(Context ctx, StackSpec spec, Artifacts artifacts) {
        if (spec.isKubernetes()) {
            KubernetesStack.define(ctx, spec, artifacts);
            return;
        }
        var lake = new StreamingLakehouse(spec.project(), args(spec, artifacts), null);
        ctx.export("environment", Output.of(spec.environment().id()));
        ctx.export("streamKind", lake.streamKind);
        ctx.export("streamName", lake.streamName);
        ctx.export("bootstrapBrokersSaslIam", lake.bootstrapBrokersSaslIam);
        ctx.export("topicName", lake.topicName);
        ctx.export("databaseAddress", lake.databaseAddress);
        ctx.export("databaseSecretArn", lake.databaseSecretArn);
        ctx.export("maskingKeySecretArn", lake.maskingKeySecretArn);
        ctx.export("athenaWorkgroup", lake.athenaWorkgroupName);
        ctx.export("glueDatabases", lake.glueDatabaseNames);
        ctx.export("producerFunction", lake.producerFunctionName);
        ctx.export("transformFunction", lake.transformFunctionName);
        ctx.export("jobStateMachineArn", lake.jobStateMachineArn);
        ctx.export("alarmTopicArn", lake.alarmTopicArn);
        ctx.export("dashboardUrl", lake.dashboardUrl);
    }

    static StreamingLakehouseArgs args(StackSpec spec, Artifacts artifacts) {
        var b = StreamingLakehouseArgs.builder().tags(spec.tags()).environment(spec.stack())
                .network(networkArgs(spec))
                .database(databaseArgs(spec))
                .eventStream(eventStreamArgs(spec))
                .changeCapture(changeCaptureArgs(spec, artifacts))
                .lakehouse(lakehouseArgs(spec))
                .producer(producerArgs(spec, artifacts))
                .transform(transformArgs(spec, artifacts))
                .job(jobArgs(spec, artifacts));
        spec.producer().schedule().ifPresent(b::producerSchedule);
        spec.producer().enabled().ifPresent(b::producerScheduled);
        spec.alarms().email().ifPresent(b::alarmEmail);
        b.sharedKey(spec.sharedKey()).jobInPrivateSubnets(spec.job().inPrivateSubnets());
        maskingKey(spec).ifPresent(b::maskingKey);
        return b.build();
    }

    /** The masking key from config (a Pulumi secret), when the stack sets one; else the components generate it. */
    static Optional<Output<String>> maskingKey(StackSpec spec) {
        return spec.maskingKeyConfigured()
                ? Optional.of(Config.of(StackSpecParser.NAMESPACE).requireSecret("maskingKey"))
                : Optional.empty();
    }

    static NetworkArgs networkArgs(StackSpec spec) {
        var n = spec.network();
        var b = NetworkArgs.builder().tags(spec.tags()).publicSubnets(n.publicSubnets()).natGateway(n.natGateway());
        n.cidr().ifPresent(b::cidrBlock);
        n.azCount().ifPresent(b::availabilityZoneCount);
        n.interfaceEndpoints().ifPresent(b::interfaceEndpoints);
        n.interfaceEndpointAzCount().ifPresent(b::interfaceEndpointAzCount);
        n.flowLogRetentionDays().ifPresent(b::flowLogRetentionDays);
        return b.build();
    }

    /** The lakehouse's settings, the same on both platforms. */
    static LakehouseArgs lakehouseArgs(StackSpec spec) {
        var l = spec.lakehouse();
        var b = LakehouseArgs.builder().tags(spec.tags()).environment(spec.stack())
                .allowDataDeletion(l.allowDataDeletion()).protect(spec.environment().isProd());
        l.bronzeInfrequentAccessDays().ifPresent(b::bronzeInfrequentAccessDays);
        l.bronzeGlacierDays().ifPresent(b::bronzeGlacierDays);
        l.noncurrentVersionExpirationDays().ifPresent(b::noncurrentVersionExpirationDays);
        l.athenaBytesScannedCutoffMb().ifPresent(b::athenaBytesScannedCutoffMb);
        return b.build();
    }

    static SourceDatabaseArgs databaseArgs(StackSpec spec) {
        var d = spec.database();
        var b = SourceDatabaseArgs.builder().tags(spec.tags()).environment(spec.stack())
                .multiAz(d.multiAz()).deletionProtection(d.deletionProtection()).protect(spec.environment().isProd());
        d.engineVersion().ifPresent(b::engineVersion);
        d.instanceClass().ifPresent(b::instanceClass);
        d.allocatedStorageGb().ifPresent(b::allocatedStorageGb);
        d.maxAllocatedStorageGb().ifPresent(b::maxAllocatedStorageGb);
        d.backupRetentionDays().ifPresent(b::backupRetentionDays);
        d.performanceInsights().ifPresent(b::performanceInsights);
        d.maxReplicationSlots().ifPresent(b::maxReplicationSlots);
        d.maxWalSenders().ifPresent(b::maxWalSenders);
        return b.buildSettings();
    }

    static EventStreamArgs eventStreamArgs(StackSpec spec) {
        var s = spec.stream();
        var b = EventStreamArgs.builder().tags(spec.tags()).environment(spec.stack()).kind(s.kind());
        s.mskMode().ifPresent(b::mskMode);
        s.kafkaVersion().ifPresent(b::kafkaVersion);
        s.brokerInstanceType().ifPresent(b::brokerInstanceType);
        s.brokersPerAz().ifPresent(b::brokersPerAz);
        s.brokerStorageGb().ifPresent(b::brokerStorageGb);
        s.maxBrokerStorageGb().ifPresent(b::maxBrokerStorageGb);
        s.enhancedMonitoring().ifPresent(b::enhancedMonitoring);
        s.topicPartitions().ifPresent(b::topicPartitions);
        s.topicRetentionHours().ifPresent(b::topicRetentionHours);
        s.kinesisMode().ifPresent(b::kinesisMode);
        s.shardCount().ifPresent(b::shardCount);
        s.retentionHours().ifPresent(b::retentionHours);
        return b.buildSettings();
    }

    static ChangeCaptureArgs changeCaptureArgs(StackSpec spec, Artifacts artifacts) {
        var c = spec.changeCapture();
        var b = ChangeCaptureArgs.builder().tags(spec.tags()).environment(spec.stack())
                .tableIncludeList(c.tables())
                .pluginArchivePath(artifacts.debeziumPlugin().path().toString())
                .pluginArchiveSha256(artifacts.debeziumPlugin().sha256());
        c.publicationName().ifPresent(b::publicationName);
        c.slotName().ifPresent(b::slotName);
        c.heartbeatIntervalMs().ifPresent(b::heartbeatIntervalMs);
        c.snapshotMode().ifPresent(b::snapshotMode);
        c.autoscaling().ifPresent(b::autoscaling);
        c.dmsMinCapacityUnits().ifPresent(b::dmsMinCapacityUnits);
        c.dmsMaxCapacityUnits().ifPresent(b::dmsMaxCapacityUnits);
        return b.buildSettings();
    }

    static JavaFunctionArgs producerArgs(StackSpec spec, Artifacts artifacts) {
        var f = spec.producer();
        var b = functionArgs(spec, f, artifacts.producerJar(), PRODUCER_HANDLER);
        // The producer's batch is rows written per run, read by its handler.
        f.batchSize().ifPresent(n -> b.environmentVariables(java.util.Map.of(PRODUCER_BATCH_SIZE,
                Output.of(Integer.toString(n)))));
        return b.build();
    }

    static JavaFunctionArgs transformArgs(StackSpec spec, Artifacts artifacts) {
        var f = spec.transform();
        var b = functionArgs(spec, f, artifacts.transformJar(),
                spec.stream().isMsk() ? MSK_TRANSFORM_HANDLER : KINESIS_TRANSFORM_HANDLER);
        f.batchSize().ifPresent(b::batchSize);
        f.batchingWindowSeconds().ifPresent(b::batchingWindowSeconds);
        return b.build();
    }

    private static JavaFunctionArgs.Builder functionArgs(StackSpec spec, FunctionSpec f, Artifacts.Artifact jar,
                                                         String handler) {
        var b = JavaFunctionArgs.builder().tags(spec.tags()).environment(spec.stack())
                .codePath(jar.path().toString()).codeSha256(jar.sha256()).handler(handler);
        f.memoryMb().ifPresent(b::memoryMb);
        f.timeoutSeconds().ifPresent(b::timeoutSeconds);
        return b;
    }

    static StreamingJobArgs jobArgs(StackSpec spec, Artifacts artifacts) {
        var j = spec.job();
        var b = StreamingJobArgs.builder().tags(spec.tags()).environment(spec.stack())
                .jobJarPath(artifacts.jobJar().path().toString()).jobJarSha256(artifacts.jobJar().sha256())
                .mode(j.mode());
        j.scheduleMinutes().ifPresent(b::scheduleMinutes);
        j.maximumVcpu().ifPresent(b::maximumVcpu);
        j.maximumMemoryGb().ifPresent(b::maximumMemoryGb);
        j.workerVcpu().ifPresent(b::workerVcpu);
        j.workerMemoryGb().ifPresent(b::workerMemoryGb);
        return b.buildSettings();
    }
}
