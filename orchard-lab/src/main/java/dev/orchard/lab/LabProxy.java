package dev.orchard.lab;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509KeyManager;
import org.apiguardian.api.API;

/**
 * A lab HTTP proxy on 127.0.0.1: CONNECT tunnels and absolute-URI requests, with a policy per host that
 * reproduces what enterprise proxies do to Apple traffic (splice, deny, demand authentication, intercept TLS, fail
 * upstream). It reaches hosts only through the address map the lab gives it, and only on loopback: it never asks
 * the system resolver and never connects anywhere else.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class LabProxy extends LabTcpServer {

    /** What the proxy does with a host's requests. */
    public enum Policy {
        /** Tunnels or forwards the bytes untouched. */
        SPLICE,
        /** Answers 403 with its Server and Via headers. */
        DENY,
        /** Answers 407 unless the request carries the configured Basic credentials, then splices. */
        REQUIRE_AUTH,
        /** Terminates TLS with a leaf re-signed by its inspection CA, and relays to the host. */
        INTERCEPT,
        /** Answers 502 as if the host were unreachable from the proxy. */
        UPSTREAM_ERROR,
        /** Answers 403 with Squid's ERR_ACCESS_DENIED page and X-Squid-Error header, as a filtering Squid does. */
        SQUID_BLOCK_PAGE
    }

    public static final String SERVER = "Orchard lab proxy";
    public static final String VIA = "1.1 lab-proxy.orchard.invalid (Orchard lab proxy)";

    private final LabCertificates certificates;
    private final Function<String, InetSocketAddress> upstream;
    private final Map<String, Policy> policies = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private volatile Policy defaultPolicy = Policy.SPLICE;
    private volatile String expectedAuthorization;
    private volatile String inspectionCa = LabCertificates.SQUID_CA;

    private LabProxy(LabCertificates certificates, Function<String, InetSocketAddress> upstream) {
        super("lab-proxy");
        this.certificates = Objects.requireNonNull(certificates, "certificates");
        this.upstream = Objects.requireNonNull(upstream, "upstream");
        listen();
    }

    /**
     * Starts a proxy that reaches {@code host:port} at {@code upstream.apply("host:port")}; null means the host
     * is unreachable from the proxy (502). Only loopback addresses are ever connected to.
     */
    public static LabProxy start(LabCertificates certificates, Function<String, InetSocketAddress> upstream) {
        return new LabProxy(certificates, upstream);
    }

    /** Starts a proxy that reaches hosts through a map of {@code host:port} to loopback addresses. */
    public static LabProxy start(LabCertificates certificates, Map<String, InetSocketAddress> upstream) {
        Map<String, InetSocketAddress> copy = new HashMap<>();
        upstream.forEach((key, address) -> copy.put(key.toLowerCase(Locale.ROOT), address));
        return new LabProxy(certificates, key -> copy.get(key.toLowerCase(Locale.ROOT)));
    }

    public LabProxy policy(String host, Policy policy) {
        policies.put(host.toLowerCase(Locale.ROOT), Objects.requireNonNull(policy, "policy"));
        return this;
    }

    public LabProxy defaultPolicy(Policy policy) {
        defaultPolicy = Objects.requireNonNull(policy, "policy");
        return this;
    }

    /** The Basic credentials that {@link Policy#REQUIRE_AUTH} accepts. */
    public LabProxy credentials(String username, String password) {
        expectedAuthorization = "Basic " + Base64.getEncoder().encodeToString(
                (username + ":" + password).getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /** The inspection CA that {@link Policy#INTERCEPT} re-signs with; {@link LabCertificates#SQUID_CA} by default. */
    public LabProxy interceptWith(String caName) {
        inspectionCa = Objects.requireNonNull(caName, "caName");
        return this;
    }

    /** {@code http://127.0.0.1:port}, as a proxy setting. */
    public String url() {
        return "http://127.0.0.1:" + port();
    }

    /** Requests (CONNECT or absolute-URI) received for {@code host}. */
    public int requests(String host) {
        AtomicInteger count = requests.get(host.toLowerCase(Locale.ROOT));
        return count == null ? 0 : count.get();
    }

    @Override
    void serve(Socket client) throws IOException {
        client.setSoTimeout(30_000);
        LabHttp.Request request = LabHttp.read(client.getInputStream());
        OutputStream out = client.getOutputStream();
        boolean connect = request.method().equals("CONNECT");
        if (!connect && !request.target().startsWith("http://")) {
            LabHttp.write(out, 400, "Bad Request", refusalHeaders(), "a proxy needs CONNECT or an absolute URI\n");
            return;
        }
        String host = request.host();
        requests.computeIfAbsent(host, h -> new AtomicInteger()).incrementAndGet();
        int port = port(request, connect);
        Policy policy = policies.getOrDefault(host, defaultPolicy);
        if (policy == Policy.DENY) {
            LabHttp.write(out, 403, "Forbidden", refusalHeaders(),
                    "<html><body>Access to " + host + " is denied by the proxy policy.</body></html>\n");
            return;
        }
        if (policy == Policy.SQUID_BLOCK_PAGE) {
            Map<String, String> headers = new LinkedHashMap<>(refusalHeaders());
            headers.put("X-Squid-Error", "ERR_ACCESS_DENIED 0");
            LabHttp.write(out, 403, "Forbidden", headers, "<html><body><h1>ERROR</h1><p>The requested URL could not "
                    + "be retrieved</p><p>Access control configuration prevents your request from being allowed at "
                    + "this time.</p><!-- ERR_ACCESS_DENIED --></body></html>\n");
            return;
        }
        if (policy == Policy.REQUIRE_AUTH) {
            String given = request.header("proxy-authorization");
            if (expectedAuthorization == null || !expectedAuthorization.equals(given)) {
                Map<String, String> headers = new LinkedHashMap<>(refusalHeaders());
                headers.put("Proxy-Authenticate", "Basic realm=\"Orchard lab\"");
                LabHttp.write(out, 407, "Proxy Authentication Required", headers, "authentication required\n");
                return;
            }
        }
        InetSocketAddress target = policy == Policy.UPSTREAM_ERROR ? null : upstream.apply(host + ":" + port);
        if (target == null || target.isUnresolved() || !target.getAddress().isLoopbackAddress()) {
            LabHttp.write(out, 502, "Bad Gateway", refusalHeaders(), "cannot reach " + host + ":" + port + "\n");
            return;
        }
        Socket origin = new Socket();
        hold(origin);
        try {
            origin.connect(target, 5_000);
        } catch (IOException e) {
            LabHttp.write(out, 502, "Bad Gateway", refusalHeaders(), "cannot reach " + host + ":" + port + "\n");
            release(origin);
            return;
        }
        try {
            if (!connect) {
                forward(request, host, port, client, origin);
            } else {
                out.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                client.setSoTimeout(0);
                if (policy == Policy.INTERCEPT) {
                    intercept(client, origin, host, port);
                } else {
                    splice(client, origin);
                }
            }
        } finally {
            release(origin);
        }
    }

    private static int port(LabHttp.Request request, boolean connect) {
        String authority = connect ? request.target()
                : request.target().substring("http://".length()).split("/", 2)[0];
        int colon = authority.lastIndexOf(':');
        if (colon > authority.lastIndexOf(']') && colon >= 0) {
            return Integer.parseInt(authority.substring(colon + 1));
        }
        return connect ? 443 : 80;
    }

    private static Map<String, String> refusalHeaders() {
        return Map.of("Server", SERVER, "Via", VIA, "Content-Type", "text/html");
    }

    /** Sends an absolute-URI request on in origin form, without the proxy's own headers, and relays the answer. */
    private static void forward(LabHttp.Request request, String host, int port, Socket client, Socket origin)
            throws IOException {
        StringBuilder head = new StringBuilder(request.method()).append(' ').append(request.path())
                .append(" HTTP/1.1\r\n");
        request.headers().forEach((name, value) -> {
            if (!name.startsWith("proxy-") && !name.equals("connection")) {
                head.append(name).append(": ").append(value).append("\r\n");
            }
        });
        head.append("Via: ").append(VIA).append("\r\nConnection: close\r\n\r\n");
        OutputStream toOrigin = origin.getOutputStream();
        toOrigin.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        toOrigin.write(request.body());
        toOrigin.flush();
        origin.setSoTimeout(30_000);
        origin.getInputStream().transferTo(client.getOutputStream());
        client.getOutputStream().flush();
    }

    /** Terminates the client's TLS with a re-signed leaf, opens genuine TLS to the host and relays between them. */
    private void intercept(Socket client, Socket origin, String host, int port) throws IOException {
        SSLContext serverContext;
        try {
            serverContext = SSLContext.getInstance("TLS");
            ServedChain chain = certificates.chain(inspectionCa, host);
            serverContext.init(new X509KeyManager[] {new SniKeyManager(sni -> chain)}, null, null);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot make the interception context", e);
        }
        SSLSocket clientTls = (SSLSocket) serverContext.getSocketFactory().createSocket(client, null, true);
        clientTls.setUseClientMode(false);
        clientTls.startHandshake();
        SSLSocket originTls = (SSLSocket) certificates.appleTrustContext().getSocketFactory()
                .createSocket(origin, host, port, true);
        originTls.startHandshake();
        splice(clientTls, originTls);
    }

    /** Copies bytes both ways until either side closes. */
    private void splice(Socket a, Socket b) throws IOException {
        Thread reverse = new Thread(() -> copy(b, a), "lab-proxy-splice");
        reverse.setDaemon(true);
        reverse.start();
        copy(a, b);
        LabAcceptor.closeQuietly(a);
        LabAcceptor.closeQuietly(b);
    }

    private static void copy(Socket from, Socket to) {
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // either side closed: the tunnel ends
        } finally {
            LabAcceptor.closeQuietly(to);
        }
    }
}
