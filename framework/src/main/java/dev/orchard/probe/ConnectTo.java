package dev.orchard.probe;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One curl-style connect-to override, {@code HOST:PORT:ADDR:PORT}: connections for {@code HOST:PORT} go to
 * {@code ADDR:PORT} instead, while names, SNI and Host headers stay the same. This is how a site tests a new
 * proxy or firewall path, and how the lab points Apple names at loopback servers.
 *
 * @param host the host name it applies to, lower case; null matches any host
 * @param port the port it applies to; 0 matches any port
 * @param address where connections go instead; a literal, so no DNS is needed
 * @param targetPort the port they go to; 0 keeps the original port
 */
record ConnectTo(String host, int port, InetAddress address, int targetPort) {

    static final String SYNTAX = "HOST:PORT:ADDR:PORT, e.g. gdmf.apple.com:443:127.0.0.1:8443 or :5223:[::1]:5223"
            + " (an empty HOST or PORT matches any; ADDR is an IP address)";

    /** Parses one override; the message of the exception names the entry and the expected form. */
    static ConnectTo parse(String entry) {
        String text = entry.strip();
        String[] head = text.split(":", 3);
        if (head.length < 3) {
            throw invalid(text, "it has fewer than four parts");
        }
        String host = head[0].strip();
        int port = port(text, head[1], "PORT");
        String rest = head[2].strip();
        String addressText;
        String targetPortText;
        if (rest.startsWith("[")) {
            int close = rest.indexOf(']');
            if (close < 0 || close + 1 >= rest.length() || rest.charAt(close + 1) != ':') {
                throw invalid(text, "an IPv6 ADDR must be in brackets and followed by :PORT");
            }
            addressText = rest.substring(0, close + 1);
            targetPortText = rest.substring(close + 2);
        } else {
            int colon = rest.lastIndexOf(':');
            if (colon < 0) {
                throw invalid(text, "it has fewer than four parts");
            }
            addressText = rest.substring(0, colon);
            targetPortText = rest.substring(colon + 1);
            if (addressText.contains(":")) {
                throw invalid(text, "an IPv6 ADDR must be in brackets, e.g. [::1]");
            }
        }
        if (host.contains("[") || host.contains("]") || host.contains(" ")) {
            throw invalid(text, "HOST '" + host + "' is not a host name");
        }
        if (addressText.isBlank()) {
            throw invalid(text, "ADDR is empty");
        }
        InetAddress address = IpLiteral.parse(addressText)
                .orElseThrow(() -> invalid(text, "ADDR '" + addressText + "' is not an IP address"));
        int targetPort = port(text, targetPortText, "target PORT");
        return new ConnectTo(host.isEmpty() ? null : normalize(host), port, address, targetPort);
    }

    /** Parses each entry, in order. */
    static List<ConnectTo> parseAll(List<String> entries) {
        return entries.stream().filter(e -> !e.isBlank()).map(ConnectTo::parse).toList();
    }

    /** Where a connection to {@code host:port} goes: the first matching override, as curl uses it. */
    static Optional<InetSocketAddress> target(List<ConnectTo> overrides, String host, int port) {
        return overrides.stream().filter(o -> o.matches(host, port)).findFirst()
                .map(o -> new InetSocketAddress(o.address, o.targetPort == 0 ? port : o.targetPort));
    }

    boolean matches(String name, int wantedPort) {
        return (host == null || host.equals(normalize(name))) && (port == 0 || port == wantedPort);
    }

    /** The override as the configuration spells it. */
    String display() {
        String addressText = IpLiteral.text(address);
        if (addressText.contains(":")) {
            addressText = "[" + addressText + "]";
        }
        return (host == null ? "" : host) + ":" + (port == 0 ? "" : port) + ":" + addressText + ":"
                + (targetPort == 0 ? "" : targetPort);
    }

    private static String normalize(String name) {
        String lower = name.strip().toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }

    private static int port(String entry, String text, String part) {
        String value = text.strip();
        if (value.isEmpty()) {
            return 0;
        }
        try {
            int port = Integer.parseInt(value);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid(entry, part + " '" + value + "' is not a port from 1 to 65535");
    }

    private static IllegalArgumentException invalid(String entry, String why) {
        return new IllegalArgumentException("'" + entry + "' is not a connect-to override (" + why + "); expected "
                + SYNTAX);
    }
}
