package dev.orchard.probe;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;

/**
 * Opens a TCP connection through a route and tells a drop (timeout) from a reject (refused), an ICMP error
 * (unreachable) and a firewall that accepts and then resets. After connecting it listens briefly, because
 * resetting firewalls answer the handshake and kill the session at once.
 */
final class TcpProbe {

    private static final Duration MAX_RESET_WAIT = Duration.ofMillis(200);

    private final Duration timeout;

    TcpProbe(Duration timeout) {
        this.timeout = timeout;
    }

    /** How long a connected socket is watched for an immediate reset: min(200 ms, timeout / 10). */
    Duration resetWait() {
        Duration tenth = timeout.dividedBy(10);
        Duration wait = tenth.compareTo(MAX_RESET_WAIT) < 0 ? tenth : MAX_RESET_WAIT;
        return wait.isZero() ? Duration.ofMillis(1) : wait;
    }

    /**
     * The reset wait cut to what is {@code left} of the probe's timeout (at least 1 ms, since 0 means forever to a
     * socket): a connect that took nearly the whole timeout must not push the probe past its deadline.
     */
    Duration resetWait(Duration left) {
        Duration wait = resetWait();
        Duration bounded = left.compareTo(wait) < 0 ? left : wait;
        return bounded.toMillis() < 1 ? Duration.ofMillis(1) : bounded;
    }

    ProbeResult probe(String host, int port, Route route, List<InetAddress> addresses) {
        long start = System.nanoTime();
        List<String> shownAddresses = addresses.stream().map(IpLiteral::text).toList();
        String attempted = attempted(host, port, route);
        String prefix = prefix(host, port, route);
        try (Socket socket = route.open(host, port, timeout)) {
            String connectedTo = socket.getRemoteSocketAddress() instanceof InetSocketAddress remote
                    ? format(remote) : attempted;
            Evidence evidence = evidence(shownAddresses, connectedTo, route, null);
            String reset = immediateReset(socket, resetWait(timeout.minus(since(start))));
            if (reset != null) {
                return ProbeResult.failed(Verdict.TCP_RESET, prefix + " " + reset + ": "
                        + TcpFailure.hint(Verdict.TCP_RESET, host, port), since(start),
                        evidence(shownAddresses, connectedTo, route, reset));
            }
            return ProbeResult.passed(prefix + " connected to " + connectedTo + " (" + route.describe() + ")",
                    since(start), evidence);
        } catch (RouteException e) {
            Evidence evidence = new Evidence(shownAddresses, null, null, attempted, route.describe(), null, null,
                    e.httpStatus(), e.server(), null);
            return ProbeResult.failed(e.verdict(), prefix + ": " + e.getMessage(), since(start), evidence);
        } catch (IOException e) {
            return connectFailed(host, port, route, addresses, e, since(start));
        }
    }

    /**
     * What {@link #probe} reports when its connect times out, for a caller that watched the same connect without
     * blocking (the runner's pre-flight): one wording and one set of evidence whoever saw the timeout.
     */
    ProbeResult timedOut(String host, int port, Route route, List<InetAddress> addresses, Duration took) {
        return connectFailed(host, port, route, addresses, new SocketTimeoutException("Connect timed out"), took);
    }

    private ProbeResult connectFailed(String host, int port, Route route, List<InetAddress> addresses,
            IOException e, Duration took) {
        Verdict verdict = TcpFailure.verdict(e);
        List<String> shownAddresses = addresses.stream().map(IpLiteral::text).toList();
        return ProbeResult.failed(verdict, prefix(host, port, route) + " "
                + TcpFailure.what(verdict, e, TcpFailure.describe(timeout)) + ": " + TcpFailure.hint(verdict, host, port),
                took, evidence(shownAddresses, attempted(host, port, route), route, e.toString()));
    }

    private static String prefix(String host, int port, Route route) {
        String destination = route instanceof DirectRoute direct ? direct.destination(host, port) : route.describe();
        return "TCP " + port + " to " + host + " (" + destination + ")";
    }

    /** The address a direct connect tries first, as evidence names it; null through a proxy or with none. */
    private static String attempted(String host, int port, Route route) {
        return route instanceof DirectRoute direct && !direct.targets(host, port).isEmpty()
                ? format(direct.targets(host, port).get(0)) : null;
    }

    /** A short description of a reset or close seen right after connecting, or null when the session held. */
    private static String immediateReset(Socket socket, Duration wait) {
        try {
            socket.setSoTimeout((int) Math.max(1, wait.toMillis()));
            InputStream in = socket.getInputStream();
            if (in.read() < 0) {
                return "was closed by the peer right after connecting";
            }
            return null;
        } catch (SocketTimeoutException e) {
            return null;
        } catch (IOException e) {
            return "was reset right after connecting (" + e.getMessage() + ")";
        }
    }

    private static Evidence evidence(List<String> addresses, String connectedTo, Route route, String detail) {
        return new Evidence(addresses, null, null, connectedTo, route.describe(), null, null, null, null, detail);
    }

    static String format(InetSocketAddress address) {
        return address.getAddress() == null ? address.getHostString() + ":" + address.getPort()
                : IpLiteral.format(address.getAddress(), address.getPort());
    }

    static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
