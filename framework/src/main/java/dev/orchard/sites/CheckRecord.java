package dev.orchard.sites;

import java.util.List;

/**
 * One check of a results file, with only what aggregation and drift compare. Read from a file by
 * {@link ResultsReader} or converted from a run, so a run and a file compare the same way.
 *
 * @param service the service id
 * @param host the probed host
 * @param port the port, or null for a dns check
 * @param check the check kind ({@code dns}, {@code tcp}, {@code tls}...)
 * @param family the address family when the file records one (a later version may), else null
 * @param status {@code passed}, {@code failed} or {@code skipped}
 * @param verdict {@code OK} or a verdict name
 * @param message the result's line for a person, bounded
 * @param durationMs the final attempt's duration
 * @param addresses the resolved addresses
 * @param cnameChain the names from the host to the one with addresses
 * @param issuers the issuers of the presented certificate chain, leaf first
 * @param server the HTTP {@code Server}/{@code Via} header or banner, or null
 */
record CheckRecord(String service, String host, Integer port, String check, String family, String status,
        String verdict, String message, long durationMs, List<String> addresses, List<String> cnameChain,
        List<String> issuers, String server) {

    CheckRecord {
        addresses = addresses == null ? List.of() : addresses;
        cnameChain = cnameChain == null ? List.of() : cnameChain;
        issuers = issuers == null ? List.of() : issuers;
        message = message == null ? "" : message;
    }

    /**
     * What matches a check across runs: service, host, check kind, port, and {@code ipv6} for the IPv6 half of a
     * dual-stack check. The IPv4 half keeps the plain key: a check's family can come and go with its route (a
     * proxy picks the family), and the check must keep its key when its result or route changes.
     */
    String key() {
        return service + " " + host + " " + checkName();
    }

    /** {@code tls 443}, {@code tls 443 ipv6} or {@code dns}: the check as a person reads it beside the host. */
    String checkName() {
        return check + (port == null ? "" : " " + port) + ("ipv6".equals(family) ? " ipv6" : "");
    }

    boolean failed() {
        return "failed".equals(status);
    }

    boolean passed() {
        return "passed".equals(status);
    }

    /** The certificate authority that signed the presented leaf, or null when no chain was seen. */
    String leafIssuer() {
        return issuers.isEmpty() ? null : issuers.get(0);
    }
}
