package dev.orchard.probe;

import java.net.InetAddress;
import java.util.Optional;

/**
 * An address range in CIDR notation, such as {@code 17.0.0.0/8} or {@code 2403:300::/32}: Apple's published ranges
 * and a PAC file's {@code isInNetEx} prefixes alike.
 */
record Cidr(InetAddress network, int prefix) {

    /** The range {@code text} spells, or empty when it is not an address, a slash and a prefix length that fits. */
    static Optional<Cidr> parse(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            return Optional.empty();
        }
        Optional<InetAddress> network = IpLiteral.parse(text.substring(0, slash));
        int prefix;
        try {
            prefix = Integer.parseInt(text.substring(slash + 1).strip());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (network.isEmpty() || prefix < 0 || prefix > network.get().getAddress().length * 8) {
            return Optional.empty();
        }
        return Optional.of(new Cidr(network.get(), prefix));
    }

    /** Whether {@code address}, of the same family, shares the first {@link #prefix} bits. */
    boolean contains(InetAddress address) {
        byte[] net = network.getAddress();
        byte[] candidate = address.getAddress();
        if (net.length != candidate.length) {
            return false;
        }
        int full = prefix / 8;
        for (int i = 0; i < full; i++) {
            if (net[i] != candidate[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xff << (8 - rest)) & 0xff;
        return (net[full] & mask) == (candidate[full] & mask);
    }

    @Override
    public String toString() {
        return IpLiteral.text(network) + "/" + prefix;
    }
}
