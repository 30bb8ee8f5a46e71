package dev.orchard.probe;

import dev.orchard.catalog.KnownAnswer;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLSocket;

/**
 * Asks a validated TLS session for a row's known answer (gdmf's JSON on 443) and judges it with {@link BlockPages},
 * within what is left of the check's timeout.
 */
final class KnownAnswerOverTls {

    private static final Duration AT_LEAST = Duration.ofMillis(500);

    private KnownAnswerOverTls() {
    }

    static ProbeResult check(SSLSocket socket, String host, int port, KnownAnswer known, Duration timeout,
            long startNanos, Evidence handshake) {
        String authority = port == 443 ? host : ProxyRoute.authority(host, port);
        String request = KnownAnswerCheck.method(known) + " https://" + authority + known.path();
        Duration left = timeout.minus(TlsHandshake.since(startNanos));
        HttpAnswer answer;
        try (TimeBudget budget = TimeBudget.start(left.compareTo(AT_LEAST) < 0 ? AT_LEAST : left)) {
            budget.guard(socket);
            socket.setSoTimeout(budget.remainingMillis());
            answer = HttpExchange.exchange(socket, KnownAnswerCheck.method(known) + " " + known.path()
                    + " HTTP/1.1\r\nHost: " + authority + "\r\nUser-Agent: Orchard\r\nAccept: */*\r\nConnection: close"
                    + KnownAnswerCheck.extraHeaders(known), KnownAnswerCheck.body(known));
        } catch (IOException e) {
            String why = e instanceof SocketTimeoutException ? "no answer came in time" : TcpFailure.brief(e);
            return ProbeResult.failed(Verdict.HTTP_BLOCKED, "TLS to " + host + ":" + port + " is not inspected, but "
                    + request + " got no HTTP answer (" + why + "); something cuts the session after the handshake",
                    TlsHandshake.since(startNanos), handshake);
        } finally {
            TimeBudget.closeQuietly(socket);
        }
        Evidence evidence = new Evidence(handshake.addresses(), handshake.cnameChain(), handshake.apple17(),
                handshake.connectedTo(), handshake.route(), handshake.chain(), handshake.tlsVersion(), answer.status(),
                answer.serverOrVia(), null);
        Optional<String> blocked = BlockPages.judge(host, request, answer, known);
        if (blocked.isPresent()) {
            return ProbeResult.failed(Verdict.HTTP_BLOCKED, blocked.get(), TlsHandshake.since(startNanos), evidence);
        }
        return ProbeResult.passed("TLS to " + host + ":" + port + " is not inspected (" + handshake.tlsVersion()
                + ", certificate issued by '" + TlsHandshake.commonName(handshake.issuer()) + "'), and " + request
                + " answered " + known.describe(), TlsHandshake.since(startNanos), evidence);
    }
}
