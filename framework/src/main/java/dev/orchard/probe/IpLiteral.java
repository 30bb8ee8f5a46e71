package dev.orchard.probe;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import org.xbill.DNS.Address;

/**
 * Parses IP address literals without ever asking a resolver: configuration names resolvers and lab targets by
 * address, and looking a name up there would send a query before the user chose where queries go.
 */
final class IpLiteral {

    private IpLiteral() {
    }

    /** The address {@code text} spells (IPv6 with or without brackets), or empty if it is not a literal. */
    static Optional<InetAddress> parse(String text) {
        String literal = text.strip();
        if (literal.startsWith("[") && literal.endsWith("]")) {
            literal = literal.substring(1, literal.length() - 1);
        }
        if (literal.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Address.getByAddress(literal));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** {@code 127.0.0.1:53} or {@code [::1]:53}. */
    static String format(InetAddress address, int port) {
        String host = address.getHostAddress();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
