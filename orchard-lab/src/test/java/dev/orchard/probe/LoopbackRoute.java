package dev.orchard.probe;

import java.net.InetSocketAddress;
import java.util.List;

/**
 * Test fixture: the real {@link DirectRoute} with a connect-to override that sends {@code host:port} to a loopback
 * lab server, and loopbackOnly on, so that a probe test runs our own routing code and can never fall through to a
 * resolver or the real network.
 */
final class LoopbackRoute {

    private LoopbackRoute() {
    }

    static DirectRoute to(String host, int port, InetSocketAddress server) {
        if (!server.getAddress().isLoopbackAddress()) {
            throw new IllegalArgumentException("tests only connect to loopback, not " + server);
        }
        ConnectTo override = ConnectTo.parse(host + ":" + port + ":" + server.getAddress().getHostAddress() + ":"
                + server.getPort());
        return new DirectRoute(List.of(override), List.of(), true);
    }
}
