package dev.orchard.lab;

import dev.orchard.catalog.Catalog;
import dev.orchard.catalog.Endpoint;
import dev.orchard.catalog.ProbeHost;
import dev.orchard.probe.IpFamily;
import dev.orchard.probe.IpLiteral;
import dev.orchard.probe.Network;
import dev.orchard.spi.Simulation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * A simulated network on loopback: a DNS server that knows the hosts, TLS, HTTP, SSH, NTP and QUIC servers with
 * certificates from a stand-in Apple CA, an HTTP proxy, and faults a real office has (a DNS filter, a firewall
 * that drops or rejects, TLS inspection, a proxy that denies). It hands out the {@link Network} that points probes
 * at itself, with {@code loopbackOnly} on, so nothing it runs can reach the real network. Tests, the demo and
 * users' site tests use it.
 *
 * <pre>{@code
 * try (Lab lab = Lab.start().serve("mdm.example.com").dropTcp("mdm.example.com", 443);
 *      Network net = lab.network()) {
 *     assertThat(net.tcp("mdm.example.com", 443), not(isOpen()));
 * }
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class Lab implements Simulation {

    /** Domains whose hosts answer from Apple's 17.0.0.0/8 in the lab, as they do on the internet. */
    private static final List<String> APPLE_DOMAINS = List.of("apple.com", "icloud.com", "icloud.com.cn",
            "mzstatic.com", "cdn-apple.com", "apple-cloudkit.com", "apple-livephotoskit.com", "icloud-content.com",
            "apple-mapkit.com", "aaplimg.com", "apzones.com", "itunes.com", "appleschoolcontent.com",
            "axm-usercontent-apple.com", "apple");

    /** Hosts served through a CDN chain in the lab, as Apple's CDN hosts are. */
    private static final Map<String, List<String>> CHAINS = Map.of(
            "mesu.apple.com", List.of("mesu.g.aaplimg.com"),
            "updates.cdn-apple.com", List.of("updates.cdn-apple.com.akadns.net", "updates.g.aaplimg.com"),
            "updates-http.cdn-apple.com", List.of("updates-http.cdn-apple.com.akadns.net", "updates-http.g.aaplimg.com"),
            "swcdn.apple.com", List.of("swcdn.apple.com.akadns.net", "swcdn.g.aaplimg.com"),
            "appldnld.apple.com", List.of("appldnld.g.aaplimg.com"),
            "oscdn.apple.com", List.of("oscdn.apple.com.akadns.net", "oscdn.g.aaplimg.com"));

    private final List<AutoCloseable> resources = new ArrayList<>();
    private final LabCertificates certificates;
    private final LabDnsServer dns;
    private final LabTlsServer tls;
    private final QuicResponder quic;
    private final LabHttpServer http;
    private final LabAnswers answers = new LabAnswers();
    private final LabSshServer ssh;
    private final NtpResponder ntp;
    private final FaultServer refusing;
    private final LabProxy proxy;
    private final Map<String, InetSocketAddress> hostRoutes = new LinkedHashMap<>();
    private final Map<Integer, InetSocketAddress> portRoutes = new LinkedHashMap<>();
    /** Hosts also served over IPv6, on [::1]: their AAAA records and IPv6 routes. */
    private final java.util.Set<String> dualStack = new java.util.LinkedHashSet<>();
    /** IPv6 routes set apart from the IPv4 ones (a fault of one family); others mirror the IPv4 route. */
    private final Map<String, InetSocketAddress> hostRoutes6 = new LinkedHashMap<>();
    private final Map<InetSocketAddress, LabRelay> relays = new LinkedHashMap<>();
    private FaultServer blackhole6;
    private FaultServer refusing6;
    private FaultServer blackhole;
    private FaultServer resetting;
    private FaultServer tarpit;
    private final Map<String, LabTlsServer> interceptors = new LinkedHashMap<>();
    private final List<Fault> faults = new ArrayList<>();
    private boolean useProxy;
    private boolean webLockedDown;
    private String pacUrl;

    /** The host the lab serves its PAC file from, on port 80 (the device reaches it through connect-to). */
    public static final String PAC_HOST = "pac.orchard.invalid";

    /**
     * A fault injected through one of the lab's methods, so tests can derive what a run must find (verdicts, the
     * change request) from the faults rather than from a copy of an earlier run's output.
     *
     * @param kind what was broken
     * @param host the host it applies to
     * @param port the port, or 0 where the fault takes the whole host (DNS, proxy policies)
     */
    public record Fault(Kind kind, String host, int port) {

        /** The kinds of faults, named after the lab method that injects them. */
        public enum Kind {
            /** {@link Lab#nxdomain}. */
            NXDOMAIN,
            /** {@link Lab#sinkhole}. */
            SINKHOLE,
            /** {@link Lab#dropTcp}. */
            DROP_TCP,
            /** {@link Lab#rejectTcp}. */
            REJECT_TCP,
            /** {@link Lab#resetTcp}. */
            RESET_TCP,
            /** {@link Lab#tarpit}. */
            TARPIT,
            /** {@link Lab#dropUdp}. */
            DROP_UDP,
            /** {@link Lab#intercept}: a transparent firewall re-signs TLS on 443. */
            INTERCEPT_TLS,
            /** {@link Lab#proxyPolicy} with {@link LabProxy.Policy#DENY}. */
            PROXY_DENY,
            /** The office's PAC sends the host's web ports to the proxy, which denies it (the branch office). */
            PAC_TO_DENYING_PROXY,
            /** {@link Lab#proxyPolicy} with {@link LabProxy.Policy#REQUIRE_AUTH}. */
            PROXY_REQUIRE_AUTH,
            /** {@link Lab#proxyPolicy} with {@link LabProxy.Policy#INTERCEPT}. */
            PROXY_INTERCEPT,
            /** {@link Lab#proxyPolicy} with {@link LabProxy.Policy#UPSTREAM_ERROR}. */
            PROXY_UPSTREAM_ERROR
        }
    }

    private Lab() {
        try {
            certificates = LabCertificates.create();
            dns = keep(LabDnsServer.start());
            TlsWithQuic pair = tlsWithQuic(() -> LabTlsServer.start(certificates));
            tls = pair.tls();
            quic = pair.quic();
            http = keep(LabHttpServer.start(LabHttpServer.Mode.NORMAL)).answers(answers);
            tls.answers(answers);
            ssh = keep(LabSshServer.start());
            ntp = keep(NtpResponder.start(NtpResponder.Mode.OK));
            refusing = keep(FaultServer.refusing());
            proxy = keep(LabProxy.start(certificates, this::route));
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("the lab could not start its servers on 127.0.0.1", e);
        }
        for (int port : List.of(443, 5223, 2197)) {
            portRoutes.put(port, tls.address());
        }
        portRoutes.put(80, http.address());
        portRoutes.put(22, ssh.address());
        portRoutes.put(123, ntp.address());
    }

    private record TlsWithQuic(LabTlsServer tls, QuicResponder quic) {
    }

    /** Starts a TLS server; the lab's own, or a firewall that inspects TLS. */
    private interface TlsStarter {
        LabTlsServer start() throws IOException;
    }

    /** The TLS server's TCP port and the QUIC responder's UDP port share one number, as a host's 443 does. */
    private TlsWithQuic tlsWithQuic(TlsStarter starter) throws IOException {
        BindException last = null;
        for (int attempt = 0; attempt < 10; attempt++) {
            LabTlsServer server = starter.start();
            try {
                QuicResponder responder = QuicResponder.start(QuicResponder.Mode.OK, server.port());
                keep(server);
                keep(responder);
                return new TlsWithQuic(server, responder);
            } catch (BindException e) {
                server.close();
                last = e;
            }
        }
        throw last;
    }

    /** An empty, healthy lab: add hosts with {@link #serve}. */
    public static Lab start() {
        return new Lab();
    }

    /** A healthy lab that serves every probed host of the catalog on every port it lists. */
    public static Lab forCatalog(Catalog catalog) {
        return new Lab().serve(catalog);
    }

    /**
     * Serves every probed host of the catalog, with TLS on every port the catalog marks as TLS. Other TCP ports
     * without a standard server (a site's proxy on 3128) go to the TLS server too, which accepts connections:
     * their only check is that the port opens.
     */
    public Lab serve(Catalog catalog) {
        for (Endpoint endpoint : catalog.endpoints()) {
            for (ProbeHost probe : endpoint.probeHosts()) {
                serve(probe.host());
                endpoint.knownAnswer().ifPresent(known -> answers.healthy(probe.host(), known));
                for (int port : endpoint.tlsPorts()) {
                    if (!portRoutes.containsKey(port)) {
                        serveTls(probe.host(), port);
                    }
                }
                if (endpoint.transports().contains(dev.orchard.catalog.Transport.TCP)) {
                    for (int port : endpoint.ports()) {
                        if (!portRoutes.containsKey(port)) {
                            hostRoutes.putIfAbsent(key(probe.host(), port), tls.address());
                        }
                    }
                }
            }
        }
        return this;
    }

    /**
     * The demo's broken branch office on top of {@link #forCatalog}: APNs ports dropped by the firewall, a DNS
     * filter, TLS inspection on the firewall and on the proxy, a proxy that denies one host, NTP dropped, and a PAC
     * file with one mistake (it sends deviceenrollment.apple.com, which Apple lists as direct-only, to the proxy,
     * which denies it). Hosts that the catalog lacks are left healthy.
     */
    public static Lab branchOffice(Catalog catalog) {
        return forCatalog(catalog).breakLikeBranchOffice(catalog);
    }

    /** Adds the branch office's faults to the catalog's hosts (see {@link #branchOffice}). */
    public Lab breakLikeBranchOffice(Catalog catalog) {
        Lab lab = this;
        lab.useProxy();
        Set<String> hosts = new java.util.HashSet<>();
        catalog.endpoints().forEach(e -> e.probeHosts().forEach(p -> hosts.add(p.host())));
        lab.servePac("/branch-office.pac", branchOfficePac(catalog, PAC_MISTAKE));
        ifPresent(hosts, PAC_MISTAKE, h -> {
            lab.proxy.policy(h, LabProxy.Policy.DENY);
            faults.add(new Fault(Fault.Kind.PAC_TO_DENYING_PROXY, h, 0));
        });
        for (String host : hosts) {
            if (host.endsWith("-courier.push.apple.com")) {
                lab.dropTcp(host, 5223).dropTcp(host, 2197);
            }
        }
        ifPresent(hosts, "cvws.icloud-content.com", lab::nxdomain);
        ifPresent(hosts, "api.smoot.apple.com", lab::sinkhole);
        ifPresent(hosts, "gateway.icloud.com", h -> lab.intercept(h, LabCertificates.PALO_ALTO_CA));
        lab.proxy.interceptWith(LabCertificates.ZSCALER_CA);
        ifPresent(hosts, "idmsa.apple.com", h -> lab.proxyPolicy(h, LabProxy.Policy.INTERCEPT));
        ifPresent(hosts, "iprofiles.apple.com", h -> lab.proxyPolicy(h, LabProxy.Policy.DENY));
        ifPresent(hosts, "time.apple.com", h -> lab.dropUdp(h, 123));
        return this;
    }

    /**
     * A firewall that drops everything but DNS: every TCP port of every probed host is blackholed and UDP is
     * dropped. Benchmarks use it to show a whole run still ends in about one timeout.
     */
    public Lab dropEverything(Catalog catalog) {
        for (Endpoint endpoint : catalog.endpoints()) {
            for (ProbeHost probe : endpoint.probeHosts()) {
                for (int port : endpoint.ports()) {
                    if (endpoint.transports().contains(dev.orchard.catalog.Transport.TCP)) {
                        dropTcp(probe.host(), port);
                    }
                    if (endpoint.transports().contains(dev.orchard.catalog.Transport.UDP)) {
                        dropUdp(probe.host(), port);
                    }
                }
            }
        }
        return this;
    }

    /** The direct-only host that the branch office's PAC sends to the proxy by mistake. */
    static final String PAC_MISTAKE = "deviceenrollment.apple.com";

    /**
     * The branch office's PAC: the web ports of hosts that work through a proxy go to the lab's proxy, everything
     * else direct, as the fixed proxy would route them; plus {@code mistake}, sent to the proxy although Apple
     * lists it as direct-only.
     */
    private String branchOfficePac(Catalog catalog, String mistake) {
        Set<String> viaProxy = new java.util.TreeSet<>();
        catalog.endpoints().stream().filter(e -> e.proxy() == dev.orchard.catalog.ProxySupport.YES)
                .forEach(e -> e.probeHosts().forEach(p -> viaProxy.add(p.host().toLowerCase(Locale.ROOT))));
        viaProxy.add(mistake);
        StringBuilder pac = new StringBuilder("// The branch office's PAC file. Its mistake: ").append(mistake)
                .append(", which Apple lists as\n// direct-only, goes to the proxy with the web hosts.\n")
                .append("var viaProxy = {");
        viaProxy.forEach(h -> pac.append("\n    \"").append(h).append("\": true,"));
        pac.setLength(pac.length() - 1);
        return pac.append("\n};\n\nfunction FindProxyForURL(url, host) {\n")
                .append("    if (viaProxy[host] && /^https?:\\/\\/[^\\/:]+\\/$/.test(url)) {\n")
                .append("        return \"").append(proxyEntry()).append("\";\n    }\n    return \"DIRECT\";\n}\n")
                .toString();
    }

    private static void ifPresent(Set<String> hosts, String host, java.util.function.Consumer<String> fault) {
        if (hosts.contains(host)) {
            fault.accept(host);
        }
    }

    /** Makes {@code host} resolve (through a CDN chain for Apple's CDN hosts) and answer on the standard ports. */
    public Lab serve(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        List<String> chain = CHAINS.getOrDefault(name, List.of());
        String last = name;
        for (String next : chain) {
            dns.cname(last, next);
            last = next;
        }
        dns.address(last, addressOf(name));
        return this;
    }

    /** Serves TLS for {@code host} on a port other than 443, 5223 and 2197. */
    public Lab serveTls(String host, int port) {
        hostRoutes.put(key(host, port), tls.address());
        return this;
    }

    /** The DNS filter answers NXDOMAIN for {@code host}. */
    public Lab nxdomain(String host) {
        faults.add(new Fault(Fault.Kind.NXDOMAIN, host, 0));
        dns.nxdomain(host);
        return this;
    }

    /** The DNS filter answers 0.0.0.0 for {@code host}. */
    public Lab sinkhole(String host) {
        faults.add(new Fault(Fault.Kind.SINKHOLE, host, 0));
        dns.address(host, "0.0.0.0");
        return this;
    }

    /** The firewall drops TCP to {@code host:port}: connections never complete. */
    public Lab dropTcp(String host, int port) {
        faults.add(new Fault(Fault.Kind.DROP_TCP, host, port));
        hostRoutes.put(key(host, port), dropped());
        return this;
    }

    /**
     * Serves {@code host} over IPv6 too: an AAAA record beside its A record (in Apple's 2403:300::/32 for Apple's
     * domains, else in the documentation range 2001:db8::/32), and its ports on [::1], passed on to the same lab
     * servers as over IPv4 until a fault of one family ({@link #dropTcp(String, int, IpFamily)}) sets them apart.
     */
    public Lab serveDualStack(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        serve(name);
        String last = name;
        for (String next : CHAINS.getOrDefault(name, List.of())) {
            last = next;
        }
        dns.address(last, addressOf(name), address6Of(name));
        dualStack.add(name);
        return this;
    }

    /** The firewall drops TCP to {@code host:port} over one IP family only; the other family still connects. */
    public Lab dropTcp(String host, int port, IpFamily family) {
        return onFamily(host, port, family, family == IpFamily.IPV4 ? dropped() : dropped6());
    }

    /** The firewall drops UDP to {@code host:port} over one IP family only. */
    public Lab dropUdp(String host, int port, IpFamily family) {
        return dropTcp(host, port, family);
    }

    /** The firewall rejects TCP to {@code host:port} over one IP family only. */
    public Lab rejectTcp(String host, int port, IpFamily family) {
        return onFamily(host, port, family, family == IpFamily.IPV4 ? refusing.address() : refusing6());
    }

    private Lab onFamily(String host, int port, IpFamily family, InetSocketAddress fault) {
        String key = key(host, port);
        if (family == IpFamily.IPV4) {
            hostRoutes6.putIfAbsent(key, ipv6Of(route(key)));
            hostRoutes.put(key, fault);
        } else {
            hostRoutes6.put(key, fault);
        }
        return this;
    }

    /** Where IPv6 traffic goes that mirrors an IPv4 route: the same fault on [::1], or a relay to the server. */
    private InetSocketAddress ipv6Of(InetSocketAddress ipv4) {
        if (blackhole != null && ipv4.equals(blackhole.address())) {
            return dropped6();
        }
        if (ipv4.equals(refusing.address())) {
            return refusing6();
        }
        return relays.computeIfAbsent(ipv4, target -> keep(LabRelay.to(target))).address();
    }

    /** The IPv6 twin of {@link #dropped()}: TCP never completes and UDP never answers, on [::1]. */
    private InetSocketAddress dropped6() {
        if (blackhole6 == null) {
            blackhole6 = droppedOn(LabRelay.IPV6_LOOPBACK);
        }
        return blackhole6.address();
    }

    private InetSocketAddress refusing6() {
        if (refusing6 == null) {
            refusing6 = keep(FaultServer.refusing(LabRelay.IPV6_LOOPBACK));
        }
        return refusing6.address();
    }

    /**
     * Where dropped traffic goes: a TCP port whose connections never complete, and the same UDP port number,
     * which never answers. One address serves both because connect-to overrides do not tell TCP from UDP.
     */
    private InetSocketAddress dropped() {
        if (blackhole == null) {
            blackhole = droppedOn(java.net.InetAddress.getLoopbackAddress());
        }
        return blackhole.address();
    }

    /** A blackhole on {@code loopback} whose port number is also a silent UDP port there. */
    private FaultServer droppedOn(java.net.InetAddress loopback) {
        for (int attempt = 0; attempt < 10; attempt++) {
            FaultServer candidate = FaultServer.blackhole(loopback);
            try {
                keep(new UdpResponder("lab-dropped-udp", loopback, candidate.port(), datagram -> null));
                return keep(candidate);
            } catch (IOException e) {
                candidate.close();
            }
        }
        throw new IllegalStateException("the lab found no port of " + IpLiteral.text(loopback)
                + " free for both TCP and UDP");
    }

    /** The firewall rejects TCP to {@code host:port} with a reset. */
    public Lab rejectTcp(String host, int port) {
        faults.add(new Fault(Fault.Kind.REJECT_TCP, host, port));
        hostRoutes.put(key(host, port), refusing.address());
        return this;
    }

    /** An IPS resets connections to {@code host:port} right after they open. */
    /**
     * A firewall that filters by SNI: {@code host:port} opens, and the connection is reset when the TLS
     * ClientHello arrives.
     */
    public Lab resetOnClientHello(String host, int port) {
        FaultServer server = keep(FaultServer.resettingOnClientHello());
        hostRoutes.put(key(host, port), server.address());
        return this;
    }

    /** A firewall that resets sessions of {@code host:port} {@code delay} after they open, whatever is sent. */
    public Lab resetAfter(String host, int port, java.time.Duration delay) {
        FaultServer server = keep(FaultServer.resettingAfter(delay));
        hostRoutes.put(key(host, port), server.address());
        return this;
    }

    public Lab resetTcp(String host, int port) {
        faults.add(new Fault(Fault.Kind.RESET_TCP, host, port));
        if (resetting == null) {
            resetting = keep(FaultServer.resetting());
        }
        hostRoutes.put(key(host, port), resetting.address());
        return this;
    }

    /** A middlebox accepts connections to {@code host:port} and never speaks. */
    public Lab tarpit(String host, int port) {
        faults.add(new Fault(Fault.Kind.TARPIT, host, port));
        if (tarpit == null) {
            tarpit = keep(FaultServer.tarpit());
        }
        hostRoutes.put(key(host, port), tarpit.address());
        return this;
    }

    /** The firewall drops UDP to {@code host:port} (no answer ever comes). */
    public Lab dropUdp(String host, int port) {
        faults.add(new Fault(Fault.Kind.DROP_UDP, host, port));
        hostRoutes.put(key(host, port), dropped());
        return this;
    }

    /** A transparent firewall inspects TLS to {@code host:443}, re-signing with a CA named {@code caName}. */
    public Lab intercept(String host, String caName) {
        faults.add(new Fault(Fault.Kind.INTERCEPT_TLS, host, 443));
        // the firewall inspects TLS over TCP and lets QUIC on the same port through, so only the TLS check fails
        LabTlsServer interceptor = interceptors.computeIfAbsent(caName, name -> {
            try {
                return tlsWithQuic(() -> LabTlsServer.intercepting(certificates, name)).tls();
            } catch (IOException e) {
                throw new UncheckedIOException("the lab could not start a TLS-inspecting firewall", e);
            }
        });
        hostRoutes.put(key(host, 443), interceptor.address());
        return this;
    }

    /** The proxy treats {@code host} with {@code policy}, recorded as a fault unless it splices. */
    public Lab proxyPolicy(String host, LabProxy.Policy policy) {
        proxy.policy(host, policy);
        switch (policy) {
            case SPLICE -> { }
            case DENY -> faults.add(new Fault(Fault.Kind.PROXY_DENY, host, 0));
            case REQUIRE_AUTH -> faults.add(new Fault(Fault.Kind.PROXY_REQUIRE_AUTH, host, 0));
            case INTERCEPT -> faults.add(new Fault(Fault.Kind.PROXY_INTERCEPT, host, 0));
            case UPSTREAM_ERROR -> faults.add(new Fault(Fault.Kind.PROXY_UPSTREAM_ERROR, host, 0));
        }
        return this;
    }

    /** The faults injected so far through the lab's methods, in order. */
    public List<Fault> faults() {
        return List.copyOf(faults);
    }

    /**
     * Serves {@code script} as the office's PAC file at {@code http://pac.orchard.invalid/<path>}, and hands it to
     * the network instead of the fixed proxy. In the script, {@link #proxyEntry()} names the lab's proxy and
     * {@link #deadProxyEntry()} a proxy that is down.
     */
    public Lab servePac(String path, String script) {
        http.respond(path, 200, script);
        pacUrl = "http://" + PAC_HOST + path;
        return this;
    }

    /** The URL of the PAC file {@link #servePac} serves, or null. */
    public String pacUrl() {
        return pacUrl;
    }

    /** {@code PROXY 127.0.0.1:port}: the lab's proxy as a PAC file names it. */
    public String proxyEntry() {
        return "PROXY 127.0.0.1:" + proxy.port();
    }

    /** {@code PROXY 127.0.0.1:port} of a proxy that is down: connections to it are refused. */
    public String deadProxyEntry() {
        return "PROXY 127.0.0.1:" + refusing.port();
    }

    /**
     * A locked-down office: the firewall rejects the device's direct web traffic (TCP 80 and 443), so web traffic
     * must use the proxy; the proxy still reaches every host, and other ports are unchanged.
     */
    public Lab lockDownWeb() {
        webLockedDown = true;
        return this;
    }

    /** Sends proxy-capable rows through the lab's proxy, whose policies {@link #proxy()} sets. */
    public Lab useProxy() {
        useProxy = true;
        return this;
    }

    public LabDnsServer dns() {
        return dns;
    }

    public LabProxy proxy() {
        return proxy;
    }

    /** What the lab's origins answer per host and path: healthy known answers, or what a test sets. */
    public LabAnswers answers() {
        return answers;
    }

    /** A transparent web filter answers every HTTP request for {@code host} with {@code vendor}'s block page. */
    public Lab blockPage(String host, String vendor) {
        answers.put(host, "*", LabAnswers.blockPage(vendor));
        return this;
    }

    public LabCertificates certificates() {
        return certificates;
    }

    /** The lab's root certificate, the only trust anchor of a lab network. */
    public String trustAnchorsPem() {
        return certificates.rootPem();
    }

    /**
     * The curl-style overrides that send every host and port to a lab server; anything else is refused. A host
     * served on both families also gets [::1] overrides, after the IPv4 ones, so a check of any family still
     * goes over IPv4 as before.
     */
    public List<String> connectTo() {
        List<String> overrides = new ArrayList<>();
        overrides.add(PAC_HOST + ":80:" + format(http.address()));
        if (webLockedDown) {
            String refused = format(refusing.address());
            overrides.add(":80:" + refused);
            overrides.add(":443:" + refused);
        }
        hostRoutes.forEach((hostPort, address) -> overrides.add(hostPort + ":" + format(address)));
        portRoutes.forEach((port, address) -> overrides.add(":" + port + ":" + format(address)));
        for (String host : dualStack) {
            java.util.Set<Integer> ports = new java.util.TreeSet<>(portRoutes.keySet());
            for (String hostPort : hostRoutes.keySet()) {
                if (hostPort.startsWith(host + ":")) {
                    ports.add(Integer.parseInt(hostPort.substring(host.length() + 1)));
                }
            }
            for (String hostPort : hostRoutes6.keySet()) {
                if (hostPort.startsWith(host + ":")) {
                    ports.add(Integer.parseInt(hostPort.substring(host.length() + 1)));
                }
            }
            for (int port : ports) {
                String key = key(host, port);
                InetSocketAddress v6 = hostRoutes6.containsKey(key) ? hostRoutes6.get(key) : ipv6Of(route(key));
                overrides.add(key + ":" + format(v6));
            }
        }
        overrides.add("::" + format(refusing.address()));
        return overrides;
    }

    private static String format(InetSocketAddress address) {
        return IpLiteral.format(address.getAddress(), address.getPort());
    }

    /** A network builder already pointed at the lab; add a timeout or parallelism before building. */
    public Network.Builder networkBuilder() {
        Network.Builder builder = Network.builder()
                .dnsServer(dns.address())
                .connectTo(connectTo())
                .trustAnchorsPem(trustAnchorsPem())
                .loopbackOnly(true);
        if (pacUrl != null) {
            builder.pac(pacUrl);
        } else if (useProxy) {
            builder.proxy(proxy.url());
        }
        return builder;
    }

    /** The network a device in this lab has. */
    public Network network() {
        return networkBuilder().build();
    }

    /** Where the lab's servers and proxy reach {@code host:port} (the same table as {@link #connectTo()}). */
    private InetSocketAddress route(String hostPort) {
        String key = hostPort.toLowerCase(Locale.ROOT);
        InetSocketAddress specific = hostRoutes.get(key);
        if (specific != null) {
            return specific;
        }
        int colon = key.lastIndexOf(':');
        try {
            int port = Integer.parseInt(key.substring(colon + 1));
            return portRoutes.getOrDefault(port, refusing.address());
        } catch (NumberFormatException e) {
            return refusing.address();
        }
    }

    private static String key(String host, int port) {
        return host.toLowerCase(Locale.ROOT) + ":" + port;
    }

    /** A stable address: in 17.0.0.0/8 for Apple's domains, else in TEST-NET-2, which nothing ever routes. */
    static String addressOf(String host) {
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-256").digest(host.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        boolean apple = APPLE_DOMAINS.stream().anyMatch(d -> host.equals(d) || host.endsWith("." + d));
        int a = digest[0] & 0xff;
        int b = digest[1] & 0xff;
        int c = 1 + (digest[2] & 0xff) % 254;
        return apple ? "17." + a + "." + b + "." + c : "198.51.100." + c;
    }

    /** The IPv6 twin of {@link #addressOf}: in Apple's 2403:300::/32, else in the documentation 2001:db8::/32. */
    static String address6Of(String host) {
        String v4 = addressOf(host);
        String[] octets = v4.split("\\.");
        String tail = Integer.toHexString(Integer.parseInt(octets[1])) + ":" + Integer.toHexString(Integer.parseInt(
                octets[2])) + "::" + Integer.toHexString(Integer.parseInt(octets[3]));
        return (v4.startsWith("17.") ? "2403:300:" : "2001:db8:") + tail;
    }

    private <T extends AutoCloseable> T keep(T resource) {
        resources.add(resource);
        return resource;
    }

    @Override
    public void close() {
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                // closing the rest anyway
            }
        }
        resources.clear();
    }
}
