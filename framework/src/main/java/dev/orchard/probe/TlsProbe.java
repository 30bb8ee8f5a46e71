package dev.orchard.probe;

import dev.orchard.catalog.KnownAnswer;
import java.time.Duration;
import java.util.Objects;

/**
 * Tells whether a host's TLS reaches the client unmodified: the handshake completes in time, the chain leads to
 * the trust anchors (else something inspects TLS, and the product is named when recognised) and the certificate
 * names the host. It sends no application data.
 */
final class TlsProbe {

    private final TrustAnchors anchors;
    private final Duration timeout;

    TlsProbe(TrustAnchors anchors, Duration timeout) {
        this.anchors = Objects.requireNonNull(anchors, "anchors");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    ProbeResult probe(Route route, String host, int port) {
        return probe(route, host, port, null);
    }

    /**
     * Probes as above; with {@code known} (may be null), then asks for the known answer over the validated session
     * and checks it as the http check does, so that a filter answering inside the tunnel is HTTP_BLOCKED.
     */
    ProbeResult probe(Route route, String host, int port, KnownAnswer known) {
        long start = System.nanoTime();
        try (TimeBudget budget = TimeBudget.start(timeout)) {
            TlsHandshake.Outcome outcome = TlsHandshake.open(anchors, route, host, port, budget, start);
            if (outcome.failure() != null) {
                return outcome.failure();
            }
            Evidence evidence = outcome.evidence();
            if (known != null) {
                return KnownAnswerOverTls.check(outcome.socket(), host, port, known, timeout, start, evidence);
            }
            TimeBudget.closeQuietly(outcome.socket());
            return ProbeResult.passed("TLS to " + host + ":" + port + " is not inspected: " + evidence.tlsVersion()
                    + ", certificate issued by '" + TlsHandshake.commonName(evidence.issuer())
                    + "', which chains to the trust anchors", TlsHandshake.since(start), evidence);
        }
    }
}
