package dev.fluxo.components;

import com.google.gson.JsonParser;
import com.pulumi.test.PulumiTest;
import dev.fluxo.components.testing.RecordingMocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

import static dev.fluxo.components.ComponentTestSupport.TAGS;
import static dev.fluxo.components.ComponentTestSupport.list;
import static dev.fluxo.components.ComponentTestSupport.map;
import static dev.fluxo.components.ComponentTestSupport.only;
import static dev.fluxo.components.ComponentTestSupport.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NetworkTest {
    private final RecordingMocks mocks = new RecordingMocks();

    @AfterEach
    void cleanup() {
        PulumiTest.cleanup();
    }

    private Network deploy(UnaryOperator<NetworkArgs.Builder> options) {
        var network = new AtomicReference<Network>();
        ComponentTestSupport.run(mocks, ctx -> network.set(
                new Network("net", options.apply(NetworkArgs.builder().tags(TAGS)).build(), null)));
        return network.get();
    }

    @Test
    void defaultsCreateOnePrivateSubnetPerDefaultAvailabilityZoneInDistinctZones() {
        var network = deploy(b -> b);
        var subnets = mocks.ofType("aws:ec2/subnet:Subnet").stream()
                .sorted(java.util.Comparator.comparing(dev.fluxo.components.testing.RecordedResource::name)).toList();
        assertThat(subnets).hasSize(Network.DEFAULT_AVAILABILITY_ZONE_COUNT);
        assertThat(subnets).extracting(s -> s.inputs().get("availabilityZone")).containsExactly("us-east-1a", "us-east-1b");
        assertThat(subnets).extracting(s -> s.inputs().get("cidrBlock")).containsExactly("10.0.0.0/20", "10.0.16.0/20");
        assertThat(subnets).allSatisfy(s -> assertThat(s.inputs().get("mapPublicIpOnLaunch")).isEqualTo(false));
        assertThat(value(network.privateSubnetIds)).hasSize(Network.DEFAULT_AVAILABILITY_ZONE_COUNT);
        assertThat(value(network.publicSubnetIds)).isEmpty();
        assertThat(mocks.invokes()).extracting(i -> i.token()).contains(RecordingMocks.GET_AVAILABILITY_ZONES);
    }

    @Test
    void vpcUsesTheDefaultCidrWithDnsOn() {
        var network = deploy(b -> b);
        var vpc = only(mocks, RecordingMocks.VPC);
        assertThat(vpc.inputs()).containsEntry("cidrBlock", Network.DEFAULT_CIDR_BLOCK)
                .containsEntry("enableDnsSupport", true).containsEntry("enableDnsHostnames", true);
        assertThat(value(network.vpcCidr)).isEqualTo(Network.DEFAULT_CIDR_BLOCK);
    }

    @Test
    void noInternetGatewayNorNatByDefault() {
        deploy(b -> b);
        assertThat(mocks.ofType("aws:ec2/internetGateway:InternetGateway")).isEmpty();
        assertThat(mocks.ofType("aws:ec2/natGateway:NatGateway")).isEmpty();
        assertThat(mocks.ofType("aws:ec2/route:Route")).isEmpty();
        assertThat(Network.DEFAULT_PUBLIC_SUBNETS).isFalse();
        assertThat(Network.DEFAULT_NAT_GATEWAY).isFalse();
        assertThat(mocks.ofType("aws:ec2/vpcEndpoint:VpcEndpoint")).hasSize(1 + Network.DEFAULT_INTERFACE_ENDPOINTS.size());
    }

    @Test
    void natGatewayRoutesEveryPrivateRouteTableThroughOneGateway() {
        deploy(b -> b.publicSubnets(true).natGateway(true).availabilityZoneCount(3));
        assertThat(mocks.ofType("aws:ec2/natGateway:NatGateway")).hasSize(1);
        var natRoutes = mocks.ofType("aws:ec2/route:Route").stream().filter(r -> r.inputs().containsKey("natGatewayId")).toList();
        assertThat(natRoutes).hasSize(3).allSatisfy(r -> assertThat(r.inputs()).containsEntry("destinationCidrBlock", "0.0.0.0/0"));
        assertThat(mocks.ofType("aws:ec2/subnet:Subnet")).hasSize(6);
    }

    @Test
    void natGatewayWithoutPublicSubnetsIsRefused() {
        assertThatThrownBy(() -> NetworkArgs.builder().tags(TAGS).natGateway(true).build())
                .hasMessageContaining("natGateway needs publicSubnets(true)");
    }

    @Test
    void everyInvalidOptionIsReportedInOneMessage() {
        assertThatThrownBy(() -> NetworkArgs.builder().tags(TAGS).cidrBlock("10.0.0.0/8").flowLogRetentionDays(31)
                .interfaceEndpoints(List.of("Not A Service")).build())
                .hasMessageContaining("cidrBlock").hasMessageContaining("flowLogRetentionDays")
                .hasMessageContaining("'Not A Service'");
    }

    @Test
    void singleAvailabilityZoneIsRefused() {
        assertThatThrownBy(() -> NetworkArgs.builder().tags(TAGS).availabilityZoneCount(1).build())
                .hasMessageContaining("availabilityZoneCount must be " + Network.MIN_AVAILABILITY_ZONE_COUNT);
    }

    @Test
    void s3GatewayEndpointServesEveryPrivateRouteTable() {
        deploy(b -> b);
        var gateway = mocks.ofType("aws:ec2/vpcEndpoint:VpcEndpoint").stream()
                .filter(e -> "Gateway".equals(e.inputs().get("vpcEndpointType"))).toList();
        assertThat(gateway).hasSize(1);
        assertThat(gateway.get(0).inputs()).containsEntry("serviceName", "com.amazonaws.us-east-1.s3");
        var routeTableIds = mocks.ofType("aws:ec2/routeTable:RouteTable").size();
        assertThat(list(gateway.get(0).inputs().get("routeTableIds"))).hasSize(routeTableIds).hasSize(2);
    }

    @Test
    void interfaceEndpointsUsePrivateDnsAndOneAvailabilityZoneByDefault() {
        deploy(b -> b.interfaceEndpoints(List.of("secretsmanager", "kinesis-streams")));
        var endpoints = mocks.ofType("aws:ec2/vpcEndpoint:VpcEndpoint").stream()
                .filter(e -> "Interface".equals(e.inputs().get("vpcEndpointType"))).toList();
        assertThat(endpoints).extracting(e -> e.inputs().get("serviceName"))
                .containsExactlyInAnyOrder("com.amazonaws.us-east-1.secretsmanager", "com.amazonaws.us-east-1.kinesis-streams");
        assertThat(endpoints).allSatisfy(e -> {
            assertThat(e.inputs()).containsEntry("privateDnsEnabled", true);
            assertThat(list(e.inputs().get("subnetIds"))).hasSize(Network.DEFAULT_INTERFACE_ENDPOINT_AZ_COUNT);
            assertThat(list(e.inputs().get("securityGroupIds"))).hasSize(1);
        });
    }

    @Test
    void interfaceEndpointsSpanTheRequestedAvailabilityZones() {
        deploy(b -> b.availabilityZoneCount(3).interfaceEndpointAzCount(3).interfaceEndpoints(List.of("sts")));
        var sts = mocks.named("net-sts-endpoint");
        assertThat(list(sts.inputs().get("subnetIds"))).hasSize(3);
    }

    @Test
    void endpointSecurityGroupAllowsOnlyHttpsFromTheVpcCidr() {
        deploy(b -> b.interfaceEndpoints(List.of("logs")));
        var sg = mocks.named("net-endpoints-sg");
        var ingress = list(sg.inputs().get("ingress"));
        assertThat(ingress).hasSize(1);
        var rule = map(ingress.get(0));
        assertThat(rule).containsEntry("fromPort", Network.ENDPOINT_PORT).containsEntry("toPort", Network.ENDPOINT_PORT)
                .containsEntry("protocol", "tcp");
        assertThat(list(rule.get("cidrBlocks"))).containsExactly(Network.DEFAULT_CIDR_BLOCK);
        assertThat(sg.inputs()).doesNotContainKey("egress");
    }

    @Test
    void defaultSecurityGroupIsStrippedOfAllRules() {
        deploy(b -> b);
        var defaultSg = only(mocks, "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup");
        assertThat(defaultSg.inputs()).doesNotContainKeys("ingress", "egress");
    }

    @Test
    void flowLogsGoToAKmsEncryptedGroupWithTheDefaultRetention() {
        var network = deploy(b -> b);
        var group = only(mocks, "aws:cloudwatch/logGroup:LogGroup");
        assertThat(group.inputs()).containsEntry("retentionInDays", Network.DEFAULT_FLOW_LOG_RETENTION_DAYS);
        var key = only(mocks, "aws:kms/key:Key");
        assertThat(key.inputs()).containsEntry("enableKeyRotation", true);
        assertThat((String) group.inputs().get("kmsKeyId")).startsWith("arn:aws:kms:us-east-1:");
        var flowLog = only(mocks, "aws:ec2/flowLog:FlowLog");
        assertThat(flowLog.inputs()).containsEntry("trafficType", "ALL").containsEntry("logDestinationType", "cloud-watch-logs");
        assertThat(value(network.flowLogGroupName)).isEqualTo(group.inputs().get("name"));
    }

    @Test
    void flowLogKeyPolicyLetsCloudWatchLogsUseItOnlyForThisAccountsLogGroups() {
        deploy(b -> b);
        var policy = JsonParser.parseString((String) only(mocks, "aws:kms/key:Key").inputs().get("policy")).getAsJsonObject();
        var logs = policy.getAsJsonArray("Statement").get(1).getAsJsonObject();
        assertThat(logs.getAsJsonObject("Principal").get("Service").getAsString()).isEqualTo("logs.us-east-1.amazonaws.com");
        assertThat(logs.getAsJsonObject("Condition").getAsJsonObject("ArnLike")
                .get("kms:EncryptionContext:aws:logs:arn").getAsString())
                .isEqualTo("arn:aws:logs:us-east-1:" + RecordingMocks.ACCOUNT_ID + ":log-group:*");
    }

    @Test
    void givenKeyIsUsedInsteadOfCreatingOne() {
        var arn = "arn:aws:kms:us-east-1:123456789012:key/given";
        deploy(b -> b.kmsKeyArn(com.pulumi.core.Output.of(arn)));
        assertThat(mocks.ofType("aws:kms/key:Key")).isEmpty();
        assertThat(only(mocks, "aws:cloudwatch/logGroup:LogGroup").inputs()).containsEntry("kmsKeyId", arn);
    }

    @Test
    void flowLogRoleMayWriteOnlyToItsOwnLogGroup() {
        deploy(b -> b);
        var groupName = (String) only(mocks, "aws:cloudwatch/logGroup:LogGroup").inputs().get("name");
        var groupArn = "arn:aws:logs:us-east-1:" + RecordingMocks.ACCOUNT_ID + ":log-group:" + groupName;
        var policy = JsonParser.parseString((String) only(mocks, "aws:iam/rolePolicy:RolePolicy").inputs().get("policy"));
        var statement = policy.getAsJsonObject().getAsJsonArray("Statement").get(0).getAsJsonObject();
        assertThat(statement.getAsJsonArray("Resource").toString()).contains(groupArn + "\"", groupArn + ":*\"")
                .doesNotContain("\"*\"");
        var trust = JsonParser.parseString((String) only(mocks, "aws:iam/role:Role").inputs().get("assumeRolePolicy"));
        assertThat(trust.toString()).contains("vpc-flow-logs.amazonaws.com", RecordingMocks.ACCOUNT_ID);
    }

    @Test
    void everyChildIsParentedByTheComponent() {
        var result = ComponentTestSupport.run(mocks, ctx -> new Network("net", NetworkArgs.builder().tags(TAGS)
                .publicSubnets(true).natGateway(true).interfaceEndpoints(List.of("sts")).build(), null));
        var children = result.resources().stream()
                .filter(r -> !r.pulumiResourceType().equals(Network.TYPE) && !r.pulumiResourceType().equals("pulumi:pulumi:Stack"))
                .toList();
        assertThat(children).isNotEmpty().allSatisfy(r ->
                assertThat(ComponentTestSupport.urn(r)).contains(Network.TYPE + "$"));
    }

    @Test
    void missingOwnerTagIsRefusedWithTheMissingKey() {
        assertThatThrownBy(() -> NetworkArgs.builder().tags(java.util.Map.of("environment", "dev", "project", "p",
                "cost-center", "c")).build()).hasMessageContaining("[owner]");
    }
}
