package dev.orchard.probe;

import java.io.EOFException;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;

/**
 * One cheap extra probe after a failed TLS handshake, where it separates two causes an administrator fixes
 * differently:
 * <ul>
 * <li>a connection cut during the handshake is TCP_RESET; a second connection that sends nothing tells a firewall
 * that cuts on our ClientHello (it stays open: SNI filtering) from one that cuts every session right after it
 * opens;</li>
 * <li>a handshake that stalls stays TLS_HANDSHAKE_TIMEOUT; a retry whose small receive window keeps the server's
 * segments small tells an MTU black hole (the retry completes: large packets are lost) from a middlebox that
 * holds the connection (it stalls too).</li>
 * </ul>
 */
final class HandshakeDiagnosis {

    /** How long the quiet second connection waits to be cut: only an SNI-filtered check pays it in full. */
    static final Duration QUIET_WAIT = Duration.ofSeconds(1);
    /** The longest the small-window retry may take. */
    static final Duration SMALL_WINDOW_LIMIT = Duration.ofSeconds(2);
    /**
     * The receive buffer of the retry: Linux raises it to its minimum (about 2.3 KB) and advertises half, so the
     * server's segments stay near 1100 bytes, below the MTU of most tunnels.
     */
    static final int SMALL_RECEIVE_BUFFER = 1024;

    private enum Quiet {
        CUT, HELD, UNKNOWN
    }

    private HandshakeDiagnosis() {
    }

    /** Whether a failed handshake ended because the connection was reset or closed, rather than by a TLS alert. */
    static boolean cut(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof EOFException) {
                return true;
            }
            String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (message.contains("connection reset") || message.contains("broken pipe")
                    || message.contains("remote host terminated") || message.contains("connection abort")
                    || message.contains("peer shut down")) {
                return true;
            }
        }
        return false;
    }

    /** The TCP_RESET result of a handshake cut before the server's certificate, with the quiet probe's finding. */
    static ProbeResult reset(Route route, String host, int port, Exception failure, boolean certificateSeen,
            long startNanos, Evidence evidence) {
        String target = host + ":" + port;
        String what = TcpFailure.brief(failure);
        String hint = TcpFailure.hint(Verdict.TCP_RESET, host, port);
        String message;
        if (certificateSeen) {
            message = "TCP to " + target + " was cut during the TLS handshake, after the server's certificate arrived"
                    + " (" + what + "); " + hint;
        } else {
            message = switch (quietConnection(route, host, port)) {
                case HELD -> "TCP to " + target + " opened, then was cut right after our TLS ClientHello (SNI " + host
                        + ") (" + what + "); a second connection that sent nothing stayed open, so a firewall or IPS "
                        + "filters TLS by SNI: allow " + host + " in its SNI or URL filtering, or exempt it from deep"
                        + " packet inspection";
                case CUT -> "TCP to " + target + " opened and was cut before the TLS handshake could complete ("
                        + what + "); a second connection that sent nothing was cut too, so the session is reset "
                        + "right after it opens, whatever is sent: " + hint;
                case UNKNOWN -> "TCP to " + target + " was cut right after our TLS ClientHello (SNI " + host + ") ("
                        + what + "): a firewall or IPS resets the session, possibly filtering by SNI; " + hint;
            };
        }
        return ProbeResult.failed(Verdict.TCP_RESET, message, TlsHandshake.since(startNanos), evidence);
    }

    /** Opens a second connection over the same route and sends nothing: is it cut on its own? */
    private static Quiet quietConnection(Route route, String host, int port) {
        try (Socket socket = route.open(host, port, QUIET_WAIT)) {
            socket.setSoTimeout((int) QUIET_WAIT.toMillis());
            return socket.getInputStream().read() < 0 ? Quiet.CUT : Quiet.HELD;
        } catch (SocketTimeoutException e) {
            return Quiet.HELD;
        } catch (RouteException e) {
            return Quiet.UNKNOWN;
        } catch (IOException e) {
            return TcpFailure.verdict(e) == Verdict.TCP_RESET ? Quiet.CUT : Quiet.UNKNOWN;
        }
    }

    /**
     * The TLS_HANDSHAKE_TIMEOUT message of a stalled handshake. On a direct route that saw no certificate, a retry
     * with a small receive window tells an MTU black hole from a middlebox that holds the connection.
     */
    static String stalled(TrustAnchors anchors, Route route, String host, int port, Duration timeout,
            boolean certificateSeen) {
        String target = host + ":" + port;
        String base = "TCP to " + target + " connected but the TLS handshake did not complete within "
                + timeout.toMillis() + " ms";
        if (certificateSeen || !(route instanceof DirectRoute direct)) {
            return base + "; a middlebox holds the connection";
        }
        Duration limit = timeout.compareTo(SMALL_WINDOW_LIMIT) < 0 ? timeout : SMALL_WINDOW_LIMIT;
        if (smallWindowHandshake(anchors, direct, host, port, limit)) {
            return base + ", yet a retry with a small TCP receive window (small packets from the server) completed"
                    + ": an MTU black hole loses the server's large packets. Clamp the TCP MSS on the router or "
                    + "firewall (for example to the tunnel's MTU minus 40) or let ICMP fragmentation-needed through "
                    + "so that path MTU discovery works";
        }
        return base + ", and a retry with a small TCP receive window (small packets) stalled too, so it is not an "
                + "MTU black hole: a middlebox holds the connection; exempt the host from inspection or allow it "
                + "through";
    }

    private static boolean smallWindowHandshake(TrustAnchors anchors, DirectRoute route, String host, int port,
            Duration limit) {
        Socket raw = null;
        SSLSocket tls = null;
        ChainRecorder recorder = new ChainRecorder(anchors.trustManager(), host);
        try (TimeBudget budget = TimeBudget.start(limit)) {
            raw = route.open(host, port, budget.remaining(), SMALL_RECEIVE_BUFFER);
            budget.guard(raw);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {recorder}, null);
            tls = (SSLSocket) context.getSocketFactory().createSocket(raw, host, port, true);
            SSLParameters parameters = tls.getSSLParameters();
            parameters.setProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
            tls.setSSLParameters(parameters);
            tls.setSoTimeout(budget.remainingMillis());
            tls.startHandshake();
            return true;
        } catch (IOException | GeneralSecurityException | RouteException e) {
            // a certificate the chain recorder rejects still arrived whole: the small packets got through
            return !recorder.chain().isEmpty();
        } finally {
            TimeBudget.closeQuietly(tls != null ? tls : raw);
            TimeBudget.closeQuietly(raw);
        }
    }
}
