package dev.orchard.catalog;

import org.apiguardian.api.API;

/**
 * A concrete host that stands in for a wildcard pattern, with the reason it was chosen: a wildcard cannot be
 * resolved or connected to, and its bare apex is a different host that Apple did not list.
 */
@API(status = API.Status.STABLE, since = "0.1")
public record ProbeHost(String host, String reason) {

    public ProbeHost {
        Validation.requireHost("probe host", host);
        reason = reason == null ? "" : reason.strip();
    }

    /** Whether this concrete host is covered by {@code pattern} ({@code *.x} covers {@code a.x}, not {@code x}). */
    public boolean isCoveredBy(String pattern) {
        if (pattern.startsWith("*.")) {
            String suffix = pattern.substring(1);
            return host.endsWith(suffix) && host.length() > suffix.length();
        }
        return host.equals(pattern);
    }
}
