package dev.orchard.catalog;

import org.apiguardian.api.API;

/**
 * One difference between two catalogs, in plain words, such as
 * {@code apps: changed sylvan.apple.com ports 80, 433 → 80, 443}.
 *
 * @param service the service id
 * @param host the host pattern; empty for a change of a whole service
 * @param kind what changed
 * @param text the sentence printed for it
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Change(String service, String host, Kind kind, String text) {

    /** The kinds of change; descriptions matter less than what a firewall sees, so they come last. */
    public enum Kind {
        SERVICE_ADDED,
        SERVICE_REMOVED,
        REMOVED,
        ADDED,
        CHANGED,
        DESCRIPTION_CHANGED
    }

    @Override
    public String toString() {
        return text;
    }
}
