package dev.orchard.lab;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;

/**
 * What the lab's TCP servers (HTTP, TLS, proxy, SSH) share: a loopback listener that hands every connection to
 * {@link #serve(Socket)}, publishes the port it actually got, and on close leaves no socket or thread behind.
 * A subclass calls {@link #listen()} last in its constructor, so no connection can see it half-built.
 */
abstract class LabTcpServer implements AutoCloseable {

    private final LabAcceptor listener;

    /** A listener on 127.0.0.1 at a port the system picks. */
    LabTcpServer(String name) {
        this(name, LabAcceptor.bind());
    }

    /** A listener on a socket bound elsewhere, such as a TLS server socket. */
    LabTcpServer(String name, ServerSocket server) {
        this.listener = new LabAcceptor(name, server, this::serve);
    }

    /** Handles one connection; it may block until the socket is closed. */
    abstract void serve(Socket connection) throws IOException, InterruptedException;

    /** Starts accepting; the last statement of a subclass constructor. */
    final void listen() {
        listener.start();
    }

    /** Keeps a socket open until the server closes, for connections it deliberately never answers. */
    final void hold(Socket socket) {
        listener.hold(socket);
    }

    /** Closes a held socket once its work is done. */
    final void release(Socket socket) {
        listener.release(socket);
    }

    /** Waits until the server holds no socket; false if it still holds some after {@code timeout}. */
    final boolean awaitNoOpenSockets(Duration timeout) throws InterruptedException {
        return listener.awaitNoOpenSockets(timeout);
    }

    /** TCP connections accepted so far. */
    int accepted() {
        return listener.accepted();
    }

    /** 127.0.0.1 and the port the server actually got. */
    public InetSocketAddress address() {
        return listener.address();
    }

    /** The port the server actually got. */
    public int port() {
        return listener.port();
    }

    /** Closes the listener and every connection, and waits for their threads. */
    @Override
    public void close() {
        listener.close();
    }
}
