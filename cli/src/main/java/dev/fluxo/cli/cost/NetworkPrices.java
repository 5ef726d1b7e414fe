package dev.fluxo.cli.cost;

import java.util.Map;

/** NAT gateways, their public IPv4 addresses and VPC endpoints. */
final class NetworkPrices {
    static final String NAT_GATEWAY = "aws:ec2/natGateway:NatGateway";
    static final String ELASTIC_IP = "aws:ec2/eip:Eip";
    static final String VPC_ENDPOINT = "aws:ec2/vpcEndpoint:VpcEndpoint";

    private NetworkPrices() {
    }

    static void register(Map<String, Pricer> pricers) {
        pricers.put(NAT_GATEWAY, (r, c) -> new Pricing()
                .idle(c.charge("NAT gateway", c.hours(), "h", "natGateway.hour"))
                .atLoad(c.charge("data processed", c.load().natGbPerMonth(), "GB", "natGateway.gb")));
        pricers.put(ELASTIC_IP, (r, c) -> new Pricing()
                .idle(c.charge("public IPv4 address", c.hours(), "h", "publicIpv4.hour")));
        pricers.put(VPC_ENDPOINT, NetworkPrices::endpoint);
    }

    private static Pricing endpoint(PricedResource r, PricingContext c) {
        var kind = r.string("vpcEndpointType").orElse("Gateway");
        if (!kind.equalsIgnoreCase("Interface")) {
            return new Pricing().note(kind + " endpoint: no charge");
        }
        var azs = Math.max(1, r.listSize("subnetIds"));
        return new Pricing()
                .idle(c.charge("interface endpoint in " + azs + " AZ", azs * c.hours(), "AZ-h", "interfaceEndpoint.azHour"))
                .atLoad(c.charge("data processed", c.load().endpointGbPerMonth(), "GB", "interfaceEndpoint.gb"));
    }
}
