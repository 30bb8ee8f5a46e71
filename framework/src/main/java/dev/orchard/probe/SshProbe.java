package dev.orchard.probe;

import dev.orchard.internal.Sanitizer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * Reads the server's SSH identification line. A firewall that allows TCP 22 but not SSH, or a proxy that answers
 * in HTTP, connects fine and then sends nothing or the wrong thing; the banner is what tells them apart.
 */
final class SshProbe {

    /** RFC 4253 allows a server to send other lines before its identification; read at most this much. */
    private static final int MAX_BYTES = 8192;

    private final Duration timeout;

    SshProbe(Duration timeout) {
        this.timeout = timeout;
    }

    ProbeResult probe(String host, int port, Route route, List<InetAddress> addresses) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        List<String> shown = addresses.stream().map(IpLiteral::text).toList();
        String prefix = "SSH " + port + " to " + host;
        String destination = route instanceof DirectRoute direct ? direct.destination(host, port) : route.describe();
        try (Socket socket = route.open(host, port, timeout)) {
            String connectedTo = socket.getRemoteSocketAddress() instanceof InetSocketAddress remote
                    ? TcpProbe.format(remote) : null;
            Banner banner = readBanner(socket, deadline);
            Evidence evidence = new Evidence(shown, null, null, connectedTo, route.describe(), null, null, null,
                    banner.line, banner.problem);
            if (banner.line != null && (banner.line.startsWith("SSH-2.0-") || banner.line.startsWith("SSH-1.99-"))) {
                // the banner is the server's own text: quoted safely, so a report stays one readable line
                return ProbeResult.passed(prefix + " answered " + Sanitizer.quote(banner.line), TcpProbe.since(start),
                        evidence);
            }
            return ProbeResult.failed(Verdict.SSH_NO_BANNER, prefix + " (" + connectedTo + ") " + banner.problem
                    + ": " + Verdict.SSH_NO_BANNER.remedy(), TcpProbe.since(start), evidence);
        } catch (RouteException e) {
            return ProbeResult.failed(e.verdict(), prefix + ": " + e.getMessage(), TcpProbe.since(start),
                    new Evidence(shown, null, null, null, route.describe(), null, null, e.httpStatus(), e.server(),
                            null));
        } catch (IOException e) {
            Verdict verdict = TcpFailure.verdict(e);
            return ProbeResult.failed(verdict, "TCP " + port + " to " + host + " (" + destination + ") "
                    + TcpFailure.what(verdict, e, TcpFailure.describe(timeout)) + ": "
                    + TcpFailure.hint(verdict, host, port), TcpProbe.since(start),
                    new Evidence(shown, null, null, null, route.describe(), null, null, null, null, e.toString()));
        }
    }

    /** The identification line, or what arrived instead. */
    private record Banner(String line, String problem) {
    }

    private Banner readBanner(Socket socket, long deadline) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        String waited = TcpFailure.describe(timeout);
        try {
            InputStream in = socket.getInputStream();
            while (all.size() < MAX_BYTES) {
                long remaining = (deadline - System.nanoTime()) / 1_000_000;
                if (remaining <= 0) {
                    return noBanner(all, "sent nothing within " + waited, "sent no SSH-2.0 banner within " + waited);
                }
                socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, remaining));
                int b = in.read();
                if (b < 0) {
                    return noBanner(all, "closed the connection without sending anything",
                            "closed the connection without an SSH-2.0 banner");
                }
                all.write(b);
                if (b == '\n') {
                    String text = line.toString(StandardCharsets.ISO_8859_1).strip();
                    if (text.startsWith("SSH-")) {
                        return text.startsWith("SSH-2.0-") || text.startsWith("SSH-1.99-") ? new Banner(text, null)
                                : new Banner(text, "answered '" + Sanitizer.quote(text) + "', not SSH 2.0");
                    }
                    line.reset();
                } else {
                    line.write(b);
                }
            }
            return noBanner(all, "", "sent " + MAX_BYTES + " bytes without an SSH-2.0 banner");
        } catch (SocketTimeoutException e) {
            return noBanner(all, "sent nothing within " + waited, "sent no SSH-2.0 banner within " + waited);
        } catch (IOException e) {
            return noBanner(all, "reset the connection without sending anything (" + e.getMessage() + ")",
                    "reset the connection before an SSH-2.0 banner (" + e.getMessage() + ")");
        }
    }

    private static Banner noBanner(ByteArrayOutputStream received, String whenNothing, String whenSomething) {
        if (received.size() == 0) {
            return new Banner(null, whenNothing);
        }
        String text = received.toString(StandardCharsets.ISO_8859_1);
        return new Banner(null, whenSomething + "; it sent '" + Sanitizer.quote(text) + "'");
    }
}
