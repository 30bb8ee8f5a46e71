package dev.orchard.probe;

import java.nio.ByteBuffer;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;
import org.apiguardian.api.API;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * Loads and runs once, on a background thread, the code every run's first checks need (dnsjava's messages, JSSE's
 * ClientHello with its key shares, chain validation, OkHttp's client) while the engine still discovers and plans: in a cold JVM
 * the first DNS query and the first TLS handshake otherwise pay several hundred milliseconds of class loading and
 * interpretation on the run's critical path. Everything stays in memory: no socket is opened, nothing is sent.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class WarmUp {

    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private WarmUp() {
    }

    /** Starts the warm-up once per JVM, on a daemon thread, and returns at once. */
    public static void startOnce(Runnable more) {
        if (!STARTED.compareAndSet(false, true)) {
            return;
        }
        Thread thread = new Thread(() -> {
            quietly(WarmUp::dns);
            quietly(WarmUp::tls);
            quietly(WarmUp::anchors);
            quietly(WarmUp::http);
            quietly(more);
        }, "orchard-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    /** A failure here only means the first check pays for it later: never worth more than a debug line. */
    private static void quietly(Runnable step) {
        try {
            step.run();
        } catch (RuntimeException | LinkageError e) {
            System.getLogger(WarmUp.class.getName()).log(System.Logger.Level.DEBUG, "warm-up step failed", e);
        }
    }

    /** A query as DnsProbe sends it, written to wire format and read back. */
    private static void dns() {
        Message query = DnsExchange.query(Record.newRecord(Name.fromConstantString("warm-up.invalid."), Type.A,
                DClass.IN));
        try {
            new Message(query.toWire()).getSection(0);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A TLS 1.3 ClientHello built in memory, which generates the key shares a real handshake needs first. */
    private static void tls() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {REJECT_ALL}, null);
            SSLEngine engine = context.createSSLEngine("warm-up.invalid", 443);
            engine.setUseClientMode(true);
            engine.beginHandshake();
            engine.wrap(ByteBuffer.allocate(0), ByteBuffer.allocate(engine.getSession().getPacketBufferSize()));
            Runnable task;
            while ((task = engine.getDelegatedTask()) != null) {
                task.run();
            }
            engine.closeOutbound();
        } catch (java.io.IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A trust manager over Apple's bundled roots, as the network builds one from its anchors, asked to validate one
     * of them: the first handshake's chain validation (PKIX, certificate parsing) is then loaded.
     */
    private static void anchors() {
        List<X509Certificate> roots = TrustAnchors.appleRoots();
        try {
            TrustAnchors.fromCertificates(roots).trustManager().checkServerTrusted(
                    roots.toArray(new X509Certificate[0]), "ECDHE_RSA");
        } catch (CertificateException e) {
            // a verdict on the warm-up's own chain does not matter; the validation code has run
        }
    }

    /** An OkHttp client as the probes build one (without the platform's default trust store, which they replace). */
    private static void http() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {REJECT_ALL}, null);
            new OkHttpClient.Builder().sslSocketFactory(context.getSocketFactory(), REJECT_ALL).build();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Trusts nothing: the warm-up never talks to a server. */
    private static final X509TrustManager REJECT_ALL = new X509TrustManager() {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("warm-up trusts no certificate");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("warm-up trusts no certificate");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    };
}
