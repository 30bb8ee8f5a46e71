package dev.orchard.probe;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Connects straight to the host, as a device does for hosts that do not work through a proxy: to the connect-to
 * override when one matches (so the lab and site rehearsals need no DNS), otherwise to the resolved addresses in
 * order. With {@code loopbackOnly} it refuses every non-loopback target before a packet is sent, the safety net
 * that keeps the lab and tests off the real network.
 */
final class DirectRoute implements Route {

    private final List<ConnectTo> overrides;
    private final List<InetAddress> addresses;
    private final boolean loopbackOnly;
    private final IpFamily family;

    DirectRoute(List<ConnectTo> overrides, List<InetAddress> addresses, boolean loopbackOnly) {
        this(overrides, addresses, loopbackOnly, null);
    }

    private DirectRoute(List<ConnectTo> overrides, List<InetAddress> addresses, boolean loopbackOnly,
            IpFamily family) {
        this.overrides = List.copyOf(overrides);
        this.addresses = family == null ? List.copyOf(addresses) : family.filter(addresses);
        this.loopbackOnly = loopbackOnly;
        this.family = family;
    }

    /**
     * The same route over one family only (null: any): the resolved addresses of that family, or, when overrides
     * match, the first matching override of that family, so a host can be pointed at 127.0.0.1 and [::1] at once.
     */
    DirectRoute restrictedTo(IpFamily wanted) {
        return new DirectRoute(overrides, addresses, loopbackOnly, wanted);
    }

    /** The addresses this route connects to when no override matches. */
    List<InetAddress> addresses() {
        return addresses;
    }

    @Override
    public String describe() {
        return "direct";
    }

    @Override
    public boolean viaProxy() {
        return false;
    }

    /** Where a connection to {@code host:port} goes, in the order tried. */
    List<InetSocketAddress> targets(String host, int port) {
        if (overridden(host, port)) {
            return ConnectTo.target(overrides.stream().filter(o -> family == null || IpFamily.of(o.address())
                    == family).toList(), host, port).map(List::of).orElse(List.of());
        }
        return addresses.stream().map(a -> new InetSocketAddress(a, port)).toList();
    }

    /** Whether a connect-to override decides where {@code host:port} goes (of any family). */
    boolean overridden(String host, int port) {
        return ConnectTo.target(overrides, host, port).isPresent();
    }

    /** How messages name the destination: {@code 17.57.146.10} or {@code 127.0.0.1:5223 via connect-to}. */
    String destination(String host, int port) {
        if (overridden(host, port)) {
            List<InetSocketAddress> targets = targets(host, port);
            return targets.isEmpty() ? "no " + family.label() + " connect-to override"
                    : IpLiteral.format(targets.get(0).getAddress(), targets.get(0).getPort()) + " via connect-to";
        }
        List<String> shown = addresses.stream().map(IpLiteral::text).toList();
        return shown.isEmpty() ? "no address" : String.join(", ", shown);
    }

    @Override
    public Socket open(String host, int port, Duration timeout) throws IOException, RouteException {
        return open(host, port, timeout, 0);
    }

    /**
     * Opens as above; a positive {@code receiveBuffer} is set before connecting, so that the window the SYN
     * advertises (and so the largest segment the server may send) stays below it.
     */
    Socket open(String host, int port, Duration timeout, int receiveBuffer) throws IOException, RouteException {
        List<InetSocketAddress> targets = allowedTargets(host, port);
        long deadline = System.nanoTime() + timeout.toNanos();
        List<IOException> failures = new ArrayList<>();
        for (InetSocketAddress target : targets) {
            long remainingMillis = (deadline - System.nanoTime()) / 1_000_000;
            if (remainingMillis <= 0) {
                failures.add(new SocketTimeoutException("Connect timed out"));
                break;
            }
            Socket socket = new Socket();
            try {
                if (receiveBuffer > 0) {
                    socket.setReceiveBufferSize(receiveBuffer);
                }
                socket.connect(target, (int) Math.min(Integer.MAX_VALUE, remainingMillis));
                return socket;
            } catch (IOException e) {
                socket.close();
                failures.add(e);
            }
        }
        IOException first = failures.get(0);
        failures.stream().skip(1).forEach(first::addSuppressed);
        throw first;
    }

    /**
     * The address {@link #open} connects to first, or empty when open would refuse before sending a packet: what
     * a non-blocking pre-flight of the same connect may touch, and nothing else.
     */
    Optional<InetSocketAddress> firstTarget(String host, int port) {
        try {
            return Optional.of(allowedTargets(host, port).get(0));
        } catch (RouteException e) {
            return Optional.empty();
        }
    }

    /** The targets in order, after refusing an empty list and, with loopbackOnly, any non-loopback target. */
    private List<InetSocketAddress> allowedTargets(String host, int port) throws RouteException {
        List<InetSocketAddress> targets = targets(host, port);
        if (targets.isEmpty()) {
            throw new RouteException(Verdict.TCP_UNREACHABLE, "no address to connect to for " + host + ":" + port
                    + "; resolve the host or add a connect-to override", null, null);
        }
        if (loopbackOnly) {
            for (InetSocketAddress target : targets) {
                if (!target.getAddress().isLoopbackAddress()) {
                    throw new RouteException(Verdict.TCP_UNREACHABLE, forbidden(host, target), null, null);
                }
            }
        }
        return targets;
    }

    /** The message for a target the lab forbids: the check ends here, no packet was sent. */
    static String forbidden(String host, InetSocketAddress target) {
        return "the lab forbids connecting to " + IpLiteral.format(target.getAddress(), target.getPort()) + " for "
                + host + ": only loopback targets are allowed (loopbackOnly), and no packet was sent; add a "
                + "connect-to override to a lab server";
    }
}
