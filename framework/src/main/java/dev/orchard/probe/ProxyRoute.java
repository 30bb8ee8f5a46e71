package dev.orchard.probe;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

/**
 * Reaches hosts through an HTTP proxy's CONNECT tunnel, as devices configured with a proxy do. The proxy, not this
 * machine, resolves the host. Refusals are the proxy's own verdicts: 403 and other refusals are PROXY_DENIED, 407
 * PROXY_AUTH_REQUIRED, 5xx PROXY_ERROR, and a proxy that cannot be reached PROXY_UNREACHABLE.
 */
final class ProxyRoute implements Route {

    private final ProxySettings proxy;
    private final boolean loopbackOnly;

    /** With {@code loopbackOnly}, the proxy must be a loopback address, so that tests can never leave the machine. */
    ProxyRoute(ProxySettings proxy, boolean loopbackOnly) {
        this.proxy = Objects.requireNonNull(proxy, "proxy");
        this.loopbackOnly = loopbackOnly;
    }

    ProxySettings proxy() {
        return proxy;
    }

    @Override
    public String describe() {
        return "proxy " + proxy.host() + ":" + proxy.port();
    }

    @Override
    public boolean viaProxy() {
        return true;
    }

    @Override
    public Socket open(String host, int port, Duration timeout) throws RouteException {
        return open(host, port, timeout, timeout);
    }

    @Override
    public Hop openForHttp(String host, int port, Duration timeout) throws RouteException {
        return new Hop(openToProxy(timeout), this);
    }

    /** Like {@link #open(String, int, Duration)}, with at most {@code connectTimeout} to reach the proxy itself. */
    Socket open(String host, int port, Duration timeout, Duration connectTimeout) throws RouteException {
        TimeBudget budget = TimeBudget.start(timeout);
        Duration remaining = budget.remaining();
        Socket socket = openToProxy(connectTimeout.compareTo(remaining) < 0 ? connectTimeout : remaining);
        String authority = authority(host, port);
        try (budget) {
            budget.guard(socket);
            socket.setSoTimeout(budget.remainingMillis());
            StringBuilder head = new StringBuilder("CONNECT ").append(authority).append(" HTTP/1.1\r\nHost: ")
                    .append(authority).append("\r\nUser-Agent: Orchard\r\n");
            if (proxy.hasCredentials()) {
                head.append("Proxy-Authorization: ").append(proxy.proxyAuthorization()).append("\r\n");
            }
            socket.getOutputStream().write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            HttpAnswer answer = HttpExchange.readHead(socket.getInputStream());
            budget.close();
            if (answer.status() / 100 == 2) {
                socket.setSoTimeout(0);
                return socket;
            }
            TimeBudget.closeQuietly(socket);
            throw refusal("CONNECT " + authority, answer);
        } catch (IOException e) {
            TimeBudget.closeQuietly(socket);
            if (e instanceof SocketTimeoutException || budget.expired()) {
                throw new RouteException(Verdict.PROXY_ERROR, "the proxy " + proxy.describe() + " did not answer "
                        + "CONNECT " + authority + " within " + timeout.toMillis() + " ms", null, null);
            }
            throw new RouteException(Verdict.PROXY_ERROR, "the proxy " + proxy.describe() + " failed CONNECT "
                    + authority + " (" + TcpFailure.brief(e) + ")", null, null);
        }
    }

    /** A plain connection to the proxy itself, for absolute-URI requests. */
    Socket openToProxy(Duration timeout) throws RouteException {
        if (loopbackOnly && !isLiteral(proxy.host()) && !proxy.host().equalsIgnoreCase("localhost")) {
            throw new RouteException(Verdict.PROXY_UNREACHABLE, "the proxy " + proxy.describe()
                    + " is not a loopback address, and this route may only use loopback", null, null);
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(proxy.host());
        } catch (UnknownHostException e) {
            throw new RouteException(Verdict.PROXY_UNREACHABLE, "the proxy host " + proxy.host()
                    + " does not resolve; check the proxy address", null, null);
        }
        if (loopbackOnly && !address.isLoopbackAddress()) {
            throw new RouteException(Verdict.PROXY_UNREACHABLE, "the proxy " + proxy.describe()
                    + " is not a loopback address, and this route may only use loopback", null, null);
        }
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(address, proxy.port()),
                    (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis())));
            return socket;
        } catch (IOException e) {
            TimeBudget.closeQuietly(socket);
            throw new RouteException(Verdict.PROXY_UNREACHABLE, "the proxy " + proxy.describe()
                    + " cannot be reached (" + TcpFailure.brief(e) + "); check the proxy address and that "
                    + "it is running", null, null);
        }
    }

    /** The verdict of a proxy's non-2xx answer to {@code request}. */
    RouteException refusal(String request, HttpAnswer answer) {
        int status = answer.status();
        Verdict verdict = status == 407 ? Verdict.PROXY_AUTH_REQUIRED
                : status >= 500 ? Verdict.PROXY_ERROR : Verdict.PROXY_DENIED;
        String server = answer.serverOrVia();
        String who = "the proxy " + proxy.describe() + (server == null ? "" : " (" + server + ")");
        String message = switch (verdict) {
            case PROXY_AUTH_REQUIRED -> who + " demands authentication (407) for " + request
                    + (proxy.hasCredentials() ? " and refused the credentials given" : "")
                    + "; exempt Apple hosts from proxy authentication";
            case PROXY_ERROR -> who + " answered " + status + " " + answer.reason() + " to " + request
                    + ": it failed to reach the host; check the proxy's own DNS and outbound firewall";
            default -> who + " refused " + request + " with " + status + " " + answer.reason()
                    + "; allow the host in the proxy's policy";
        };
        return new RouteException(verdict, message, status, server);
    }

    /** An IP literal, which resolving never sends to a DNS server. */
    private static boolean isLiteral(String host) {
        return host.contains(":") || host.matches("[0-9.]+");
    }

    static String authority(String host, int port) {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
