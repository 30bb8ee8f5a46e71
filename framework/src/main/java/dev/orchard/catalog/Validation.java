package dev.orchard.catalog;

import dev.orchard.internal.Sanitizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.platform.engine.TestTag;

/**
 * The rules a catalog value must follow, in one place: record constructors enforce them and the YAML reader
 * uses them to name the file, line and field of a bad value.
 */
final class Validation {

    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    static final Pattern SERVICE_ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern REVISION = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])(-\\d{2})?");

    private Validation() {
    }

    static String requireText(String what, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        return value.strip();
    }

    /** A concrete host name or IPv4 literal, lower case. */
    static String requireHost(String what, String host) {
        requireText(what, host);
        String problem = hostProblem(host, false);
        if (problem != null) {
            throw new IllegalArgumentException(what + " '" + Sanitizer.quote(host) + "' " + problem);
        }
        return host;
    }

    /** A host, or {@code *.} followed by a domain. */
    static String requirePattern(String what, String pattern) {
        requireText(what, pattern);
        String problem = hostProblem(pattern, true);
        if (problem != null) {
            throw new IllegalArgumentException(what + " '" + Sanitizer.quote(pattern) + "' " + problem);
        }
        return pattern;
    }

    /** Null when {@code text} is a valid host (or pattern, when allowed); otherwise what is wrong with it. */
    static String hostProblem(String text, boolean wildcardAllowed) {
        if (!text.equals(text.strip()) || text.chars().anyMatch(Character::isWhitespace)) {
            return "contains white space; expected a host name such as mdm.example.com";
        }
        if (!text.equals(text.toLowerCase(Locale.ROOT))) {
            return "has upper-case letters; write host names in lower case";
        }
        if (text.contains("/") || text.contains(":")) {
            return "is a URL or has a port; expected a bare host name such as www.apple.com";
        }
        if (IPV4.matcher(text).matches()) {
            return null;
        }
        String name = text;
        if (text.startsWith("*.")) {
            if (!wildcardAllowed) {
                return "is a wildcard; expected a concrete host";
            }
            name = text.substring(2);
        }
        if (name.contains("*")) {
            return "has a misplaced wildcard; a wildcard may only be the whole first label, as in *.example.com";
        }
        if (name.length() > 253) {
            return "is longer than 253 characters";
        }
        List<String> labels = List.of(name.split("\\.", -1));
        if (labels.size() < 2 && text.startsWith("*.")) {
            return "wildcards a top-level domain; expected *.domain.tld";
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return "has an invalid label '" + Sanitizer.quote(label)
                        + "'; labels are 1 to 63 letters, digits or hyphens, not starting or ending with a hyphen";
            }
        }
        return null;
    }

    static int requirePort(String what, int port) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(what + " " + port + " is out of range; expected 1 to 65535");
        }
        return port;
    }

    static String requireServiceId(String id) {
        requireText("service id", id);
        if (!SERVICE_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("service id '" + Sanitizer.quote(id)
                    + "' is invalid; expected lower-case words joined by hyphens, such as device-setup");
        }
        return id;
    }

    static String requireTag(String tag) {
        if (tag == null || !TestTag.isValid(tag)) {
            throw new IllegalArgumentException("tag '" + Sanitizer.quote(tag) + "' is not a valid JUnit tag; tags must not be empty"
                    + " or contain white space, control characters or any of , ( ) & | !");
        }
        return tag.strip();
    }

    static String requireRevision(String revision) {
        requireText("revision", revision);
        if (!REVISION.matcher(revision).matches()) {
            throw new IllegalArgumentException("revision '" + Sanitizer.quote(revision) + "' is invalid; expected YYYY-MM, such as 2024-11");
        }
        return revision;
    }
}
