package dev.orchard.probe;

import dev.orchard.internal.Sanitizer;
import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.xbill.DNS.Name;
import org.xbill.DNS.ResolverConfig;

/**
 * The run's proxy auto-config file: fetched once (with OkHttp, through no proxy, honouring connect-to and the lab's
 * loopback guard), compiled once in the {@link PacScript} sandbox, and asked once per distinct (URL, host). When it
 * cannot be fetched or compiled, the run's {@code pac} check says so, and every check goes direct, as devices do.
 */
final class Pac implements AutoCloseable {

    /** The largest PAC file fetched; real ones are kilobytes. */
    static final int MAX_BYTES = 1024 * 1024;

    /** The PAC's answer for one (URL, host): the entries in order, or why there is none. */
    record Decision(String answer, List<PacEntry> entries, PacException failure) {

        static final Decision DIRECT = new Decision("DIRECT", List.of(PacEntry.DIRECT), null);

        boolean onlyDirect() {
            return failure == null && entries.stream().allMatch(PacEntry::direct);
        }
    }

    private final PacSource source;
    private final Function<String, DnsResolution> resolver;
    private final List<InetSocketAddress> dnsServers;
    private final List<ConnectTo> connectTo;
    private final boolean loopbackOnly;
    private final Duration timeout;
    private final Supplier<List<String>> searchDomains;
    private final Map<String, Decision> answers = new ConcurrentHashMap<>();
    private final Object loading = new Object();
    private volatile boolean loaded;
    private PacScript script;
    private PacException failure;
    private String loadedFrom;
    private int size;

    Pac(PacSource source, Function<String, DnsResolution> resolver, List<InetSocketAddress> dnsServers,
            List<ConnectTo> connectTo, boolean loopbackOnly, Duration timeout, Supplier<List<String>> searchDomains) {
        this.source = source;
        this.resolver = resolver;
        this.dnsServers = List.copyOf(dnsServers);
        this.connectTo = List.copyOf(connectTo);
        this.loopbackOnly = loopbackOnly;
        this.timeout = timeout;
        this.searchDomains = searchDomains != null ? searchDomains : Pac::systemSearchDomains;
    }

    String describe() {
        return source.describe();
    }

    /** The {@code pac} check: the PAC fetched and compiled, or the failure that sends every check direct. */
    ProbeResult status() {
        long start = System.nanoTime();
        load();
        Duration took = TcpProbe.since(start);
        if (failure != null) {
            String consequence = failure.verdict() == Verdict.PAC_UNAVAILABLE
                    ? "; devices then go direct, and so do the other checks"
                    : "; devices then ignore it and go direct, and so do the other checks";
            return ProbeResult.failed(failure.verdict(), failure.getMessage() + consequence, took,
                    new Evidence(null, null, null, null, "direct", null, null, null, null, source.describe()));
        }
        return ProbeResult.passed("the PAC " + loadedFrom + " was fetched (" + size + " bytes) and compiles; "
                + "FindProxyForURL decides the route of every web check", took,
                new Evidence(null, null, null, null, null, null, null, null, null, loadedFrom));
    }

    /** What the PAC answers for {@code url} and {@code host}, asked once per pair for the run. */
    Decision decide(String url, String host) {
        load();
        if (script == null) {
            return Decision.DIRECT;
        }
        return answers.computeIfAbsent(url + " " + host, key -> evaluate(url, host));
    }

    /** The answer for {@code url} and {@code host} if it is already known, without running the PAC. */
    Optional<Decision> known(String url, String host) {
        if (!loaded) {
            return Optional.empty();
        }
        return script == null ? Optional.of(Decision.DIRECT) : Optional.ofNullable(answers.get(url + " " + host));
    }

    private Decision evaluate(String url, String host) {
        String answer;
        try {
            answer = script.findProxyForUrl(url, host);
        } catch (PacException e) {
            return new Decision(null, List.of(), e);
        }
        try {
            return new Decision(answer.strip(), PacEntry.parse(answer), null);
        } catch (IllegalArgumentException e) {
            return new Decision(answer, List.of(), new PacException(Verdict.PAC_INVALID, "the PAC " + script.name()
                    + " answered FindProxyForURL(\"" + Sanitizer.quote(url) + "\", \"" + Sanitizer.quote(host)
                    + "\") with garbage: " + e.getMessage() + "; expected e.g. \"PROXY proxy.example.com:8080;"
                    + " DIRECT\""));
        }
    }

    private void load() {
        if (loaded) {
            return;
        }
        synchronized (loading) {
            if (loaded) {
                return;
            }
            try {
                String text = source.auto() ? discover() : fetch(source);
                script = PacScript.compile(loadedFrom, text, environment());
            } catch (PacException e) {
                failure = e;
            }
            loaded = true;
        }
    }

    private String fetch(PacSource from) throws PacException {
        loadedFrom = from.describe();
        if (from.file() != null) {
            try {
                long bytes = Files.size(from.file());
                if (bytes > MAX_BYTES) {
                    throw tooLarge(bytes);
                }
                size = (int) bytes;
                return Files.readString(from.file(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw unavailable("cannot be read (" + TcpFailure.brief(e) + ")");
            }
        }
        return fetch(from.url());
    }

    /** WPAD through DNS: wpad.&lt;domain&gt; for each search domain, then http://wpad.&lt;domain&gt;/wpad.dat. */
    private String discover() throws PacException {
        List<String> tried = new ArrayList<>();
        for (String domain : searchDomains.get()) {
            String host = "wpad." + domain;
            DnsResolution resolution = resolver.apply(host);
            if (!resolution.result().passed()) {
                tried.add(host + " (" + resolution.result().verdict() + ")");
                continue;
            }
            URI url = URI.create("http://" + host + "/wpad.dat");
            loadedFrom = url.toString();
            try {
                return fetch(url);
            } catch (PacException e) {
                tried.add(Sanitizer.quote(e.getMessage()));
            }
        }
        loadedFrom = source.describe();
        throw new PacException(Verdict.PAC_UNAVAILABLE, "WPAD found no PAC file: "
                + (tried.isEmpty() ? "the resolver configuration has no search domain" : "tried " + String.join(", ",
                        tried)) + "; serve wpad.dat at http://wpad.<search domain>/ or set " + dev.orchard
                        .ConfigurationKeys.PAC + " to the PAC's URL");
    }

    private String fetch(URI url) throws PacException {
        loadedFrom = source.auto() ? url.toString() : source.describe();
        boolean https = "https".equalsIgnoreCase(url.getScheme());
        String host = url.getHost().startsWith("[") ? url.getHost().substring(1, url.getHost().length() - 1)
                : url.getHost();
        int port = url.getPort() > 0 ? url.getPort() : https ? 443 : 80;
        List<InetAddress> addresses = List.of();
        Optional<InetAddress> literal = IpLiteral.parse(host);
        if (literal.isPresent()) {
            addresses = List.of(literal.get());
        } else if (ConnectTo.target(connectTo, host, port).isEmpty()) {
            DnsResolution resolution = resolver.apply(host);
            if (!resolution.result().passed()) {
                throw unavailable("cannot be fetched: its host " + host + " does not resolve ("
                        + resolution.result().verdict() + ": " + resolution.result().message() + ")");
            }
            addresses = resolution.addresses();
        }
        RouteSocketFactory sockets = new RouteSocketFactory(new DirectRoute(connectTo, addresses, loopbackOnly), host,
                port);
        OkHttpClient client = sockets.client(timeout).callTimeout(timeout.multipliedBy(2)).build();
        Request request = new Request.Builder().url(url.toString()).header("User-Agent", "Orchard PAC fetch")
                .header("Accept", "application/x-ns-proxy-autoconfig, */*").build();
        try (Response response = client.newCall(request).execute()) {
            if (response.code() != 200) {
                throw unavailable("cannot be fetched: the server answered " + response.code() + " "
                        + Sanitizer.quote(response.message()));
            }
            byte[] body;
            try (InputStream in = response.body().byteStream()) {
                body = in.readNBytes(MAX_BYTES + 1);
            }
            if (body.length > MAX_BYTES) {
                throw tooLarge(body.length);
            }
            size = body.length;
            return new String(body, StandardCharsets.UTF_8);
        } catch (IOException e) {
            RouteException refusal = sockets.refusal();
            IOException cause = sockets.connectFailure() != null ? sockets.connectFailure() : e;
            throw unavailable("cannot be fetched (" + (refusal != null ? refusal.getMessage()
                    : TcpFailure.brief(cause)) + ")");
        } finally {
            client.connectionPool().evictAll();
        }
    }

    private PacException unavailable(String problem) {
        return new PacException(Verdict.PAC_UNAVAILABLE, "the PAC " + loadedFrom + " " + problem);
    }

    private PacException tooLarge(long bytes) {
        return new PacException(Verdict.PAC_INVALID, "the PAC " + loadedFrom + " is " + bytes + " bytes or more; a "
                + "PAC file may have at most " + MAX_BYTES);
    }

    /** The sandbox's window on the network: the run's resolvers and the address used toward them. */
    private PacScript.Environment environment() {
        return new PacScript.Environment() {
            @Override
            public List<InetAddress> resolve(String host) {
                DnsResolution resolution = resolver.apply(host);
                return resolution.result().passed() ? resolution.addresses() : List.of();
            }

            @Override
            public List<InetAddress> localAddresses() {
                return Pac.this.localAddresses();
            }

            @Override
            public Clock clock() {
                return Clock.systemDefaultZone();
            }

            @Override
            public TimeZone timeZone() {
                return TimeZone.getDefault();
            }
        };
    }

    /**
     * The addresses this machine would use toward its resolvers, IPv4 first: a connected UDP socket picks the
     * source address by routing without sending anything.
     */
    List<InetAddress> localAddresses() {
        List<InetSocketAddress> servers = dnsServers.isEmpty() ? ResolverConfig.getCurrentConfig().servers()
                : dnsServers;
        List<InetAddress> found = new ArrayList<>();
        for (InetSocketAddress server : servers) {
            try (DatagramSocket socket = new DatagramSocket()) {
                socket.connect(server);
                InetAddress local = socket.getLocalAddress();
                if (local != null && !local.isAnyLocalAddress() && !found.contains(local)) {
                    found.add(local);
                }
            } catch (SocketException | IllegalArgumentException e) {
                // no route toward this resolver; try the next
            }
        }
        if (found.isEmpty()) {
            found.add(InetAddress.getLoopbackAddress());
        }
        found.sort(Comparator.comparing(a -> a instanceof Inet4Address ? 0 : 1));
        return List.copyOf(found);
    }

    private static List<String> systemSearchDomains() {
        return ResolverConfig.getCurrentConfig().searchPath().stream().map(Name::toString)
                .map(n -> n.endsWith(".") ? n.substring(0, n.length() - 1) : n).filter(n -> !n.isEmpty()).toList();
    }

    @Override
    public void close() {
        synchronized (loading) {
            if (script != null) {
                script.close();
            }
        }
    }
}
