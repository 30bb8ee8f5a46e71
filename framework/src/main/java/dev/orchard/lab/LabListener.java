package dev.orchard.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Accepts connections on 127.0.0.1 at a port the system picks and hands each to a handler on its own daemon
 * thread. Closing it closes every connection still open, so a stalled exchange never outlives its test.
 */
final class LabListener implements AutoCloseable {

    /** Serves one accepted connection; the listener closes the socket afterwards. */
    interface Handler {
        void handle(Socket socket) throws IOException;
    }

    private final ServerSocket server;
    private final ExecutorService threads;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    LabListener(String name, Handler handler) {
        this(name, bind(), handler);
    }

    LabListener(String name, ServerSocket server, Handler handler) {
        this.server = server;
        this.threads = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
        threads.execute(() -> acceptLoop(handler));
    }

    static ServerSocket bind() {
        try {
            ServerSocket server = new ServerSocket();
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind a lab server to 127.0.0.1:0", e);
        }
    }

    private void acceptLoop(Handler handler) {
        while (!closed) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                return;
            }
            open.add(socket);
            threads.execute(() -> {
                try {
                    handler.handle(socket);
                } catch (IOException | RuntimeException e) {
                    // the client went away or sent garbage: the lab simply ends the connection
                } finally {
                    open.remove(socket);
                    closeQuietly(socket);
                }
            });
        }
    }

    /** The address actually bound, on loopback. */
    InetSocketAddress address() {
        return new InetSocketAddress(server.getInetAddress(), server.getLocalPort());
    }

    /** Keeps a socket open until the listener closes, for connections the lab deliberately never answers. */
    void hold(Socket socket) {
        open.add(socket);
    }

    @Override
    public void close() {
        closed = true;
        closeQuietly(server);
        open.forEach(LabListener::closeQuietly);
        threads.shutdownNow();
    }

    static void closeQuietly(AutoCloseable closeable) {
        if (closeable != null) {
            try {
                closeable.close();
            } catch (Exception ignored) {
                // best effort
            }
        }
    }
}
