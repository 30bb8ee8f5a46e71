package dev.orchard.probe;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP proxy a network sends proxy-capable hosts through, with its credentials. Credentials stay here:
 * {@link #display()} is what reports print.
 *
 * @param host the proxy's host name or address
 * @param port its port
 * @param user the user name, or null
 * @param password the password, or null
 */
record HttpProxy(String host, int port, String user, String password) {

    static final String SYNTAX = "http://[user:password@]host:port, e.g. http://proxy.example.com:3128, or none";

    private static final Pattern URL = Pattern.compile("http://(?:([^@/]*)@)?(\\[[^\\]/]+\\]|[^:@/\\[\\]]+):(\\d+)/?",
            Pattern.CASE_INSENSITIVE);

    /** Parses {@code http://[user:password@]host:port}; the message of the exception says what was expected. */
    static HttpProxy parse(String text) {
        String value = text.strip();
        Matcher m = URL.matcher(value);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + redact(value) + "' is not a proxy URL; expected " + SYNTAX);
        }
        int port;
        try {
            port = Integer.parseInt(m.group(3));
        } catch (NumberFormatException e) {
            port = 0;
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("'" + redact(value) + "' has port " + m.group(3)
                    + ", not one from 1 to 65535; expected " + SYNTAX);
        }
        String user = null;
        String password = null;
        if (m.group(1) != null && !m.group(1).isEmpty()) {
            String[] credentials = m.group(1).split(":", 2);
            user = decode(credentials[0]);
            password = credentials.length > 1 ? decode(credentials[1]) : null;
        }
        String host = m.group(2).startsWith("[") ? m.group(2).substring(1, m.group(2).length() - 1) : m.group(2);
        return new HttpProxy(host, port, user, password);
    }

    /** Percent-decodes user info; a literal '+' stays a plus, unlike in form data. */
    private static String decode(String text) {
        try {
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the credentials of the proxy URL have a bad %-escape; expected "
                    + SYNTAX, e);
        }
    }

    /** {@code http://host:port}, never with credentials. */
    String display() {
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    @Override
    public String toString() {
        return display();
    }

    /** The URL with any password replaced, so messages about a bad value do not leak it. */
    static String redact(String url) {
        return url.replaceFirst("//([^:@/]*):[^@/]*@", "//$1:****@");
    }
}
