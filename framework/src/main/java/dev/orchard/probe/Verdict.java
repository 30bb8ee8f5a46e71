package dev.orchard.probe;

import org.apiguardian.api.API;

/**
 * Why a check ended as it did, in the words of the network part that caused it. Each verdict carries what it
 * means and what an administrator should change; reports and failure messages print both.
 *
 * <p>{@link #PAC_UNAVAILABLE} is reported once per run, by the {@code pac} check of {@code apple-network.pac}: the
 * other checks then go direct, as devices do. {@link #PAC_INVALID} fails the PAC check when the file does not
 * compile, and a single check when {@code FindProxyForURL} throws, loops or returns garbage for its URL.
 */
@API(status = API.Status.STABLE, since = "0.1")
public enum Verdict {
    OK("the check succeeded", "nothing"),

    DNS_NXDOMAIN("the resolver says the name does not exist",
            "a DNS filter blocks the name or a name on its CNAME chain; allow the Apple domains in the DNS filter"),
    DNS_NO_ADDRESS("the name exists but has no address, or its CNAME chain ends nowhere",
            "a DNS filter strips records on the CNAME chain; stop filtering the chain's names"),
    DNS_SINKHOLE("the name resolves to a sinkhole address (0.0.0.0, ::, 127.0.0.0/8 or a configured block page)",
            "a DNS filter answers with a sinkhole; allow the Apple domains in the DNS filter"),
    DNS_SERVFAIL("the resolver failed to answer (SERVFAIL)",
            "the resolver cannot reach upstream or DNSSEC validation failed; check the resolver's forwarders"),
    DNS_REFUSED("the resolver refused the query",
            "the resolver does not serve this client; check its access list or use the right resolver"),
    DNS_TIMEOUT("the resolver did not answer in time",
            "a firewall drops DNS or the resolver is down; allow UDP and TCP 53 to the resolver"),
    DNS_CNAME_LOOP("the CNAME chain loops or is too long",
            "a resolver or filter rewrites names in a loop; fix the resolver's rewrite rules"),

    TCP_REFUSED("the connection was refused with a reset",
            "a firewall rejects the port, or nothing listens; allow the port outbound"),
    TCP_TIMEOUT("the connection attempt got no answer",
            "a firewall drops the traffic; allow the port outbound"),
    TCP_UNREACHABLE("the network reported the host or network unreachable (ICMP)",
            "a router or firewall rejects with ICMP, or there is no route; allow the traffic and check routing"),
    TCP_RESET("the connection was reset or closed after it opened, before or during the TLS handshake; a second "
            + "connection that sends nothing tells a cut right after our ClientHello (SNI filtering) from a cut of "
            + "every session",
            "a firewall or IPS resets the session; exempt the host from deep packet inspection, or allow its name in"
            + " the firewall's SNI filtering"),

    TLS_INTERCEPTED("the certificate does not chain to the trusted roots: something inspects TLS",
            "exempt the host from TLS/SSL inspection on the proxy or firewall"),
    TLS_HANDSHAKE_TIMEOUT("TCP connected but the TLS handshake never completed; a retry with a small receive "
            + "window tells an MTU black hole (the retry completes) from a middlebox that holds the connection",
            "a middlebox holds the connection: exempt the host from inspection or allow it through; for an MTU black"
            + " hole, clamp the TCP MSS or let ICMP fragmentation-needed through (path MTU discovery)"),
    TLS_HANDSHAKE_FAILED("the TLS handshake failed",
            "a middlebox breaks TLS (protocol or cipher policy); allow TLS 1.2 and 1.3 to the host unmodified"),
    TLS_HOSTNAME_MISMATCH("the certificate does not name the host",
            "traffic reaches the wrong server; check DNS overrides, connect-to rules or a transparent proxy"),

    HTTP_CAPTIVE_PORTAL("captive.apple.com did not answer \"Success\": a captive portal intercepts HTTP",
            "sign the network in to the portal, or exempt Apple devices from it"),
    HTTP_BLOCKED("a middlebox answered instead of the host, directly or through the proxy: a block page (403, 451 "
            + "or 511 from a filter, a redirect to another site, a web filter's signature, its vendor named) or an "
            + "answer that is not the host's known answer (CRL, certificate, OCSP response, update catalog)",
            "allow the host in the web filter or proxy policy"),

    UDP_NO_RESPONSE("no UDP answer came back", "a firewall drops UDP to the port; allow it outbound"),
    UDP_REFUSED("the host answered ICMP port unreachable", "a firewall rejects UDP to the port; allow it outbound"),
    NTP_INVALID("the NTP answer was not a valid server reply",
            "a middlebox rewrites NTP; allow UDP 123 to Apple's time servers unmodified"),
    QUIC_INVALID("the QUIC answer was not a valid Version Negotiation",
            "a middlebox mangles QUIC; allow UDP 443 unmodified"),
    SSH_NO_BANNER("no SSH-2.0 banner arrived", "a firewall or proxy blocks SSH; allow TCP 22 to the host"),
    DOH_INVALID("the DNS-over-HTTPS answer was not a DNS message with an answer",
            "a proxy or filter rewrites DoH; allow the host unmodified"),

    PROXY_DENIED("the proxy refused the request", "allow the host in the proxy's policy"),
    PROXY_AUTH_REQUIRED("the proxy demands authentication (407)",
            "exempt Apple hosts from proxy authentication, as Apple requires"),
    PROXY_ERROR("the proxy failed to reach the host, or answered with a server error",
            "check the proxy's own DNS and outbound firewall for the host"),
    PROXY_UNREACHABLE("the proxy itself could not be reached", "check the proxy address and that it is running"),
    PAC_UNAVAILABLE("the proxy auto-config (PAC) file could not be fetched, so devices go direct",
            "serve the PAC file at the configured URL (or wpad.dat for WPAD) and check the path and the web server"),
    PAC_INVALID("the PAC file does not compile, throws, runs too long or returns something other than a proxy list",
            "fix the PAC file at the line named; FindProxyForURL must return \"PROXY host:port; DIRECT\"-style text"),

    DISABLED("the site catalog disabled this row", "nothing: the site does not use this service"),
    FAMILY_UNAVAILABLE("this IP family's half of the check did not run: the host has no address of the family, this"
            + " machine has no route for it, or a proxy picks the family",
            "nothing: the other family's check covers the host"),
    NOT_RUN("the check did not finish: it was interrupted or ran past the run's time budget",
            "rerun it; if it repeats, lower apple-network.parallelism and report the run's log");

    private final String meaning;
    private final String remedy;

    Verdict(String meaning, String remedy) {
        this.meaning = meaning;
        this.remedy = remedy;
    }

    public String meaning() {
        return meaning;
    }

    public String remedy() {
        return remedy;
    }
}
