package dev.orchard.probe;

import dev.orchard.catalog.Endpoint;
import dev.orchard.catalog.ProxySupport;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.apiguardian.api.API;

/**
 * The network as Apple devices on it see it: which resolver they use, which proxy, which roots they trust, and
 * how long they wait. Every probe runs through a {@code Network}, so a site's settings apply to every check alike.
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class Network implements AutoCloseable {

    private final List<InetSocketAddress> dnsServers;
    private final ProxySettings proxy;
    private final NonProxyHosts nonProxyHosts;
    private final Path trustAnchorsFile;
    private final String trustAnchorsPem;
    private final List<ConnectTo> connectTo;
    private final Duration timeout;
    private final int parallelism;
    private final List<InetAddress> sinkholes;
    private final boolean loopbackOnly;
    private final TcpProbe tcpProbe;
    private final SshProbe sshProbe;
    private final DnsProbe dnsProbe;
    private final TrustAnchors anchors;
    private final TlsProbe tlsProbe;
    private final HttpProbe httpProbe;
    private final DohProbe dohProbe;
    private final Pac pac;
    private final Object lock = new Object();
    private CheckRunner runner;
    private boolean closed;
    private volatile NetworkSettings settings;

    private Network(Builder builder) {
        this.dnsServers = List.copyOf(builder.dnsServers);
        this.proxy = builder.proxy;
        this.nonProxyHosts = builder.nonProxyHosts;
        this.trustAnchorsFile = builder.trustAnchorsFile;
        this.trustAnchorsPem = builder.trustAnchorsPem;
        this.connectTo = List.copyOf(builder.connectTo);
        this.timeout = builder.timeout;
        this.parallelism = builder.parallelism;
        this.sinkholes = List.copyOf(builder.sinkholes);
        this.loopbackOnly = builder.loopbackOnly;
        this.tcpProbe = new TcpProbe(timeout);
        this.sshProbe = new SshProbe(timeout);
        this.anchors = trustAnchorsFile != null ? TrustAnchors.fromPem(trustAnchorsFile)
                : trustAnchorsPem != null ? TrustAnchors.fromPemText(trustAnchorsPem) : TrustAnchors.defaults();
        this.tlsProbe = new TlsProbe(anchors, timeout);
        this.httpProbe = new HttpProbe(timeout);
        this.dohProbe = new DohProbe(anchors, timeout);
        boolean resolversAllowed = !loopbackOnly
                || (!dnsServers.isEmpty() && dnsServers.stream().allMatch(s -> s.getAddress().isLoopbackAddress()));
        this.dnsProbe = resolversAllowed ? new DnsProbe(dnsServers, timeout,
                sinkholes.stream().map(IpLiteral::text).toList()) : null;
        if (builder.pac != null && (proxy != null || !nonProxyHosts.patterns().isEmpty())) {
            throw new IllegalArgumentException("a PAC file (" + builder.pac.describe() + ") and "
                    + (proxy != null ? "a proxy (" + proxy.describe() + ")" : "nonProxyHosts") + " are both set: the"
                    + " PAC decides each host's proxy; set only one");
        }
        this.pac = builder.pac == null ? null : new Pac(builder.pac, this::resolve, dnsServers, connectTo, loopbackOnly,
                timeout, builder.searchDomains);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Resolves {@code host} as a device on this network would, and judges the answer. */
    public ProbeResult dns(String host) {
        return resolve(host).result();
    }

    /**
     * Connects to {@code host:port} directly. A connect-to override makes DNS unnecessary; otherwise a failed
     * resolution fails this check too, with the DNS verdict.
     */
    public ProbeResult tcp(String host, int port) {
        return direct(host, port, (route, addresses) -> tcpProbe.probe(host, port, route, addresses));
    }

    /**
     * Handshakes TLS with {@code host:port} and judges the certificate chain against the trust anchors; through the
     * proxy when one is configured, as a device with a proxy would.
     */
    public ProbeResult tls(String host, int port) {
        return routed(host, port, route -> tlsProbe.probe(route, host, port));
    }

    /** Sends an HTTP GET to {@code host:port} ({@code /hotspot-detect.html} for captive.apple.com). */
    public ProbeResult http(String host, int port) {
        return routed(host, port, route -> httpProbe.probe(route, host, port));
    }

    /** Asks {@code host}'s NTP server (UDP 123) for the time; resolves the host first. */
    public ProbeResult ntp(String host) {
        return udp(host, 123, CheckKind.NTP);
    }

    /** Sends a QUIC Initial to {@code host:port} over UDP and expects Version Negotiation; resolves first. */
    public ProbeResult quic(String host, int port) {
        return udp(host, port, CheckKind.QUIC);
    }

    /** Reads the SSH banner of {@code host:port}. */
    public ProbeResult ssh(String host, int port) {
        return direct(host, port, (route, addresses) -> sshProbe.probe(host, port, route, addresses));
    }

    /** Sends a real RFC 8484 DNS-over-HTTPS query to {@code host} on 443. */
    public ProbeResult doh(String host) {
        return routed(host, 443, route -> dohProbe.probe(route, host, 443));
    }

    /**
     * Runs one check as a device would route it for this row: through the proxy when one is configured and the
     * row works through a proxy, otherwise direct. DNS is always resolved by the client first; when it fails the
     * check is skipped with the DNS verdict, as in {@link #runAll}.
     */
    public ProbeResult check(Endpoint endpoint, String host, Check check) {
        if (check.kind() == CheckKind.PAC) {
            return pacStatus();
        }
        DnsResolution resolution = resolve(host);
        if (check.kind() == CheckKind.DNS) {
            return resolution.result();
        }
        if (!resolution.result().passed()) {
            return Skips.dnsFailed(host, resolution.result());
        }
        return run(new CheckTarget(endpoint, host, check), resolution);
    }

    /**
     * Runs many checks concurrently within the parallelism and per-host bounds. A failed prerequisite (the host's
     * DNS, the port's TCP) makes dependent checks skipped, naming its verdict. {@code listener} hears each result
     * as it completes; the returned list is in the order of {@code targets}.
     */
    public List<ProbeResult> runAll(List<CheckTarget> targets, BiConsumer<CheckTarget, ProbeResult> listener) {
        // A host listed in several tables is probed once per distinct check and route, not once per row: the
        // per-host cap would otherwise queue the duplicates behind dropped connects and multiply the run's time.
        Map<String, List<CheckTarget>> sameWork = new LinkedHashMap<>();
        for (CheckTarget target : targets) {
            sameWork.computeIfAbsent(workKey(target), k -> new ArrayList<>()).add(target);
        }
        List<CheckTarget> distinct = sameWork.values().stream().map(group -> group.get(0)).toList();
        Map<String, ProbeResult> byKey = new HashMap<>();
        List<ProbeResult> results = runner().runAll(distinct, (target, result) -> {
            if (listener == null) {
                return;
            }
            for (CheckTarget same : sameWork.get(workKey(target))) {
                listener.accept(same, result);
            }
        });
        for (int i = 0; i < distinct.size(); i++) {
            byKey.put(workKey(distinct.get(i)), results.get(i));
        }
        return targets.stream().map(t -> byKey.get(workKey(t))).toList();
    }

    /** Targets with the same key need one probe: same host, same check, same route, both enabled or disabled. */
    private String workKey(CheckTarget target) {
        Endpoint endpoint = target.endpoint();
        String route = pac != null ? "pac:" + scheme(endpoint, target.check().port())
                : proxied(endpoint, target.host(), target.check().port()) ? "proxy" : "direct";
        return target.host().toLowerCase(java.util.Locale.ROOT) + "|" + target.check().idSegment() + "|"
                + target.check().family() + "|"
                + route + "|" + (endpoint.isDisabled() ? "off:" + endpoint.disabledReason()
                : "on");
    }

    /** A fetched web page: the URL it came from after redirects, its content type and its text. */
    public record Page(String url, String contentType, String text) {
    }

    /**
     * Fetches a web page, such as Apple's article for {@code catalog-diff}, through this network's proxy, trust
     * anchors and timeout; a loopback-only network fetches only from loopback addresses.
     *
     * @throws java.io.IOException naming the URL and what failed (no answer, an HTTP error status, a bad chain)
     */
    public Page fetchPage(String url) throws java.io.IOException {
        return new PageFetch(proxy, nonProxyHosts, anchors, timeout, loopbackOnly).get(url);
    }

    /** The settings, with proxy credentials removed, as reports print them. */
    public NetworkSettings settings() {
        NetworkSettings shown = settings;
        if (shown == null) {
            // formatted once: the engine asks for the timeout per check, and a lab has hundreds of overrides
            List<String> servers = dnsServers.isEmpty() ? List.of("system")
                    : dnsServers.stream().map(s -> IpLiteral.format(s.getAddress(), s.getPort())).toList();
            String anchors = trustAnchorsFile != null ? trustAnchorsFile.toString()
                    : trustAnchorsPem != null ? "pem" : "default";
            String shownProxy = pac != null ? "PAC " + pac.describe() : proxy == null ? null : proxy.describe();
            shown = new NetworkSettings(servers, shownProxy, anchors,
                    connectTo.stream().map(ConnectTo::display).toList(), timeout, parallelism);
            settings = shown;
        }
        return shown;
    }

    /** Stops the check threads. */
    @Override
    public void close() {
        CheckRunner toClose;
        synchronized (lock) {
            closed = true;
            toClose = runner;
            runner = null;
        }
        if (toClose != null) {
            toClose.close();
        }
        if (pac != null) {
            pac.close();
        }
    }

    // ---- for the probes written alongside (TLS, HTTP, DoH, proxy route) ----

    Duration timeout() {
        return timeout;
    }

    int parallelism() {
        return parallelism;
    }

    List<InetSocketAddress> dnsServers() {
        return dnsServers;
    }

    /** The proxy with its credentials, if one is configured. */
    Optional<ProxySettings> proxy() {
        return Optional.ofNullable(proxy);
    }

    /** The PEM file whose certificates replace the default anchors, if one was given. */
    Optional<Path> trustAnchorsFile() {
        return Optional.ofNullable(trustAnchorsFile);
    }

    /** PEM text whose certificates replace the default anchors, if it was given in code. */
    Optional<String> trustAnchorsPem() {
        return Optional.ofNullable(trustAnchorsPem);
    }

    List<ConnectTo> connectTo() {
        return connectTo;
    }

    List<InetAddress> sinkholes() {
        return sinkholes;
    }

    boolean loopbackOnly() {
        return loopbackOnly;
    }

    /**
     * The ports a device sends through an HTTP proxy: web traffic only. Other ports (APNs on 5223 and 2197, SSH)
     * go direct, as with a PAC file, and as proxies that allow CONNECT only to 443 force anyway.
     */
    static final java.util.Set<Integer> PROXIED_PORTS = java.util.Set.of(80, 443);

    /** Whether a row's check goes through the proxy: a proxy-capable row, on a web port, for a proxied host. */
    private boolean proxied(Endpoint endpoint, String host, int port) {
        return endpoint.proxy() == ProxySupport.YES && proxied(host, port);
    }

    /** Whether a device with this network's proxy settings sends {@code host:port} through the proxy. */
    private boolean proxied(String host, int port) {
        return proxy != null && PROXIED_PORTS.contains(port) && !nonProxyHosts.matches(host);
    }

    /**
     * Ports a device never sends through a proxy, whatever a PAC file says: SSH, and APNs on 5223 and 2197. UDP
     * (NTP, QUIC) never has a proxy route at all.
     */
    static final java.util.Set<Integer> NEVER_PROXIED_PORTS = java.util.Set.of(22, 5223, 2197);

    /** The route a device takes to {@code host:port} for this row. */
    Route route(Endpoint endpoint, String host, int port, List<InetAddress> addresses) {
        if (pac != null) {
            return pacRoute(scheme(endpoint, port), host, port, addresses);
        }
        if (proxied(endpoint, host, port)) {
            return new ProxyRoute(proxy, loopbackOnly);
        }
        return new DirectRoute(connectTo, addresses, loopbackOnly);
    }

    /** The scheme of the URL a device would ask the PAC about: https for the row's TLS ports, else http. */
    private static String scheme(Endpoint endpoint, int port) {
        return endpoint.tlsPorts().contains(port) ? "https" : "http";
    }

    /** The URL a device would ask the PAC about: {@code https://host/}, {@code http://host/}, or with its port. */
    static String pacUrl(String scheme, String host, int port) {
        boolean standard = scheme.equals("https") ? port == 443 : port == 80;
        return scheme + "://" + (host.contains(":") ? "[" + host + "]" : host) + (standard ? "" : ":" + port) + "/";
    }

    /** The route the PAC gives {@code host:port}: direct when it says only DIRECT or the port is never proxied. */
    private Route pacRoute(String scheme, String host, int port, List<InetAddress> addresses) {
        DirectRoute direct = new DirectRoute(connectTo, addresses, loopbackOnly);
        if (NEVER_PROXIED_PORTS.contains(port)) {
            return direct;
        }
        Pac.Decision decision = pac.decide(pacUrl(scheme, host, port), host.toLowerCase(java.util.Locale.ROOT));
        return decision.onlyDirect() ? direct : new PacRoute(decision, direct, loopbackOnly);
    }

    /**
     * The PAC's route when it is known without running the PAC (a port never proxied, or an answer already
     * cached), else null: a pre-flight may run on the connector's selector thread, which must never wait for a
     * PAC call.
     */
    private Route knownPacRoute(String scheme, String host, int port, List<InetAddress> addresses) {
        if (NEVER_PROXIED_PORTS.contains(port)) {
            return new DirectRoute(connectTo, addresses, loopbackOnly);
        }
        return pac.known(pacUrl(scheme, host, port), host.toLowerCase(java.util.Locale.ROOT))
                .filter(Pac.Decision::onlyDirect).map(d -> (Route) new DirectRoute(connectTo, addresses, loopbackOnly))
                .orElse(null);
    }

    /** The run's PAC check: the file fetched and compiled, or why not. */
    private ProbeResult pacStatus() {
        if (pac == null) {
            return ProbeResult.skipped(Verdict.DISABLED, "no PAC file is configured (" + dev.orchard.ConfigurationKeys
                    .PAC + ")");
        }
        return pac.status();
    }

    /**
     * Says what the PAC had to do with a check's result: a direct-only host it sent through a proxy that then
     * failed, or a pass that needed failover.
     */
    private static ProbeResult withPacNote(CheckTarget target, Route route, ProbeResult result) {
        if (!(route instanceof PacRoute pacRoute) || result.status() == Status.SKIPPED) {
            return result;
        }
        String host = target.host();
        PacEntry carried = pacRoute.carried();
        PacEntry proxyUsed = carried != null && !carried.direct() ? carried : carried == null ? pacRoute.firstProxy()
                : null;
        String note = null;
        if (result.failed() && proxyUsed != null && target.endpoint().proxy() != ProxySupport.YES) {
            note = "the PAC sends " + host + " through " + proxyUsed.text() + ", but Apple says " + host
                    + " does not work through proxies; return DIRECT for it";
        } else if (result.passed() && !pacRoute.failedBefore().isEmpty() && carried != null) {
            note = "passed only after failover: " + String.join(", ", pacRoute.failedBefore()) + ", then the PAC entry "
                    + carried.text() + " carried it";
        }
        if (note == null) {
            return result;
        }
        return result.withMessage(note + ". " + result.message());
    }

    /** Resolves through the configured resolvers; with loopbackOnly, only loopback resolvers are asked. */
    DnsResolution resolve(String host) {
        if (dnsProbe == null) {
            String resolvers = dnsServers.isEmpty() ? "the system resolver"
                    : dnsServers.stream().map(s -> IpLiteral.format(s.getAddress(), s.getPort()))
                            .collect(java.util.stream.Collectors.joining(", "));
            return new DnsResolution(ProbeResult.failed(Verdict.DNS_TIMEOUT, "DNS for " + host + ": the lab forbids"
                    + " querying " + resolvers + ": only loopback resolvers are allowed (loopbackOnly), and no"
                    + " packet was sent; configure a lab DNS server", null, null), List.of());
        }
        return dnsProbe.resolve(host);
    }

    /** Runs a port check of a host whose DNS passed; a check of one family keeps to that family's path. */
    ProbeResult run(CheckTarget target, DnsResolution resolution) {
        Check check = target.check();
        String host = target.host();
        if (check.kind() == CheckKind.DNS) {
            return resolution.result();
        }
        if (check.kind() == CheckKind.PAC) {
            return pacStatus();
        }
        List<InetAddress> addresses = resolution.addresses();
        Route route = check.transport() == dev.orchard.catalog.Transport.UDP
                ? new DirectRoute(connectTo, addresses, loopbackOnly)
                : route(target.endpoint(), host, check.port(), addresses);
        Optional<ProbeResult> unavailable = FamilyGate.unavailable(target, route);
        if (unavailable.isPresent()) {
            return unavailable.get();
        }
        if (route instanceof DirectRoute direct && check.family() != null) {
            route = direct.restrictedTo(check.family());
            addresses = ((DirectRoute) route).addresses();
        }
        ProbeResult result = switch (check.kind()) {
            case TCP -> tcpProbe.probe(host, check.port(), route, addresses);
            case SSH -> sshProbe.probe(host, check.port(), route, addresses);
            case NTP, QUIC -> udpProbe(host, check.port(), check.kind(), (DirectRoute) route, addresses);
            case TLS -> tlsProbe.probe(route, host, check.port(), httpsAnswer(target.endpoint(), check.port()));
            case HTTP -> httpProbe.probe(route, host, check.port(), target.endpoint().knownAnswer().orElse(null));
            default -> dohProbe.probe(route, host, check.port());
        };
        return withPacNote(target, route, result);
    }

    /**
     * The known answer a tls check asks for over HTTPS: only on 443 of a row without port 80, whose http check
     * asks for it otherwise, so that each answer is fetched once.
     */
    private static dev.orchard.catalog.KnownAnswer httpsAnswer(Endpoint endpoint, int port) {
        return port == 443 && !endpoint.ports().contains(80) ? endpoint.knownAnswer().orElse(null) : null;
    }

    /**
     * The pre-flight of a tcp check that goes direct: the first address its probe would connect to (none where
     * the route would refuse, or the check's family is unavailable, so the pre-flight never sends a packet the
     * probe would not), and the probe's own timeout result. Null for other checks and for proxy routes.
     */
    CheckRunner.Preflight preflight(CheckTarget target, DnsResolution resolution) {
        Check check = target.check();
        if (check.kind() != CheckKind.TCP) {
            return null;
        }
        String host = target.host();
        List<InetAddress> resolved = resolution.addresses();
        Route route = pac == null ? route(target.endpoint(), host, check.port(), resolved)
                : knownPacRoute(scheme(target.endpoint(), check.port()), host, check.port(), resolved);
        if (!(route instanceof DirectRoute any) || FamilyGate.unavailable(target, any).isPresent()) {
            return null;
        }
        DirectRoute direct = any.restrictedTo(check.family());
        List<InetAddress> addresses = direct.addresses();
        return direct.firstTarget(host, check.port()).map(address -> new CheckRunner.Preflight(address,
                took -> tcpProbe.timedOut(host, check.port(), direct, addresses, took))).orElse(null);
    }

    private interface DirectCheck {
        ProbeResult run(Route route, List<InetAddress> addresses);
    }

    private ProbeResult direct(String host, int port, DirectCheck check) {
        List<InetAddress> addresses = List.of();
        if (ConnectTo.target(connectTo, host, port).isEmpty()) {
            DnsResolution resolution = resolve(host);
            if (!resolution.result().passed()) {
                return dnsFailedHere(host, resolution.result());
            }
            addresses = resolution.addresses();
        }
        return check.run(new DirectRoute(connectTo, addresses, loopbackOnly), addresses);
    }

    /** A protocol check of the convenience API: through the proxy when one is configured, else direct. */
    private ProbeResult routed(String host, int port, java.util.function.Function<Route, ProbeResult> check) {
        if (pac != null) {
            String scheme = Endpoint.DEFAULT_TLS_PORTS.contains(port) ? "https" : "http";
            return direct(host, port, (route, addresses) -> check.apply(pacRoute(scheme, host, port, addresses)));
        }
        if (proxied(host, port)) {
            return check.apply(new ProxyRoute(proxy, loopbackOnly));
        }
        return direct(host, port, (route, addresses) -> check.apply(route));
    }

    /** UDP checks always resolve first, as a device does; connect-to then picks where the datagram goes. */
    private ProbeResult udp(String host, int port, CheckKind kind) {
        DnsResolution resolution = resolve(host);
        if (!resolution.result().passed()) {
            return dnsFailedHere(host, resolution.result());
        }
        return udpProbe(host, port, kind, new DirectRoute(connectTo, resolution.addresses(), loopbackOnly),
                resolution.addresses());
    }

    private ProbeResult udpProbe(String host, int port, CheckKind kind, DirectRoute route,
            List<InetAddress> addresses) {
        List<InetSocketAddress> targets = route.targets(host, port);
        List<String> shown = addresses.stream().map(IpLiteral::text).toList();
        if (targets.isEmpty()) {
            return ProbeResult.failed(Verdict.UDP_NO_RESPONSE, kind.tag().toUpperCase(java.util.Locale.ROOT) + " "
                    + port + "/udp to " + host + ": no address to send to", null,
                    new Evidence(shown, null, null, null, "direct", null, null, null, null, null));
        }
        InetSocketAddress target = targets.get(0);
        if (loopbackOnly && !target.getAddress().isLoopbackAddress()) {
            return ProbeResult.failed(Verdict.UDP_NO_RESPONSE, DirectRoute.forbidden(host, target), null,
                    new Evidence(shown, null, null, TcpProbe.format(target), "direct", null, null, null, null, null));
        }
        ProbeResult result = kind == CheckKind.NTP ? NtpProbe.probe(host, target, timeout)
                : QuicProbe.probe(host, target, timeout);
        Evidence seen = result.evidence();
        return result.withEvidence(new Evidence(shown, seen.cnameChain(), seen.apple17(), seen.connectedTo(),
                seen.route(), seen.chain(), seen.tlsVersion(), seen.httpStatus(), seen.server(), seen.detail()));
    }

    /** A convenience check whose DNS failed: it fails too, with the DNS verdict, because the user asked for it. */
    private static ProbeResult dnsFailedHere(String host, ProbeResult dns) {
        return ProbeResult.failed(dns.verdict(), "not connected: DNS for " + host + " failed (" + dns.verdict()
                + "): " + dns.message(), dns.duration(), dns.evidence());
    }

    private CheckRunner runner() {
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("this Network is closed");
            }
            if (runner == null) {
                runner = new CheckRunner(this::resolve, this::run, this::preflight, timeout, parallelism);
            }
            return runner;
        }
    }

    /** Builds a network in code; the lab and site tests use it. */
    @API(status = API.Status.STABLE, since = "0.1")
    public static final class Builder {
        private List<InetSocketAddress> dnsServers = List.of();
        private ProxySettings proxy;
        private NonProxyHosts nonProxyHosts = NonProxyHosts.none();
        private Path trustAnchorsFile;
        private String trustAnchorsPem;
        private List<ConnectTo> connectTo = List.of();
        private Duration timeout = NetworkConfiguration.DEFAULT_TIMEOUT;
        private int parallelism = NetworkConfiguration.DEFAULT_PARALLELISM;
        private List<InetAddress> sinkholes = List.of();
        private boolean loopbackOnly;
        private PacSource pac;
        private java.util.function.Supplier<List<String>> searchDomains;

        private Builder() {
        }

        /** DNS servers as {@code ip[:port]}; the system resolver when none. */
        public Builder dnsServers(List<String> servers) {
            this.dnsServers = servers.isEmpty() ? List.of()
                    : NetworkConfiguration.dnsServers("dnsServers", servers);
            return this;
        }

        /** DNS servers by socket address, such as a lab server's. */
        public Builder dnsServer(InetSocketAddress server) {
            List<InetSocketAddress> all = new ArrayList<>(dnsServers);
            all.add(Objects.requireNonNull(server, "server"));
            this.dnsServers = List.copyOf(all);
            return this;
        }

        /** {@code http://[user:password@]host:port}, or {@code none}. */
        public Builder proxy(String proxyUrl) {
            this.proxy = proxyUrl == null ? null : NetworkConfiguration.proxy("proxy", proxyUrl);
            return this;
        }

        /** Hosts reached directly despite the proxy: {@code *.example.com}, {@code localhost}. */
        public Builder nonProxyHosts(List<String> patterns) {
            this.nonProxyHosts = NonProxyHosts.parse("nonProxyHosts", String.join("|", patterns));
            return this;
        }

        /**
         * A proxy auto-config file that routes every web check as devices route them: an {@code http(s)://} URL,
         * a {@code file:} path, or {@code auto} (WPAD). Not together with {@link #proxy}.
         */
        public Builder pac(String location) {
            this.pac = location == null ? null : PacSource.parse(dev.orchard.ConfigurationKeys.PAC, location);
            return this;
        }

        /** The search domains WPAD tries, instead of the resolver configuration's (for tests). */
        Builder wpadSearchDomains(List<String> domains) {
            List<String> copy = List.copyOf(domains);
            this.searchDomains = () -> copy;
            return this;
        }

        /** A PEM file whose certificates replace the default anchors (JDK roots plus Apple's roots). */
        public Builder trustAnchors(Path pemFile) {
            this.trustAnchorsFile = pemFile;
            this.trustAnchorsPem = null;
            return this;
        }

        /** PEM text whose certificates replace the default anchors. */
        public Builder trustAnchorsPem(String pem) {
            this.trustAnchorsPem = pem;
            this.trustAnchorsFile = null;
            return this;
        }

        /** curl-style {@code HOST:PORT:ADDR:PORT}; an empty HOST or PORT matches any. */
        public Builder connectTo(List<String> overrides) {
            this.connectTo = NetworkConfiguration.connectTo("connectTo", overrides);
            return this;
        }

        Builder connectToOverrides(List<ConnectTo> overrides) {
            this.connectTo = List.copyOf(overrides);
            return this;
        }

        public Builder timeout(Duration timeout) {
            this.timeout = NetworkConfiguration.checkTimeout("timeout", timeout, Objects.requireNonNull(timeout));
            return this;
        }

        public Builder parallelism(int parallelism) {
            this.parallelism = NetworkConfiguration.checkParallelism("parallelism", parallelism);
            return this;
        }

        /** Addresses that count as DNS sinkholes besides 0.0.0.0, :: and 127.0.0.0/8. */
        public Builder sinkholes(List<String> addresses) {
            this.sinkholes = NetworkConfiguration.addresses("sinkholes", addresses);
            return this;
        }

        /**
         * Refuses, inside Orchard and before any packet is sent, every TCP or UDP target that is not a loopback
         * address after connect-to overrides. The lab and tests turn it on so nothing can reach the real network.
         */
        public Builder loopbackOnly(boolean on) {
            this.loopbackOnly = on;
            return this;
        }

        public Network build() {
            return new Network(this);
        }
    }
}
