package dev.orchard.report;

import dev.orchard.probe.Verdict;
import java.util.Optional;

/**
 * The kind of change an administrator asks for to fix a failed check: the {@code change} column of
 * {@code apple-network-changes.csv}. This is the one place that maps a {@link Verdict} to a change; the switch is
 * exhaustive so a new verdict does not compile until someone decides which change it calls for.
 */
enum ChangeKind {
    FIREWALL_ALLOW("firewall-allow", "Allow outbound on the firewall",
            "a direct connection was dropped, refused or rejected"),
    PROXY_ALLOW("proxy-allow", "Allow in the proxy's policy", "the proxy or a web filter denied the request"),
    PROXY_AUTH_EXEMPT("proxy-auth-exempt", "Exempt from proxy authentication",
            "the proxy demanded authentication, which Apple devices cannot give"),
    TLS_INSPECTION_EXEMPT("tls-inspection-exempt", "Exempt from TLS inspection",
            "a middlebox intercepted or held the TLS connection"),
    DNS_FILTER_ALLOW("dns-filter-allow", "Allow in the DNS filter",
            "a DNS filter answered NXDOMAIN, a sinkhole, or stripped the records"),
    OTHER("other", "Other changes", "no allow or exempt rule fixes it; see the reason");

    private final String id;
    private final String title;
    private final String meaning;

    ChangeKind(String id, String title, String meaning) {
        this.id = id;
        this.title = title;
        this.meaning = meaning;
    }

    /** {@code firewall-allow}, as the CSV and the JSON write it. */
    String id() {
        return id;
    }

    /** The heading of the kind's block in the HTML page. */
    String title() {
        return title;
    }

    /** When the kind applies, in one clause. */
    String meaning() {
        return meaning;
    }

    /** The change that fixes a failed check with {@code verdict}; empty for verdicts that are not failures. */
    static Optional<ChangeKind> of(Verdict verdict) {
        ChangeKind kind = switch (verdict) {
            case OK, DISABLED, FAMILY_UNAVAILABLE -> null;
            case TCP_REFUSED, TCP_TIMEOUT, TCP_UNREACHABLE, TCP_RESET, UDP_NO_RESPONSE, UDP_REFUSED, SSH_NO_BANNER ->
                    FIREWALL_ALLOW;
            case PROXY_DENIED, HTTP_BLOCKED -> PROXY_ALLOW;
            case PROXY_AUTH_REQUIRED -> PROXY_AUTH_EXEMPT;
            case TLS_INTERCEPTED, TLS_HANDSHAKE_TIMEOUT, TLS_HANDSHAKE_FAILED -> TLS_INSPECTION_EXEMPT;
            case DNS_NXDOMAIN, DNS_SINKHOLE, DNS_NO_ADDRESS -> DNS_FILTER_ALLOW;
            case DNS_SERVFAIL, DNS_REFUSED, DNS_TIMEOUT, DNS_CNAME_LOOP, TLS_HOSTNAME_MISMATCH, HTTP_CAPTIVE_PORTAL,
                    NTP_INVALID, QUIC_INVALID, DOH_INVALID, PROXY_ERROR, PROXY_UNREACHABLE, PAC_UNAVAILABLE, PAC_INVALID,
                    NOT_RUN -> OTHER;
        };
        return Optional.ofNullable(kind);
    }
}
