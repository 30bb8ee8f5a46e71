package dev.orchard.lab;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback TCP listener that hands each accepted connection to a behaviour on its own daemon thread, and on
 * close closes every connection and waits for its threads: a lab server must leave no socket or thread behind.
 */
final class LabAcceptor implements AutoCloseable {

    /** What a lab server does with one connection; it may block until the socket is closed. */
    interface Behaviour {
        void handle(Socket connection) throws IOException, InterruptedException;
    }

    /** Deep enough for a whole parallel run connecting at once; a full queue would drop SYNs and fake timeouts. */
    private static final int BACKLOG = 1024;

    private final String name;
    private final ServerSocket server;
    private final Behaviour behaviour;
    private final Thread acceptor;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private volatile boolean closed;

    LabAcceptor(String name, Behaviour behaviour) {
        this(name, bind(), behaviour);
    }

    /** Serves connections of a socket bound elsewhere, such as a TLS server socket. */
    LabAcceptor(String name, ServerSocket server, Behaviour behaviour) {
        this.name = name;
        this.behaviour = behaviour;
        this.server = server;
        this.acceptor = new Thread(this::acceptLoop, "orchard-lab-" + name + "-" + server.getLocalPort());
        this.acceptor.setDaemon(true);
    }

    /**
     * Starts accepting. Separate from construction so that a server can finish initialising the state its
     * behaviour reads before the first connection is handed over.
     */
    LabAcceptor start() {
        acceptor.start();
        return this;
    }

    /** A plain server socket on 127.0.0.1 at a port the system picks. */
    static ServerSocket bind() {
        try {
            return new ServerSocket(0, BACKLOG, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new IllegalStateException("the lab could not listen on 127.0.0.1: " + e.getMessage(), e);
        }
    }

    /** Keeps a socket open until the acceptor closes, for connections the lab deliberately never answers. */
    void hold(Socket socket) {
        open.add(socket);
    }

    /** Closes a held socket whose work is done and forgets it, so that a long-running server does not pile them up. */
    void release(Socket socket) {
        closeQuietly(socket);
        forget(socket);
    }

    /**
     * Waits until no socket is open (every accepted connection served, every held socket released), woken by each
     * socket the server lets go; false if some are still open after {@code timeout}.
     */
    boolean awaitNoOpenSockets(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (open) {
            while (!open.isEmpty()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(open, left);
            }
            return true;
        }
    }

    /** Forgets a socket that is closed, and wakes whoever waits for the server to hold none. */
    private void forget(Socket socket) {
        open.remove(socket);
        synchronized (open) {
            open.notifyAll();
        }
    }

    InetSocketAddress address() {
        return new InetSocketAddress(server.getInetAddress(), server.getLocalPort());
    }

    int port() {
        return server.getLocalPort();
    }

    int accepted() {
        return accepted.get();
    }

    private void acceptLoop() {
        int n = 0;
        while (!closed) {
            Socket connection;
            try {
                connection = server.accept();
            } catch (IOException e) {
                return;
            }
            accepted.incrementAndGet();
            open.add(connection);
            if (closed) {
                // close() may already have swept the open sockets: this one must not outlive the server
                closeQuietly(connection);
                forget(connection);
                return;
            }
            Thread thread = new Thread(() -> serve(connection), "orchard-lab-" + name + "-conn-" + ++n);
            thread.setDaemon(true);
            synchronized (threads) {
                threads.removeIf(t -> !t.isAlive());
                threads.add(thread);
            }
            thread.start();
        }
    }

    private void serve(Socket connection) {
        try {
            behaviour.handle(connection);
        } catch (IOException | InterruptedException | RuntimeException e) {
            // the client went away, sent garbage, or the lab is closing: nothing to report
        } finally {
            closeQuietly(connection);
            forget(connection);
        }
    }

    /** Reads and discards until the client closes, so the server notices and frees the connection. */
    static void drain(Socket connection) throws IOException {
        InputStream in = connection.getInputStream();
        byte[] buffer = new byte[1024];
        while (in.read(buffer) >= 0) {
            // discard
        }
    }

    /**
     * Stops accepting first and waits for the acceptor, so that no connection it was just handing over escapes the
     * sweep of open sockets that follows.
     */
    @Override
    public void close() {
        closed = true;
        closeQuietly(server);
        join(List.of(acceptor));
        open.forEach(LabAcceptor::closeQuietly);
        List<Thread> connections;
        synchronized (threads) {
            connections = new ArrayList<>(threads);
        }
        join(connections);
    }

    private static void join(List<Thread> all) {
        for (Thread thread : all) {
            thread.interrupt();
            try {
                thread.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // closing anyway
        }
    }
}
