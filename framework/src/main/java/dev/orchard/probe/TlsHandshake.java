package dev.orchard.probe;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.security.auth.x500.X500Principal;
import okio.ByteString;

/**
 * Opens a validated TLS session to a host over a route, within a time budget, and turns every way it can fail
 * into a verdict. TLS and DoH probes share it so that both judge certificates identically.
 */
final class TlsHandshake {

    /** Either an open, validated socket with its evidence, or the failed result. */
    record Outcome(SSLSocket socket, Evidence evidence, ProbeResult failure) {
    }

    private TlsHandshake() {
    }

    static Outcome open(TrustAnchors anchors, Route route, String host, int port, TimeBudget budget,
            long startNanos) {
        Socket raw;
        try {
            raw = route.open(host, port, budget.remaining());
        } catch (RouteException e) {
            return failed(e.verdict(), e.getMessage(), startNanos,
                    evidence(route, null, List.of(), null, e.httpStatus(), e.server(), null));
        } catch (IOException e) {
            Verdict verdict = TcpFailure.verdict(e);
            return failed(verdict, "cannot connect to " + host + ":" + port + " (" + TcpFailure.brief(e)
                    + ")", startNanos, evidence(route, null, List.of(), null, null, null, null));
        }
        String connectedTo = raw.getInetAddress() == null ? null
                : IpLiteral.format(raw.getInetAddress(), raw.getPort());
        ChainRecorder recorder = new ChainRecorder(anchors.trustManager(), host);
        SSLSocket tls = null;
        try {
            budget.guard(raw);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {recorder}, null);
            raw.setSoTimeout(budget.remainingMillis());
            tls = (SSLSocket) context.getSocketFactory().createSocket(raw, host, port, true);
            SSLParameters parameters = tls.getSSLParameters();
            parameters.setProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            tls.setSSLParameters(parameters);
            tls.setSoTimeout(budget.remainingMillis());
            tls.startHandshake();
            budget.close();
            String version = tls.getSession().getProtocol();
            return new Outcome(tls, evidence(route, connectedTo, chain(recorder.chain()), version, null, null,
                    null), null);
        } catch (IOException | GeneralSecurityException e) {
            budget.close();
            TimeBudget.closeQuietly(tls != null ? tls : raw);
            TimeBudget.closeQuietly(raw);
            Evidence evidence = evidence(route, connectedTo, chain(recorder.chain()), null, null, null,
                    recorder.reason());
            boolean late = e instanceof SocketTimeoutException || budget.expired();
            ProbeResult failure = failure(recorder, e, late, anchors, host + ":" + port, budget.timeout(),
                    startNanos, evidence);
            if (failure.verdict() == Verdict.TLS_HANDSHAKE_FAILED && HandshakeDiagnosis.cut(e)) {
                failure = HandshakeDiagnosis.reset(route, host, port, e, !recorder.chain().isEmpty(), startNanos,
                        evidence);
            } else if (failure.verdict() == Verdict.TLS_HANDSHAKE_TIMEOUT) {
                failure = ProbeResult.failed(Verdict.TLS_HANDSHAKE_TIMEOUT, HandshakeDiagnosis.stalled(anchors, route,
                        host, port, budget.timeout(), !recorder.chain().isEmpty()), since(startNanos), evidence);
            }
            return new Outcome(null, evidence, failure);
        }
    }

    /**
     * The verdict of a failed handshake: the recorder's judgement of the chain if it saw one, else a timeout or a
     * plain handshake failure.
     */
    static ProbeResult failure(ChainRecorder recorder, Exception e, boolean late, TrustAnchors anchors,
            String target, Duration timeout, long startNanos, Evidence evidence) {
        switch (recorder.outcome()) {
            case UNTRUSTED:
                return ProbeResult.failed(Verdict.TLS_INTERCEPTED,
                        interceptedMessage(target, evidence.chain(), anchors), since(startNanos), evidence);
            case NAME_MISMATCH:
                return ProbeResult.failed(Verdict.TLS_HOSTNAME_MISMATCH, mismatchMessage(target, recorder.reason()),
                        since(startNanos), evidence);
            default:
                break;
        }
        if (late) {
            return ProbeResult.failed(Verdict.TLS_HANDSHAKE_TIMEOUT, "TCP to " + target + " connected but the TLS "
                    + "handshake did not complete within " + timeout.toMillis() + " ms; a middlebox holds the "
                    + "connection", since(startNanos), evidence);
        }
        return ProbeResult.failed(Verdict.TLS_HANDSHAKE_FAILED, "the TLS handshake with " + target + " failed ("
                + TcpFailure.brief(e) + "); allow TLS 1.2 and 1.3 to the host unmodified", since(startNanos),
                evidence);
    }

    static String mismatchMessage(String target, String reason) {
        return "TLS to " + target + " presents a valid certificate for another name: " + reason
                + "; traffic reaches the wrong server (check DNS overrides, connect-to rules or a transparent proxy)";
    }

    static String interceptedMessage(String target, List<CertificateInfo> chain, TrustAnchors anchors) {
        String issuer = chain.isEmpty() ? "(no certificate)" : commonName(chain.get(0).issuer());
        Optional<String> product = InspectionVendors.product(chain);
        return "TLS to " + target + " is intercepted: the certificate is issued by '" + issuer + "'"
                + product.map(p -> " (" + p + ")").orElse("")
                + ", not by Apple's or a public CA (it chains to none of the trust anchors: " + anchors.describe()
                + "); exempt the host from TLS inspection";
    }

    /** The CN of a distinguished name, or the whole name when it has none. */
    static String commonName(String distinguishedName) {
        try {
            for (Rdn rdn : new LdapName(distinguishedName).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    return String.valueOf(rdn.getValue());
                }
            }
        } catch (InvalidNameException e) {
            return distinguishedName;
        }
        return distinguishedName;
    }

    static List<CertificateInfo> chain(List<X509Certificate> certificates) {
        return certificates.stream()
                .map(c -> new CertificateInfo(c.getSubjectX500Principal().getName(X500Principal.RFC2253),
                        c.getIssuerX500Principal().getName(X500Principal.RFC2253),
                        ByteString.of(c.getPublicKey().getEncoded()).sha256().hex(),
                        c.getNotAfter().toInstant().toString()))
                .toList();
    }

    static Evidence evidence(Route route, String connectedTo, List<CertificateInfo> chain, String version,
            Integer status, String server, String detail) {
        return new Evidence(List.of(), List.of(), List.of(), connectedTo, route.describe(), chain, version, status,
                server, detail);
    }

    static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    private static Outcome failed(Verdict verdict, String message, long startNanos, Evidence evidence) {
        return new Outcome(null, evidence, ProbeResult.failed(verdict, message, since(startNanos), evidence));
    }
}
