package dev.orchard.probe;

import java.io.IOException;
import java.net.Socket;
import java.time.Duration;

/**
 * How a check reaches a host's TCP port: straight to its address (after connect-to overrides), or through an
 * HTTP proxy's CONNECT tunnel. Protocol probes (tls, http, ssh, doh) speak over whichever socket the route opens,
 * so each protocol is written once for both routes.
 */
interface Route {

    /** {@code direct}, or {@code proxy host:port}: what reports print as the route. */
    String describe();

    /** True for a proxy route: HTTP on port 80 then sends an absolute-URI request to the proxy. */
    boolean viaProxy();

    /**
     * Opens a connected socket to {@code host:port} within {@code timeout}. A condition the route itself
     * diagnoses (a proxy's 403 or 407, an unreachable proxy) is a {@link RouteException} with its verdict; a plain
     * socket failure is an {@link IOException} for the caller to classify.
     */
    Socket open(String host, int port, Duration timeout) throws IOException, RouteException;

    /**
     * An opened connection for one plain HTTP request: to the host itself ({@code proxy} null), or to the proxy
     * that then gets the absolute-URI request devices send.
     */
    record Hop(Socket socket, ProxyRoute proxy) {
    }

    /** Opens the connection a plain HTTP request goes over; direct by default. */
    default Hop openForHttp(String host, int port, Duration timeout) throws IOException, RouteException {
        return new Hop(open(host, port, timeout), null);
    }
}
