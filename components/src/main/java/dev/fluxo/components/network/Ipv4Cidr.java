package dev.fluxo.components.network;

/**
 * An IPv4 CIDR block, split into equal subnets the way {@code cidrsubnet} does in Terraform.
 *
 * @param address the network address as an unsigned 32-bit value
 * @param prefix  the prefix length, 0-32
 */
public record Ipv4Cidr(long address, int prefix) {
    public Ipv4Cidr {
        if (prefix < 0 || prefix > 32) {
            throw new IllegalArgumentException("prefix length must be 0-32: " + prefix);
        }
        if ((address & ~mask(prefix) & 0xFFFFFFFFL) != 0) {
            throw new IllegalArgumentException(format(address) + "/" + prefix
                    + " has host bits set; the network address is " + format(address & mask(prefix)) + "/" + prefix);
        }
    }

    /** Parses {@code a.b.c.d/n}; the message says what is wrong with a bad value. */
    public static Ipv4Cidr parse(String cidr) {
        if (cidr == null || !cidr.matches("\\d{1,3}(\\.\\d{1,3}){3}/\\d{1,2}")) {
            throw new IllegalArgumentException("not an IPv4 CIDR block: '" + cidr + "' (expected e.g. 10.0.0.0/16)");
        }
        var parts = cidr.split("/");
        long address = 0;
        for (var octet : parts[0].split("\\.")) {
            int value = Integer.parseInt(octet);
            if (value > 255) {
                throw new IllegalArgumentException("not an IPv4 CIDR block: '" + cidr + "' (octet " + value + " > 255)");
            }
            address = (address << 8) | value;
        }
        return new Ipv4Cidr(address, Integer.parseInt(parts[1]));
    }

    /**
     * The {@code index}-th subnet with {@code newBits} more prefix bits, e.g. {@code 10.0.0.0/16} →
     * {@code 10.0.16.0/20} for (4, 1).
     */
    public Ipv4Cidr subnet(int newBits, int index) {
        int newPrefix = prefix + newBits;
        if (newBits < 1 || newPrefix > 32) {
            throw new IllegalArgumentException("cannot split /" + prefix + " by " + newBits + " bits");
        }
        if (index < 0 || index >= (1 << newBits)) {
            throw new IllegalArgumentException("/" + prefix + " split by " + newBits + " bits has " + (1 << newBits)
                    + " subnets; index " + index + " is out of range");
        }
        return new Ipv4Cidr(address | ((long) index << (32 - newPrefix)), newPrefix);
    }

    private static long mask(int prefix) {
        return prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
    }

    private static String format(long address) {
        return ((address >> 24) & 255) + "." + ((address >> 16) & 255) + "." + ((address >> 8) & 255) + "." + (address & 255);
    }

    @Override
    public String toString() {
        return format(address) + "/" + prefix;
    }
}
