package dev.orchard.probe;

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
        long start = System.nanoTime();
        try (TimeBudget budget = TimeBudget.start(timeout)) {
            TlsHandshake.Outcome outcome = TlsHandshake.open(anchors, route, host, port, budget, start);
            if (outcome.failure() != null) {
                return outcome.failure();
            }
            TimeBudget.closeQuietly(outcome.socket());
            Evidence evidence = outcome.evidence();
            return ProbeResult.passed("TLS to " + host + ":" + port + " is not inspected: " + evidence.tlsVersion()
                    + ", certificate issued by '" + TlsHandshake.commonName(evidence.issuer())
                    + "', which chains to the trust anchors", TlsHandshake.since(start), evidence);
        }
    }
}
