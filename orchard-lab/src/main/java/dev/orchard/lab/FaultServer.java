package dev.orchard.lab;

import dev.orchard.probe.IpLiteral;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A loopback port that fails the way a firewall or a broken server does, so each TCP verdict can be produced for
 * real: {@link #refusing() refuse} (RST), {@link #blackhole() drop} (connect never completes), {@link #resetting()
 * reset} after accepting, {@link #tarpit() accept and stay silent}, or {@link #slow(Duration, String) answer
 * late}. Each binds 127.0.0.1 (or [::1]) on a free port, publishes the port it got, and frees everything on close.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class FaultServer implements AutoCloseable {

    /** How the port misbehaves. */
    public enum Fault {
        REFUSE, BLACKHOLE, RESET, TARPIT, SLOW,
        /** Accepts and waits for the client's first bytes (a TLS ClientHello), then resets: SNI filtering. */
        RESET_ON_CLIENT_HELLO
    }

    private static final int BLACKHOLE_PROBE_MILLIS = 300;
    private static final int BLACKHOLE_MAX_FILLERS = 64;
    private static final int RESET_DELAY_MILLIS = 20;

    private final Fault fault;
    private final InetSocketAddress address;
    private final List<AutoCloseable> resources;
    private final LabAcceptor listener;

    private FaultServer(Fault fault, InetSocketAddress address, List<AutoCloseable> resources, LabAcceptor listener) {
        this.fault = fault;
        this.address = address;
        this.resources = resources;
        this.listener = listener;
    }

    /** A port where nothing listens: the kernel answers every SYN with RST, like a rejecting firewall. */
    public static FaultServer refusing() {
        return refusing(InetAddress.getLoopbackAddress());
    }

    /** A {@link #refusing()} port on another loopback address, such as [::1]. */
    static FaultServer refusing(InetAddress loopback) {
        Socket reserved = new Socket();
        try {
            // Bound but never listening: the port stays ours, and connections to it are refused.
            reserved.bind(new InetSocketAddress(loopback, 0));
        } catch (IOException e) {
            LabAcceptor.closeQuietly(reserved);
            throw new IllegalStateException("the lab could not reserve a port on " + IpLiteral.text(loopback) + ": " + e.getMessage(), e);
        }
        InetSocketAddress address = new InetSocketAddress(reserved.getLocalAddress(), reserved.getLocalPort());
        return new FaultServer(Fault.REFUSE, address, List.of(reserved), null);
    }

    /**
     * A port whose SYNs are dropped, like a dropping firewall: a listener with a backlog of 1 that never accepts,
     * its queue filled with the lab's own connections. Linux then drops further SYNs, so connect() times out.
     *
     * @throws IllegalStateException if the kernel does not drop (for example with tcp_abort_on_overflow set)
     */
    public static FaultServer blackhole() {
        return blackhole(InetAddress.getLoopbackAddress());
    }

    /** A {@link #blackhole()} on another loopback address, such as [::1]. */
    static FaultServer blackhole(InetAddress loopback) {
        List<AutoCloseable> resources = new ArrayList<>();
        try {
            ServerSocket server = new ServerSocket(0, 1, loopback);
            resources.add(server);
            InetSocketAddress address = new InetSocketAddress(server.getInetAddress(), server.getLocalPort());
            for (int i = 0; i < BLACKHOLE_MAX_FILLERS; i++) {
                Socket filler = new Socket();
                try {
                    filler.connect(address, BLACKHOLE_PROBE_MILLIS);
                    resources.add(filler);
                } catch (SocketTimeoutException e) {
                    filler.close();
                    return new FaultServer(Fault.BLACKHOLE, address, resources, null);
                }
            }
            throw new IllegalStateException("the lab could not make a blackhole: the kernel kept accepting"
                    + " connections beyond a full backlog (is net.ipv4.tcp_abort_on_overflow set?)");
        } catch (IOException e) {
            resources.forEach(LabAcceptor::closeQuietly);
            throw new IllegalStateException("the lab could not make a blackhole on " + IpLiteral.text(loopback) + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            resources.forEach(LabAcceptor::closeQuietly);
            throw e;
        }
    }

    /**
     * Accepts, then closes with SO_LINGER 0 a moment later, which sends RST: a resetting firewall or IPS. The
     * short pause lets the client's connect() return first, so the reset reliably arrives after connecting.
     */
    public static FaultServer resetting() {
        return resettingAfter(Duration.ofMillis(RESET_DELAY_MILLIS));
    }

    /**
     * Accepts, then resets {@code delay} later whatever the client sent: a firewall that cuts sessions after they
     * open, later than a tcp check waits for a reset.
     */
    public static FaultServer resettingAfter(Duration delay) {
        Objects.requireNonNull(delay, "delay");
        return listening(Fault.RESET, connection -> {
            Thread.sleep(delay.toMillis());
            connection.setSoLinger(true, 0);
            connection.close();
        });
    }

    /**
     * Accepts, waits for the client's first bytes (the TLS ClientHello, whose SNI a filtering firewall reads), then
     * resets: a firewall that filters by SNI. A connection that sends nothing is held.
     */
    public static FaultServer resettingOnClientHello() {
        return listening(Fault.RESET_ON_CLIENT_HELLO, connection -> {
            if (connection.getInputStream().read() >= 0) {
                connection.setSoLinger(true, 0);
                connection.close();
            }
        });
    }

    /** Accepts and never sends a byte: a middlebox that holds connections. */
    public static FaultServer tarpit() {
        return listening(Fault.TARPIT, LabAcceptor::drain);
    }

    /** Accepts, waits {@code delay}, then sends {@code answer} (UTF-8) and keeps the connection open. */
    public static FaultServer slow(Duration delay, String answer) {
        Objects.requireNonNull(delay, "delay");
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        return listening(Fault.SLOW, connection -> {
            Thread.sleep(delay.toMillis());
            OutputStream out = connection.getOutputStream();
            out.write(bytes);
            out.flush();
            LabAcceptor.drain(connection);
        });
    }

    private static FaultServer listening(Fault fault, LabAcceptor.Behaviour behaviour) {
        LabAcceptor listener = new LabAcceptor(fault.name().toLowerCase(java.util.Locale.ROOT), behaviour)
                .start();
        return new FaultServer(fault, listener.address(), List.of(), listener);
    }

    public Fault fault() {
        return fault;
    }

    /** The loopback address and the port actually bound. */
    public InetSocketAddress address() {
        return address;
    }

    public int port() {
        return address.getPort();
    }

    /** A connect-to override sending {@code host:port} here, for {@code apple-network.connectTo}. */
    public String connectTo(String host, int port) {
        return host + ":" + port + ":" + IpLiteral.format(address.getAddress(), address.getPort());
    }

    /** How many connections a listening fault accepted; 0 for refuse and blackhole. */
    public int accepted() {
        return listener == null ? 0 : listener.accepted();
    }

    @Override
    public void close() {
        if (listener != null) {
            listener.close();
        }
        for (int i = resources.size() - 1; i >= 0; i--) {
            LabAcceptor.closeQuietly(resources.get(i));
        }
    }

    @Override
    public String toString() {
        return "FaultServer[" + fault + " " + IpLiteral.format(address.getAddress(), port()) + "]";
    }
}
