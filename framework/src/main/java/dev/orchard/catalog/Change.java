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
 * @param field for a changed row or service, what changed: {@code ports}, {@code transports}, {@code proxy},
 *     {@code os}, {@code service} (the host moved to another service), {@code description} or {@code title};
 *     empty for an added or removed row or service
 * @param before the value before; empty for an addition
 * @param after the value after; empty for a removal
 * @param line the line in the newer article or catalog; 0 when the change is a removal or the line is unknown
 * @param needsProbeHost an added wildcard that no catalog gives a concrete host to probe; it cannot be checked
 *     until a catalog names one
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Change(String service, String host, Kind kind, String text, String field, String before,
        String after, int line, boolean needsProbeHost) {

    /** The kinds of change; descriptions and titles matter less than what a firewall sees, so they come last. */
    public enum Kind {
        SERVICE_ADDED,
        SERVICE_REMOVED,
        REMOVED,
        ADDED,
        CHANGED,
        DESCRIPTION_CHANGED,
        TITLE_CHANGED;

        /** {@code added}, {@code removed} or {@code changed}, as the JSON diff names it. */
        public String change() {
            return switch (this) {
                case SERVICE_ADDED, ADDED -> "added";
                case SERVICE_REMOVED, REMOVED -> "removed";
                default -> "changed";
            };
        }
    }

    public Change {
        field = field == null ? "" : field;
        before = before == null ? "" : before;
        after = after == null ? "" : after;
    }

    public Change(String service, String host, Kind kind, String text) {
        this(service, host, kind, text, "", "", "", 0, false);
    }

    /**
     * Whether a firewall or proxy sees the change: a host added or removed, or a change to its ports,
     * transports, proxy support, platforms or service. Wording (descriptions, titles) is not structural.
     */
    public boolean structural() {
        return kind != Kind.DESCRIPTION_CHANGED && kind != Kind.TITLE_CHANGED;
    }

    @Override
    public String toString() {
        return text;
    }
}
