package dev.orchard.probe;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Test fixture: a direct route that connects {@code host:port} to the loopback lab server mapped for it, with a
 * real socket. An unmapped host fails; nothing can fall through to a resolver or the real network.
 */
final class LoopbackRoute implements Route {

    private final Map<String, InetSocketAddress> targets = new HashMap<>();

    LoopbackRoute map(String host, int port, InetSocketAddress to) {
        if (!to.getAddress().isLoopbackAddress()) {
            throw new IllegalArgumentException("tests only connect to loopback, not " + to);
        }
        targets.put(host + ":" + port, to);
        return this;
    }

    @Override
    public String describe() {
        return "direct";
    }

    @Override
    public boolean viaProxy() {
        return false;
    }

    @Override
    public Socket open(String host, int port, Duration timeout) throws IOException {
        InetSocketAddress target = targets.get(host + ":" + port);
        if (target == null) {
            throw new ConnectException("no lab server is mapped for " + host + ":" + port);
        }
        Socket socket = new Socket();
        socket.connect(target, (int) timeout.toMillis());
        return socket;
    }
}
