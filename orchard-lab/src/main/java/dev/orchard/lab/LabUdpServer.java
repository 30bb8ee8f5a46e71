package dev.orchard.lab;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * What the lab's UDP services (NTP, QUIC) share: a loopback {@link UdpResponder}, and a mode and fault that tests
 * change while it runs. Only {@link #reply(byte[])} differs between them.
 *
 * @param <S> the service itself, which the setters return for chaining
 * @param <M> how the service answers (OK, SILENT, INVALID)
 * @param <F> what is wrong with an INVALID answer
 */
abstract class LabUdpServer<S extends LabUdpServer<S, M, F>, M extends Enum<M>, F extends Enum<F>>
        implements AutoCloseable {

    /** Read by the responder thread at each datagram, so a change applies to the next request. */
    volatile M mode;
    volatile F fault;
    private final UdpResponder responder;

    /**
     * Binds 127.0.0.1:{@code port} (0: any) and starts answering. Subclasses keep no state of their own, since
     * {@link #reply(byte[])} can run before their constructor ends.
     */
    LabUdpServer(String name, int port, M mode, F fault) throws IOException {
        this.mode = Objects.requireNonNull(mode, "mode");
        this.fault = Objects.requireNonNull(fault, "fault");
        this.responder = new UdpResponder(name, port, this::reply);
    }

    /** Changes how later requests are answered. */
    public S mode(M mode) {
        this.mode = Objects.requireNonNull(mode, "mode");
        return self();
    }

    /** Changes what is wrong with later replies in the INVALID mode. */
    public S fault(F fault) {
        this.fault = Objects.requireNonNull(fault, "fault");
        return self();
    }

    @SuppressWarnings("unchecked")
    private S self() {
        // Safe: each subclass names itself as S.
        return (S) this;
    }

    /** The answer to one datagram, or null for none. */
    abstract byte[] reply(byte[] request);

    /** 127.0.0.1 and the port it got. */
    public InetSocketAddress address() {
        return responder.address();
    }

    /** How many datagrams arrived. */
    public int requests() {
        return responder.requests();
    }

    /** Closes the socket and waits for the responder thread. */
    @Override
    public void close() {
        responder.close();
    }
}
