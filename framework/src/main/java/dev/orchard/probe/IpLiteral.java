package dev.orchard.probe;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import org.apiguardian.api.API;
import org.xbill.DNS.Address;

/**
 * Parses IP address literals without ever asking a resolver: configuration names resolvers and lab targets by
 * address, and looking a name up there would send a query before the user chose where queries go. Also the one
 * place that writes an address for people: {@link #text} compresses IPv6 as RFC 5952 asks ({@code 2403:300::1}),
 * where {@link InetAddress#getHostAddress()} writes every group ({@code 2403:300:0:0:0:0:0:1}).
 */
@API(status = INTERNAL)
public final class IpLiteral {

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
    public static String format(InetAddress address, int port) {
        String host = text(address);
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    /**
     * The address as RFC 5952 writes it: IPv4 dotted, IPv6 in lower case without leading zeros, the longest run
     * of two or more zero groups (the first of equal runs) as {@code ::}, and a scope as {@code %scope}.
     */
    public static String text(InetAddress address) {
        if (!(address instanceof Inet6Address v6)) {
            return address.getHostAddress();
        }
        byte[] bytes = v6.getAddress();
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int start = i;
            while (i < 8 && groups[i] == 0) {
                i++;
            }
            if (i - start > bestLength) {
                bestStart = start;
                bestLength = i - start;
            }
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLength - 1;
                continue;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString(groups[i]));
        }
        String host = address.getHostAddress();
        int percent = host.indexOf('%');
        return percent < 0 ? out.toString() : out + host.substring(percent);
    }
}
