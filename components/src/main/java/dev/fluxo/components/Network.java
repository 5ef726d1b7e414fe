package dev.fluxo.components;

import com.pulumi.aws.AwsFunctions;
import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.aws.ec2.DefaultSecurityGroup;
import com.pulumi.aws.ec2.DefaultSecurityGroupArgs;
import com.pulumi.aws.ec2.Eip;
import com.pulumi.aws.ec2.EipArgs;
import com.pulumi.aws.ec2.FlowLog;
import com.pulumi.aws.ec2.FlowLogArgs;
import com.pulumi.aws.ec2.InternetGateway;
import com.pulumi.aws.ec2.InternetGatewayArgs;
import com.pulumi.aws.ec2.NatGateway;
import com.pulumi.aws.ec2.NatGatewayArgs;
import com.pulumi.aws.ec2.Route;
import com.pulumi.aws.ec2.RouteArgs;
import com.pulumi.aws.ec2.RouteTable;
import com.pulumi.aws.ec2.RouteTableArgs;
import com.pulumi.aws.ec2.RouteTableAssociation;
import com.pulumi.aws.ec2.RouteTableAssociationArgs;
import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.ec2.Subnet;
import com.pulumi.aws.ec2.SubnetArgs;
import com.pulumi.aws.ec2.Vpc;
import com.pulumi.aws.ec2.VpcArgs;
import com.pulumi.aws.ec2.VpcEndpoint;
import com.pulumi.aws.ec2.VpcEndpointArgs;
import com.pulumi.aws.ec2.inputs.SecurityGroupIngressArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.aws.inputs.GetAvailabilityZonesArgs;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.deployment.InvokeOptions;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import dev.fluxo.components.iam.AwsAccount;
import dev.fluxo.components.iam.ComponentKey;
import dev.fluxo.components.iam.KeyPolicies;
import dev.fluxo.components.iam.PolicyDocument;
import dev.fluxo.components.iam.PolicyStatement;
import dev.fluxo.components.naming.ResourceTags;
import dev.fluxo.components.network.Ipv4Cidr;
import dev.fluxo.components.network.SubnetLayout;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A private VPC for the pipeline: private subnets across availability zones, an S3 gateway endpoint and
 * interface endpoints for the AWS services the pipeline calls (so dev needs no NAT gateway), a locked-down
 * default security group, and VPC flow logs into a KMS-encrypted CloudWatch log group.
 *
 * <p>Public subnets (with an internet gateway) and a single NAT gateway are opt-in.
 *
 * <pre>{@code
 * var network = new Network("net", NetworkArgs.builder()
 *         .tags(Map.of("environment", "dev", "project", "fluxo", "owner", "data", "cost-center", "cc-42"))
 *         .interfaceEndpoints(List.of("secretsmanager", "logs", "sts"))
 *         .build(), null);
 * }</pre>
 */
public class Network extends ComponentResource {
    /** The Pulumi type token. */
    public static final String TYPE = "fluxo:index:Network";
    /** Default VPC CIDR block. */
    public static final String DEFAULT_CIDR_BLOCK = "10.0.0.0/16";
    /** Default number of availability zones (private subnets). */
    public static final int DEFAULT_AVAILABILITY_ZONE_COUNT = 2;
    /** Fewest AZs allowed: RDS subnet groups and MSK need two. */
    public static final int MIN_AVAILABILITY_ZONE_COUNT = 2;
    /** Most AZs allowed (the subnet layout reserves eight private slots; no region has more than six AZs). */
    public static final int MAX_AVAILABILITY_ZONE_COUNT = 6;
    /** Default: no public subnets, nothing is reachable from the internet. */
    public static final boolean DEFAULT_PUBLIC_SUBNETS = false;
    /** Default: no NAT gateway (about $32/month plus data); AWS services are reached through endpoints. */
    public static final boolean DEFAULT_NAT_GATEWAY = false;
    /** Default interface endpoints: none. */
    public static final List<String> DEFAULT_INTERFACE_ENDPOINTS = List.of();
    /** Default number of AZs that host each interface endpoint (each AZ costs about $7.3/month per endpoint). */
    public static final int DEFAULT_INTERFACE_ENDPOINT_AZ_COUNT = 1;
    /** Default retention of the VPC flow-log group, in days. */
    public static final int DEFAULT_FLOW_LOG_RETENTION_DAYS = 30;

    /** HTTPS: the only port interface endpoints accept. */
    public static final int ENDPOINT_PORT = 443;

    /** The VPC id. */
    @Export(name = "vpcId", refs = {String.class})
    public final Output<String> vpcId;
    /** The VPC's IPv4 CIDR block. */
    @Export(name = "vpcCidr", refs = {String.class})
    public final Output<String> vpcCidr;
    /** Private subnet ids, one per AZ, in AZ order. */
    @Export(name = "privateSubnetIds", refs = {List.class, String.class}, tree = "[0,1]")
    public final Output<List<String>> privateSubnetIds;
    /** Public subnet ids, one per AZ; empty unless public subnets were asked for. */
    @Export(name = "publicSubnetIds", refs = {List.class, String.class}, tree = "[0,1]")
    public final Output<List<String>> publicSubnetIds;
    /** The security group of the interface endpoints (HTTPS from the VPC only). */
    @Export(name = "endpointSecurityGroupId", refs = {String.class})
    public final Output<String> endpointSecurityGroupId;
    /** The CloudWatch log group receiving the VPC flow logs. */
    @Export(name = "flowLogGroupName", refs = {String.class})
    public final Output<String> flowLogGroupName;
    /** The KMS key encrypting the flow-log group (given or created). */
    @Export(name = "flowLogKmsKeyArn", refs = {String.class})
    public final Output<String> flowLogKmsKeyArn;

    public Network(String name, NetworkArgs args, ComponentResourceOptions opts) {
        super(TYPE, name, opts);
        args.validate();
        var tags = ResourceTags.require("Network", args.tags());
        var environment = tags.get(ResourceTags.ENVIRONMENT);
        var child = CustomResourceOptions.builder().parent(this).build();
        var account = AwsAccount.lookup(this);
        var layout = new SubnetLayout(Ipv4Cidr.parse(args.cidrBlock()));
        int azCount = args.availabilityZoneCount();

        var zoneNames = AwsFunctions.getAvailabilityZones(GetAvailabilityZonesArgs.builder().state("available").build(),
                InvokeOptions.builder().parent(this).build()).applyValue(result -> {
                    if (result.names().size() < azCount) {
                        throw new IllegalStateException("Network " + name + ": " + azCount + " availability zones asked for, "
                                + "but the region offers only " + result.names());
                    }
                    return result.names();
                });

        var vpc = new Vpc(name + "-vpc", VpcArgs.builder()
                .cidrBlock(args.cidrBlock())
                .enableDnsSupport(true)
                .enableDnsHostnames(true)
                .tags(ResourceTags.named(tags, name + "-vpc"))
                .build(), child);

        // The default security group allows all traffic between its members; strip every rule from it.
        new DefaultSecurityGroup(name + "-default-sg", DefaultSecurityGroupArgs.builder()
                .vpcId(vpc.id())
                .tags(ResourceTags.named(tags, name + "-default-sg-unused"))
                .build(), child);

        var privateSubnets = new ArrayList<Subnet>();
        var privateRouteTables = new ArrayList<RouteTable>();
        for (int i = 0; i < azCount; i++) {
            final int az = i;
            var subnet = new Subnet(name + "-private-" + i, SubnetArgs.builder()
                    .vpcId(vpc.id())
                    .availabilityZone(zoneNames.applyValue(names -> names.get(az)))
                    .cidrBlock(layout.privateSubnet(i).toString())
                    .mapPublicIpOnLaunch(false)
                    .tags(ResourceTags.named(tags, name + "-private-" + i))
                    .build(), child);
            var routeTable = new RouteTable(name + "-private-rt-" + i, RouteTableArgs.builder()
                    .vpcId(vpc.id())
                    .tags(ResourceTags.named(tags, name + "-private-rt-" + i))
                    .build(), child);
            new RouteTableAssociation(name + "-private-rta-" + i, RouteTableAssociationArgs.builder()
                    .subnetId(subnet.id())
                    .routeTableId(routeTable.id())
                    .build(), child);
            privateSubnets.add(subnet);
            privateRouteTables.add(routeTable);
        }

        var publicSubnets = new ArrayList<Subnet>();
        if (args.publicSubnets()) {
            var gateway = new InternetGateway(name + "-igw", InternetGatewayArgs.builder()
                    .vpcId(vpc.id())
                    .tags(ResourceTags.named(tags, name + "-igw"))
                    .build(), child);
            var publicRouteTable = new RouteTable(name + "-public-rt", RouteTableArgs.builder()
                    .vpcId(vpc.id())
                    .tags(ResourceTags.named(tags, name + "-public-rt"))
                    .build(), child);
            new Route(name + "-public-default-route", RouteArgs.builder()
                    .routeTableId(publicRouteTable.id())
                    .destinationCidrBlock("0.0.0.0/0")
                    .gatewayId(gateway.id())
                    .build(), child);
            for (int i = 0; i < azCount; i++) {
                final int az = i;
                var subnet = new Subnet(name + "-public-" + i, SubnetArgs.builder()
                        .vpcId(vpc.id())
                        .availabilityZone(zoneNames.applyValue(names -> names.get(az)))
                        .cidrBlock(layout.publicSubnet(i).toString())
                        .mapPublicIpOnLaunch(false)
                        .tags(ResourceTags.named(tags, name + "-public-" + i))
                        .build(), child);
                new RouteTableAssociation(name + "-public-rta-" + i, RouteTableAssociationArgs.builder()
                        .subnetId(subnet.id())
                        .routeTableId(publicRouteTable.id())
                        .build(), child);
                publicSubnets.add(subnet);
            }
            if (args.natGateway()) {
                var eip = new Eip(name + "-nat-eip", EipArgs.builder()
                        .domain("vpc")
                        .tags(ResourceTags.named(tags, name + "-nat-eip"))
                        .build(), child);
                var nat = new NatGateway(name + "-nat", NatGatewayArgs.builder()
                        .allocationId(eip.id())
                        .subnetId(publicSubnets.get(0).id())
                        .tags(ResourceTags.named(tags, name + "-nat"))
                        .build(), CustomResourceOptions.builder().parent(this).dependsOn(gateway).build());
                for (int i = 0; i < azCount; i++) {
                    new Route(name + "-private-nat-route-" + i, RouteArgs.builder()
                            .routeTableId(privateRouteTables.get(i).id())
                            .destinationCidrBlock("0.0.0.0/0")
                            .natGatewayId(nat.id())
                            .build(), child);
                }
            }
        }

        new VpcEndpoint(name + "-s3-gateway", VpcEndpointArgs.builder()
                .vpcId(vpc.id())
                .serviceName(Output.format("com.amazonaws.%s.s3", account.region()))
                .vpcEndpointType("Gateway")
                .routeTableIds(Output.all(privateRouteTables.stream().map(RouteTable::id).toList()))
                .tags(ResourceTags.named(tags, name + "-s3-gateway"))
                .build(), child);

        var endpointSecurityGroup = new SecurityGroup(name + "-endpoints-sg", SecurityGroupArgs.builder()
                .vpcId(vpc.id())
                .description("Interface endpoints: HTTPS from inside the VPC only")
                .ingress(SecurityGroupIngressArgs.builder()
                        .description("HTTPS from the VPC")
                        .protocol("tcp")
                        .fromPort(ENDPOINT_PORT)
                        .toPort(ENDPOINT_PORT)
                        .cidrBlocks(args.cidrBlock())
                        .build())
                .tags(ResourceTags.named(tags, name + "-endpoints-sg"))
                .build(), child);
        var endpointSubnetIds = Output.all(privateSubnets.subList(0, args.interfaceEndpointAzCount()).stream()
                .map(Subnet::id).toList());
        for (var service : args.interfaceEndpoints()) {
            new VpcEndpoint(name + "-" + service + "-endpoint", VpcEndpointArgs.builder()
                    .vpcId(vpc.id())
                    .serviceName(Output.format("com.amazonaws.%s.%s", account.region(), service))
                    .vpcEndpointType("Interface")
                    .privateDnsEnabled(true)
                    .subnetIds(endpointSubnetIds)
                    .securityGroupIds(endpointSecurityGroup.id().applyValue(List::of))
                    .tags(ResourceTags.named(tags, name + "-" + service + "-endpoint"))
                    .build(), child);
        }

        var keyArn = args.kmsKeyArn().orElseGet(() -> ComponentKey.create(name + "-flow-logs-key",
                "Encrypts the VPC flow logs of " + name, KeyPolicies.accountKey(account, true), tags, child).arn());
        var logGroup = new LogGroup(name + "-flow-logs", LogGroupArgs.builder()
                .name("/fluxo/" + environment + "/" + name + "/vpc-flow-logs")
                .retentionInDays(args.flowLogRetentionDays())
                .kmsKeyId(keyArn)
                .tags(ResourceTags.named(tags, name + "-flow-logs"))
                .build(), child);
        var role = new Role(name + "-flow-logs-role", RoleArgs.builder()
                .description("Lets VPC Flow Logs write to " + name + "'s flow-log group")
                .assumeRolePolicy(PolicyDocument.assumableBy("vpc-flow-logs.amazonaws.com", account.accountId()).toJson())
                .tags(ResourceTags.named(tags, name + "-flow-logs-role"))
                .build(), child);
        var rolePolicy = new RolePolicy(name + "-flow-logs-write", RolePolicyArgs.builder()
                .role(role.id())
                .policy(PolicyDocument.of(PolicyStatement.allow().sid("WriteFlowLogsToOneGroup")
                        .actions("logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams")
                        .resource(logGroup.arn())
                        .resource(logGroup.arn().applyValue(arn -> arn + ":*"))
                        .build()).toJson())
                .build(), child);
        new FlowLog(name + "-flow-log", FlowLogArgs.builder()
                .vpcId(vpc.id())
                .trafficType("ALL")
                .logDestinationType("cloud-watch-logs")
                .logDestination(logGroup.arn())
                .iamRoleArn(role.arn())
                .tags(ResourceTags.named(tags, name + "-flow-log"))
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(rolePolicy).build());

        this.vpcId = vpc.id();
        this.vpcCidr = vpc.cidrBlock();
        this.privateSubnetIds = Output.all(privateSubnets.stream().map(Subnet::id).toList());
        this.publicSubnetIds = publicSubnets.isEmpty() ? Output.of(List.of())
                : Output.all(publicSubnets.stream().map(Subnet::id).toList());
        this.endpointSecurityGroupId = endpointSecurityGroup.id();
        this.flowLogGroupName = logGroup.name();
        this.flowLogKmsKeyArn = keyArn;
        registerOutputs(Map.of(
                "vpcId", vpcId,
                "vpcCidr", vpcCidr,
                "privateSubnetIds", privateSubnetIds,
                "publicSubnetIds", publicSubnetIds,
                "endpointSecurityGroupId", endpointSecurityGroupId,
                "flowLogGroupName", flowLogGroupName,
                "flowLogKmsKeyArn", flowLogKmsKeyArn));
    }
}
