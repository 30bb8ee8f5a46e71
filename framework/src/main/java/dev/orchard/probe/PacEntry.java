package dev.orchard.probe;

import dev.orchard.internal.Sanitizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One entry of a PAC answer such as {@code PROXY a:3128; PROXY b:3128; DIRECT}, tried in order as devices try them.
 * {@code HTTP} is read as {@code PROXY}. {@code HTTPS} and {@code SOCKS} entries are kept so evidence can name them,
 * but Orchard cannot test through them and moves on to the next entry.
 *
 * @param kind {@code DIRECT}, {@code PROXY}, {@code HTTPS}, {@code SOCKS}, {@code SOCKS4} or {@code SOCKS5}
 * @param host the proxy host, null for DIRECT
 * @param port the proxy port, 0 for DIRECT
 */
record PacEntry(String kind, String host, int port) {

    static final PacEntry DIRECT = new PacEntry("DIRECT", null, 0);

    private static final List<String> PROXIES = List.of("PROXY", "HTTPS", "SOCKS", "SOCKS4", "SOCKS5");

    boolean direct() {
        return host == null;
    }

    /** A plain HTTP proxy, which Orchard tunnels through as devices do. */
    boolean httpProxy() {
        return "PROXY".equals(kind);
    }

    /** As the PAC spells it: {@code DIRECT} or {@code PROXY host:port}. */
    String text() {
        return direct() ? kind : kind + " " + ProxyRoute.authority(host, port);
    }

    /** The proxy as {@link ProxySettings} understand it. */
    ProxySettings proxy() {
        return ProxySettings.parse("http://" + ProxyRoute.authority(host, port));
    }

    /** Parses a PAC answer; text that is not a proxy list is an {@link IllegalArgumentException} saying why. */
    static List<PacEntry> parse(String answer) {
        List<PacEntry> entries = new ArrayList<>();
        for (String raw : answer.split(";")) {
            String item = raw.strip();
            if (item.isEmpty()) {
                continue;
            }
            String[] words = item.split("\\s+");
            String kind = words[0].toUpperCase(Locale.ROOT);
            if (kind.equals("DIRECT") && words.length == 1) {
                entries.add(DIRECT);
                continue;
            }
            if (kind.equals("HTTP")) {
                kind = "PROXY";
            }
            if (!PROXIES.contains(kind) || words.length != 2) {
                throw new IllegalArgumentException("'" + Sanitizer.quote(item)
                        + "' is not DIRECT or PROXY host:port");
            }
            entries.add(address(kind, words[1], item));
        }
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("the answer '" + Sanitizer.quote(answer) + "' names no proxy and no"
                    + " DIRECT");
        }
        return List.copyOf(entries);
    }

    private static PacEntry address(String kind, String hostPort, String item) {
        int colon = hostPort.lastIndexOf(':');
        String host = colon < 0 ? hostPort : hostPort.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = colon < 0 ? -1 : Integer.parseInt(hostPort.substring(colon + 1));
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (host.isEmpty() || port < 1 || port > 65535 || !host.matches("[A-Za-z0-9.:_-]+")) {
            throw new IllegalArgumentException("'" + Sanitizer.quote(item) + "' does not name a proxy as host:port");
        }
        return new PacEntry(kind, host.toLowerCase(Locale.ROOT), port);
    }
}
