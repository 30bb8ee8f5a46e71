package dev.orchard.maven;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.apache.maven.settings.Proxy;

/**
 * Turns the active HTTP {@code <proxy>} of Maven's settings.xml into an {@code apple-network.proxy} URL, so the
 * checks go the way the build's own downloads go. Credentials are URL-encoded into the URL and kept out of
 * {@link #display()}, the only form that is ever printed.
 *
 * @param url the URL the engine gets, with encoded credentials
 * @param display the URL without credentials, plus where it came from
 * @param nonProxyHosts the settings' nonProxyHosts, passed on as apple-network.nonProxyHosts
 */
record SettingsProxy(String url, String display, Optional<String> nonProxyHosts) {

    /** The first active proxy whose protocol is http (Maven's default), if any. */
    static Optional<SettingsProxy> from(List<Proxy> proxies) {
        return proxies.stream()
                .filter(Proxy::isActive)
                .filter(p -> p.getProtocol() == null || p.getProtocol().equalsIgnoreCase("http"))
                .filter(p -> p.getHost() != null && !p.getHost().isBlank())
                .findFirst()
                .map(SettingsProxy::of);
    }

    static SettingsProxy of(Proxy proxy) {
        String host = proxy.getHost().strip();
        String hostPart = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        String address = hostPart + ":" + proxy.getPort();
        String user = proxy.getUsername();
        String password = proxy.getPassword();
        String credentials = "";
        if (user != null && !user.isEmpty()) {
            String encodedUser = encode(user);
            String encodedPassword = password == null ? "" : encode(password);
            credentials = encodedUser + (password == null ? "" : ":" + encodedPassword) + "@";
        }
        String id = proxy.getId() == null ? "" : " '" + proxy.getId() + "'";
        String nonProxy = proxy.getNonProxyHosts();
        return new SettingsProxy("http://" + credentials + address,
                "http://" + address + " (settings.xml proxy" + id
                        + (credentials.isEmpty() ? "" : ", with credentials") + ")",
                Optional.ofNullable(nonProxy).map(String::strip).filter(s -> !s.isEmpty()));
    }

    /** Form encoding turns a space into '+', which a URL's user-info would read literally. */
    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
