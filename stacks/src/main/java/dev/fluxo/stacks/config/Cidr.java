package dev.fluxo.stacks.config;

import java.util.Optional;
import java.util.regex.Pattern;

/** An IPv4 CIDR block, parsed strictly (host bits must be zero) so that overlap checks are exact. */
public record Cidr(long network, int prefix) {
    private static final Pattern SHAPE = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})/(\\d{1,2})");

    public static Optional<Cidr> parse(String text) {
        var m = SHAPE.matcher(text.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        long address = 0;
        for (var i = 1; i <= 4; i++) {
            var octet = Integer.parseInt(m.group(i));
            if (octet > 255) {
                return Optional.empty();
            }
            address = (address << 8) | octet;
        }
        var prefix = Integer.parseInt(m.group(5));
        if (prefix > 32 || (address & ~mask(prefix)) != 0) {
            return Optional.empty();
        }
        return Optional.of(new Cidr(address, prefix));
    }

    private static long mask(int prefix) {
        return prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
    }

    public boolean overlaps(Cidr other) {
        var shorter = Math.min(prefix, other.prefix);
        return (network & mask(shorter)) == (other.network & mask(shorter));
    }

    @Override
    public String toString() {
        return String.format("%d.%d.%d.%d/%d", network >> 24 & 255, network >> 16 & 255, network >> 8 & 255,
                network & 255, prefix);
    }
}
