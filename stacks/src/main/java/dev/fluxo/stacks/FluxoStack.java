package dev.fluxo.stacks;

import com.pulumi.Context;
import com.pulumi.resources.ComponentResourceOptions;
import dev.fluxo.components.Lakehouse;
import dev.fluxo.components.LakehouseArgs;
import dev.fluxo.components.Network;
import dev.fluxo.components.NetworkArgs;
import dev.fluxo.components.SourceDatabase;
import dev.fluxo.components.SourceDatabaseArgs;
import dev.fluxo.stacks.spec.StackSpec;

/** Builds one environment's resources from a validated {@link StackSpec} and exports what users need. */
public final class FluxoStack {

    private FluxoStack() {
    }

    public static void define(Context ctx, StackSpec spec) {
        var alarms = new AlarmTopic(spec);
        var network = new Network("network", networkArgs(spec), ComponentResourceOptions.Empty);
        var lakehouse = new Lakehouse("lakehouse", lakehouseArgs(spec), ComponentResourceOptions.Empty);
        var database = new SourceDatabase("source", databaseArgs(spec, network, alarms), ComponentResourceOptions.Empty);
        var maskingKey = new MaskingKey(spec);

        ctx.export("environment", com.pulumi.core.Output.of(spec.environment().id()));
        ctx.export("vpcId", network.vpcId);
        ctx.export("privateSubnetIds", network.privateSubnetIds);
        ctx.export("databaseAddress", database.address);
        ctx.export("databasePort", database.port);
        ctx.export("databaseSecretArn", database.masterSecretArn);
        ctx.export("bucketNames", lakehouse.bucketNames);
        ctx.export("athenaWorkgroup", lakehouse.athenaWorkgroupName);
        ctx.export("athenaResultsBucket", lakehouse.athenaResultsBucketName);
        ctx.export("glueDatabases", lakehouse.glueDatabaseNames);
        ctx.export("alarmTopicArn", alarms.arn);
        ctx.export("maskingKeySecretArn", maskingKey.secretArn);
    }

    static NetworkArgs networkArgs(StackSpec spec) {
        var n = spec.network();
        var b = NetworkArgs.builder().tags(spec.tags())
                .publicSubnets(n.publicSubnets())
                .natGateway(n.natGateway());
        n.cidr().ifPresent(b::cidrBlock);
        n.azCount().ifPresent(b::availabilityZoneCount);
        n.interfaceEndpoints().ifPresent(b::interfaceEndpoints);
        n.interfaceEndpointAzCount().ifPresent(b::interfaceEndpointAzCount);
        n.flowLogRetentionDays().ifPresent(b::flowLogRetentionDays);
        return b.build();
    }

    static LakehouseArgs lakehouseArgs(StackSpec spec) {
        var l = spec.lakehouse();
        var b = LakehouseArgs.builder().tags(spec.tags())
                .environment(spec.stack())
                .allowDataDeletion(l.allowDataDeletion())
                .protect(spec.environment().isProd());
        l.bronzeInfrequentAccessDays().ifPresent(b::bronzeInfrequentAccessDays);
        l.bronzeGlacierDays().ifPresent(b::bronzeGlacierDays);
        l.noncurrentVersionExpirationDays().ifPresent(b::noncurrentVersionExpirationDays);
        l.athenaBytesScannedCutoffMb().ifPresent(b::athenaBytesScannedCutoffMb);
        return b.build();
    }

    static SourceDatabaseArgs databaseArgs(StackSpec spec, Network network, AlarmTopic alarms) {
        var d = spec.database();
        var b = SourceDatabaseArgs.builder().tags(spec.tags())
                .environment(spec.stack())
                .vpcId(network.vpcId)
                .vpcCidr(network.vpcCidr)
                .subnetIds(network.privateSubnetIds)
                .multiAz(d.multiAz())
                .deletionProtection(d.deletionProtection())
                .protect(spec.environment().isProd())
                .alarmTopicArn(alarms.arn);
        d.engineVersion().ifPresent(b::engineVersion);
        d.instanceClass().ifPresent(b::instanceClass);
        d.allocatedStorageGb().ifPresent(b::allocatedStorageGb);
        d.maxAllocatedStorageGb().ifPresent(b::maxAllocatedStorageGb);
        d.backupRetentionDays().ifPresent(b::backupRetentionDays);
        d.performanceInsights().ifPresent(b::performanceInsights);
        d.maxReplicationSlots().ifPresent(b::maxReplicationSlots);
        d.maxWalSenders().ifPresent(b::maxWalSenders);
        return b.build();
    }
}
