package dev.orchard.probe;

import dev.orchard.internal.Sanitizer;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;

/**
 * An HTTP proxy as {@code http://[user:password@]host:port}. Credentials are kept for the Proxy-Authorization
 * header only: {@link #toString()} and {@link #describe()} never show them, because reports and logs print both.
 */
final class ProxySettings {

    private static final String EXPECTED = "expected http://[user:password@]host:port";

    private final String host;
    private final int port;
    private final String username;
    private final String password;

    private ProxySettings(String host, int port, String username, String password) {
        this.host = host;
        this.port = port;
        this.username = username;
        this.password = password;
    }

    /** Parses a proxy URL; bad input is an {@link IllegalArgumentException} that shows the URL without secrets. */
    static ProxySettings parse(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("proxy URL is empty; " + EXPECTED);
        }
        String trimmed = url.trim();
        // Known before any message can quote it, and before any proxy can echo it back.
        Sanitizer.rememberUrl(trimmed);
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("proxy URL '" + redact(trimmed) + "' is not a URL; " + EXPECTED);
        }
        if (uri.getScheme() == null || !uri.getScheme().toLowerCase(Locale.ROOT).equals("http")) {
            throw new IllegalArgumentException("proxy URL '" + redact(trimmed)
                    + "' must use the http scheme (the proxy is spoken to in plain HTTP); " + EXPECTED);
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("proxy URL '" + redact(trimmed) + "' has no host; " + EXPECTED);
        }
        if (uri.getPort() < 1 || uri.getPort() > 65535) {
            throw new IllegalArgumentException("proxy URL '" + redact(trimmed)
                    + "' has no port between 1 and 65535; " + EXPECTED);
        }
        String path = uri.getRawPath();
        if ((path != null && !path.isEmpty() && !path.equals("/")) || uri.getRawQuery() != null
                || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("proxy URL '" + redact(trimmed)
                    + "' must not have a path, query or fragment; " + EXPECTED);
        }
        String username = null;
        String password = null;
        String userInfo = uri.getUserInfo();
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("proxy URL '" + redact(trimmed)
                        + "' has credentials without user:password; " + EXPECTED);
            }
            username = userInfo.substring(0, colon);
            password = userInfo.substring(colon + 1);
        }
        String host = uri.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return new ProxySettings(host, uri.getPort(), username, password);
    }

    /** The URL without credentials, escaped, for error messages. */
    private static String redact(String url) {
        return Sanitizer.clean(Sanitizer.withoutCredentials(url), Sanitizer.QUOTE);
    }

    String host() {
        return host;
    }

    int port() {
        return port;
    }

    boolean hasCredentials() {
        return username != null;
    }

    /** The Basic {@code Proxy-Authorization} value, or null without credentials. */
    String proxyAuthorization() {
        return username == null ? null : "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** {@code http://host:port}, never with credentials. */
    String describe() {
        String shownHost = host.contains(":") ? "[" + host + "]" : host;
        return "http://" + shownHost + ":" + port;
    }

    @Override
    public String toString() {
        return describe() + (hasCredentials() ? " (with credentials)" : "");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ProxySettings that && host.equals(that.host) && port == that.port
                && Objects.equals(username, that.username) && Objects.equals(password, that.password);
    }

    @Override
    public int hashCode() {
        return Objects.hash(host, port, username);
    }
}
