package dev.orchard.probe;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * A trust manager that records the presented chain before judging it, so a rejected chain is still evidence, and
 * that tells an untrusted chain (inspection) from a trusted one naming another host. It rejects inside the
 * handshake, so no application data ever flows over a connection that failed validation.
 */
final class ChainRecorder extends X509ExtendedTrustManager {

    enum Outcome { NOT_SEEN, TRUSTED, UNTRUSTED, NAME_MISMATCH }

    private final X509TrustManager pkix;
    private final String host;
    private volatile List<X509Certificate> chain = List.of();
    private volatile Outcome outcome = Outcome.NOT_SEEN;
    private volatile String reason;

    ChainRecorder(X509TrustManager pkix, String host) {
        this.pkix = pkix;
        this.host = host;
    }

    List<X509Certificate> chain() {
        return chain;
    }

    Outcome outcome() {
        return outcome;
    }

    /** Why the chain was rejected, as the validator put it. */
    String reason() {
        return reason;
    }

    /** Without the socket the host name cannot be checked; the JDK always calls the socket variant. */
    @Override
    public void checkServerTrusted(X509Certificate[] presented, String authType) throws CertificateException {
        checkChain(presented, authType);
        outcome = Outcome.TRUSTED;
    }

    private void checkChain(X509Certificate[] presented, String authType) throws CertificateException {
        chain = presented == null ? List.of() : List.of(presented);
        if (chain.isEmpty()) {
            outcome = Outcome.UNTRUSTED;
            reason = "the server presented no certificate";
            throw new CertificateException(reason);
        }
        try {
            pkix.checkServerTrusted(presented, authType);
        } catch (CertificateException | RuntimeException e) {
            outcome = Outcome.UNTRUSTED;
            reason = e.getMessage();
            throw e;
        }
    }

    /**
     * Checks the chain alone first, then again with the socket, whose endpoint identification (HTTPS) makes the
     * JDK check the host name as browsers do; so a failure of the second check is a name mismatch.
     */
    @Override
    public void checkServerTrusted(X509Certificate[] presented, String authType, Socket socket)
            throws CertificateException {
        checkChain(presented, authType);
        if (pkix instanceof X509ExtendedTrustManager extended) {
            try {
                extended.checkServerTrusted(presented, authType, socket);
            } catch (CertificateException e) {
                String message = String.valueOf(e.getMessage());
                boolean nameProblem = message.contains("No subject alternative")
                        || message.contains("No name matching");
                outcome = nameProblem ? Outcome.NAME_MISMATCH : Outcome.UNTRUSTED;
                reason = nameProblem ? "the certificate names " + names(presented[0]) + ", not " + host : message;
                throw e;
            }
        }
        outcome = Outcome.TRUSTED;
    }

    /** The names a certificate carries, for mismatch messages. */
    static String names(X509Certificate certificate) {
        try {
            var names = certificate.getSubjectAlternativeNames();
            return names == null ? "no subject alternative name"
                    : names.stream().map(n -> String.valueOf(n.get(1))).toList().toString();
        } catch (java.security.cert.CertificateParsingException e) {
            return "unreadable subject alternative names";
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] presented, String authType, SSLEngine engine)
            throws CertificateException {
        checkServerTrusted(presented, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] presented, String authType) throws CertificateException {
        throw new CertificateException("probes are clients; they do not check client certificates");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] presented, String authType, Socket socket)
            throws CertificateException {
        checkClientTrusted(presented, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] presented, String authType, SSLEngine engine)
            throws CertificateException {
        checkClientTrusted(presented, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
