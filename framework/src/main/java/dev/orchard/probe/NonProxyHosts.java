package dev.orchard.probe;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Hosts that bypass the proxy, written as in Maven's settings.xml and Java's {@code http.nonProxyHosts}:
 * {@code *.example.com|localhost}, where {@code *} matches any run of characters. A site whose PAC file sends some
 * hosts direct lists them here so that Orchard routes them as devices do.
 */
record NonProxyHosts(List<String> patterns) {

    private static final Pattern ALLOWED = Pattern.compile("[a-z0-9.*:\\[\\]-]+");

    NonProxyHosts {
        patterns = List.copyOf(patterns);
    }

    static NonProxyHosts none() {
        return new NonProxyHosts(List.of());
    }

    /** Parses {@code a|b,c}; a pattern with other characters is an error naming the key. */
    static NonProxyHosts parse(String key, String value) {
        List<String> patterns = Arrays.stream(value.split("[|,]")).map(String::strip)
                .filter(p -> !p.isEmpty()).map(p -> p.toLowerCase(Locale.ROOT)).toList();
        for (String pattern : patterns) {
            if (!ALLOWED.matcher(pattern).matches()) {
                throw new IllegalArgumentException(key + ": '" + pattern + "' is not a host pattern; expected host "
                        + "names or addresses with * wildcards, separated by | or commas, e.g. *.example.com|localhost");
            }
        }
        return new NonProxyHosts(patterns);
    }

    /** Whether {@code host} goes direct: the PAC's shell-expression match, as no pattern holds a {@code ?}. */
    boolean matches(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        return patterns.stream().anyMatch(p -> PacFunctions.shExpMatch(name, p));
    }
}
