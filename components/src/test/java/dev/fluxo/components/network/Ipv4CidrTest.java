package dev.fluxo.components.network;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Ipv4CidrTest {
    @Test
    void splitsLikeCidrsubnet() {
        var vpc = Ipv4Cidr.parse("10.0.0.0/16");
        assertThat(vpc.subnet(4, 0)).hasToString("10.0.0.0/20");
        assertThat(vpc.subnet(4, 1)).hasToString("10.0.16.0/20");
        assertThat(vpc.subnet(4, 15)).hasToString("10.0.240.0/20");
    }

    @Test
    void layoutKeepsPublicSubnetsAfterEveryPrivateSlot() {
        var layout = new SubnetLayout(Ipv4Cidr.parse("172.16.0.0/20"));
        assertThat(layout.privateSubnet(0)).hasToString("172.16.0.0/24");
        assertThat(layout.publicSubnet(0)).hasToString("172.16.8.0/24");
    }

    @Test
    void hostBitsAreRefusedWithTheNetworkAddress() {
        assertThatThrownBy(() -> Ipv4Cidr.parse("10.0.0.1/16")).hasMessageContaining("10.0.0.0/16");
    }

    @Test
    void malformedBlocksAreRefused() {
        assertThatThrownBy(() -> Ipv4Cidr.parse("10.0.0/16")).hasMessageContaining("not an IPv4 CIDR");
        assertThatThrownBy(() -> Ipv4Cidr.parse("10.0.300.0/16")).hasMessageContaining("300");
    }

    @Test
    void vpcsOutsideAwsLimitsAreRefused() {
        assertThatThrownBy(() -> new SubnetLayout(Ipv4Cidr.parse("10.0.0.0/8"))).hasMessageContaining("/16");
        assertThatThrownBy(() -> new SubnetLayout(Ipv4Cidr.parse("10.0.0.0/26"))).hasMessageContaining("/28");
    }
}
