package dev.fluxo.components.network;

/**
 * How a VPC's CIDR is divided: 16 equal subnets, private ones from the first, public ones from the ninth,
 * so adding an AZ or public subnets later never renumbers existing subnets (a /16 gives /20s of 4,096
 * addresses).
 */
public final class SubnetLayout {
    /** Bits added to the VPC prefix for each subnet: 16 slots. */
    public static final int NEW_BITS = 4;
    /** First slot of the public subnets; slots before it are private. */
    public static final int PUBLIC_OFFSET = 8;
    /** The largest VPC prefix that still yields AWS's smallest subnet (/28). */
    public static final int MAX_VPC_PREFIX = 28 - NEW_BITS;

    private final Ipv4Cidr vpc;

    public SubnetLayout(Ipv4Cidr vpc) {
        if (vpc.prefix() < 16 || vpc.prefix() > MAX_VPC_PREFIX) {
            throw new IllegalArgumentException("VPC CIDR " + vpc + " must have a prefix between /16 (AWS's largest VPC) and /"
                    + MAX_VPC_PREFIX + " (so each subnet is at least /28)");
        }
        this.vpc = vpc;
    }

    public Ipv4Cidr privateSubnet(int azIndex) {
        return vpc.subnet(NEW_BITS, azIndex);
    }

    public Ipv4Cidr publicSubnet(int azIndex) {
        return vpc.subnet(NEW_BITS, PUBLIC_OFFSET + azIndex);
    }
}
