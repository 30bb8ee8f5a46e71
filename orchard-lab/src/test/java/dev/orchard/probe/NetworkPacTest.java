package dev.orchard.probe;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.orchard.catalog.Catalog;
import dev.orchard.config.OrchardSettings;
import dev.orchard.catalog.Endpoint;
import dev.orchard.catalog.ProxySupport;
import dev.orchard.catalog.Transport;
import dev.orchard.lab.Lab;
import dev.orchard.lab.LabProxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Routes that follow a PAC file served by the lab: failover, the PAC's mistakes, and the PAC check itself. */
class NetworkPacTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    private static final String CAPABLE_HOST = "gdmf.apple.com";
    private static final String DIRECT_ONLY_HOST = "iprofiles.apple.com";
    private static final Endpoint CAPABLE = Endpoint.builder("mdm", CAPABLE_HOST).ports(443, 80)
            .proxy(ProxySupport.YES).build();
    private static final Endpoint DIRECT_ONLY = Endpoint.builder("mdm", DIRECT_ONLY_HOST).ports(443)
            .proxy(ProxySupport.NO).build();
    private static final Check TCP_443 = new Check(CheckKind.TCP, 443, Transport.TCP);
    private static final Check TLS_443 = new Check(CheckKind.TLS, 443, Transport.TCP);
    private static final Check HTTP_80 = new Check(CheckKind.HTTP, 80, Transport.TCP);

    private static Lab lockedDownLab() {
        return Lab.start().serve(CAPABLE_HOST).serve(DIRECT_ONLY_HOST).serve("1-courier.push.apple.com")
                .lockDownWeb();
    }

    private static String pac(String body) {
        return "function FindProxyForURL(url, host) {\n" + body + "\n}\n";
    }

    @Test
    void failsOverPastADeadProxyListedFirstAndSaysSo() {
        try (Lab lab = lockedDownLab()) {
            lab.servePac("/proxy.pac", pac("  return \"" + lab.deadProxyEntry() + "; " + lab.proxyEntry()
                    + "; DIRECT\";"));
            try (Network network = lab.networkBuilder().timeout(TIMEOUT).build()) {
                for (Check check : List.of(TCP_443, TLS_443, HTTP_80)) {
                    ProbeResult result = network.check(CAPABLE, CAPABLE_HOST, check);
                    assertThat(result.message(), result.verdict(), is(Verdict.OK));
                    assertThat(result.evidence().route(), is("proxy 127.0.0.1:" + lab.proxy().port() + " (PAC entry "
                            + lab.proxyEntry() + ", after " + lab.deadProxyEntry() + " could not be reached)"));
                    assertThat(result.message(), startsWith("passed only after failover: " + lab.deadProxyEntry()
                            + " could not be reached, then the PAC entry " + lab.proxyEntry() + " carried it"));
                }
                assertThat(lab.proxy().requests(CAPABLE_HOST), greaterThan(0));
            }
        }
    }

    @Test
    void aDirectOnlyHostSentThroughTheProxyIsThePacsMistake() {
        try (Lab lab = lockedDownLab()) {
            lab.proxy().policy(DIRECT_ONLY_HOST, LabProxy.Policy.DENY);
            lab.servePac("/proxy.pac", pac("  return \"" + lab.proxyEntry() + "\";"));
            try (Network network = lab.networkBuilder().timeout(TIMEOUT).build()) {
                ProbeResult result = network.check(DIRECT_ONLY, DIRECT_ONLY_HOST, TCP_443);
                assertThat(result.verdict(), is(Verdict.PROXY_DENIED));
                assertThat(result.message(), startsWith("the PAC sends iprofiles.apple.com through "
                        + lab.proxyEntry() + ", but Apple says iprofiles.apple.com does not work through proxies;"
                        + " return DIRECT for it"));
            }
        }
    }

    @Test
    void apnsAndUdpKeepTheirDirectRouteWhateverThePacSays() {
        try (Lab lab = Lab.start().serve("1-courier.push.apple.com").serve("time.apple.com")) {
            lab.servePac("/proxy.pac", pac("  return \"" + lab.deadProxyEntry() + "\";"));
            try (Network network = lab.networkBuilder().timeout(TIMEOUT).build()) {
                Endpoint apns = Endpoint.builder("mdm", "1-courier.push.apple.com").ports(5223)
                        .proxy(ProxySupport.YES).build();
                ProbeResult result = network.check(apns, "1-courier.push.apple.com",
                        new Check(CheckKind.TCP, 5223, Transport.TCP));
                assertThat(result.message(), result.verdict(), is(Verdict.OK));
                assertThat(result.evidence().route(), is("direct"));
                assertThat(network.ntp("time.apple.com").verdict(), is(Verdict.OK));
            }
        }
    }

    @Test
    void asksThePacOncePerUrlAndHost() {
        try (Lab lab = Lab.start().serve(CAPABLE_HOST)) {
            // A second call for the same URL and host would get a dead proxy and fail.
            lab.servePac("/proxy.pac", "var calls = 0;\n" + pac("  calls++;\n  return calls == 1 ? \"DIRECT\" : \""
                    + lab.deadProxyEntry() + "\";"));
            try (Network network = lab.networkBuilder().timeout(TIMEOUT).build()) {
                for (Check check : List.of(TCP_443, TLS_443, TCP_443)) {
                    ProbeResult result = network.check(CAPABLE, CAPABLE_HOST, check);
                    assertThat(result.message(), result.verdict(), is(Verdict.OK));
                    assertThat(result.evidence().route(), is("direct"));
                }
            }
        }
    }

    @Test
    void dnsResolveAsksTheConfiguredResolver() {
        try (Lab lab = lockedDownLab()) {
            lab.dns().address("proxy-policy.office.example", "10.20.30.40");
            lab.servePac("/proxy.pac", pac("  if (isInNet(dnsResolve(\"proxy-policy.office.example\"), \"10.0.0.0\","
                    + " \"255.0.0.0\") && myIpAddress() == \"127.0.0.1\") {\n    return \"" + lab.proxyEntry()
                    + "\";\n  }\n  return \"DIRECT\";"));
            try (Network network = lab.networkBuilder().timeout(TIMEOUT).build()) {
                ProbeResult result = network.check(CAPABLE, CAPABLE_HOST, TLS_443);
                assertThat(result.message(), result.verdict(), is(Verdict.OK));
                assertThat(result.evidence().route(), startsWith("proxy 127.0.0.1:" + lab.proxy().port()));
                assertThat(lab.dns().queries("proxy-policy.office.example"), greaterThan(0));
            }
        }
    }

    @Test
    void aPacThatCannotBeFetchedIsOneFailedCheckAndTheOthersGoDirect() {
        try (Lab lab = Lab.start().serve(CAPABLE_HOST);
                Network network = lab.networkBuilder().timeout(TIMEOUT)
                        .pac("http://" + Lab.PAC_HOST + ":81/proxy.pac").build()) {
            ProbeResult pacCheck = network.check(CAPABLE, Lab.PAC_HOST, Check.pac());
            assertThat(pacCheck.message(), pacCheck.verdict(), is(Verdict.PAC_UNAVAILABLE));
            assertThat(pacCheck.message(), containsString("the PAC http://pac.orchard.invalid:81/proxy.pac cannot be"
                    + " fetched (ConnectException: Connection refused)"));
            assertThat(pacCheck.message(), containsString("devices then go direct, and so do the other checks"));
            ProbeResult tls = network.check(CAPABLE, CAPABLE_HOST, TLS_443);
            assertThat(tls.message(), tls.verdict(), is(Verdict.OK));
            assertThat(tls.evidence().route(), is("direct"));
        }
    }

    @Test
    void aPacThatDoesNotCompileNamesTheLine() {
        try (Lab lab = Lab.start().serve(CAPABLE_HOST)) {
            lab.servePac("/broken.pac", "function FindProxyForURL(url, host) {\n  return \"DIRECT\"\n  if (\n}\n");
            try (Network network = lab.networkBuilder().timeout(TIMEOUT).build()) {
                ProbeResult pacCheck = network.check(CAPABLE, Lab.PAC_HOST, Check.pac());
                assertThat(pacCheck.verdict(), is(Verdict.PAC_INVALID));
                assertThat(pacCheck.message(), containsString("the PAC http://pac.orchard.invalid/broken.pac line 4"
                        + " does not compile"));
                assertThat(network.check(CAPABLE, CAPABLE_HOST, TLS_443).verdict(), is(Verdict.OK));
            }
        }
    }

    @Test
    void aPacThatThrowsOrReturnsGarbageFailsTheCheckNamingThePac() {
        try (Lab lab = Lab.start().serve(CAPABLE_HOST).serve(DIRECT_ONLY_HOST)) {
            lab.servePac("/proxy.pac", pac("  if (host == \"" + CAPABLE_HOST + "\") {\n    return undefinedThing;\n"
                    + "  }\n  return \"PROXI nowhere\";"));
            try (Network network = lab.networkBuilder().timeout(TIMEOUT).build()) {
                ProbeResult thrown = network.check(CAPABLE, CAPABLE_HOST, TLS_443);
                assertThat(thrown.verdict(), is(Verdict.PAC_INVALID));
                assertThat(thrown.message(), containsString("the PAC http://pac.orchard.invalid/proxy.pac line 3 failed"
                        + " while FindProxyForURL(\"https://gdmf.apple.com/\", \"gdmf.apple.com\"): ReferenceError"));
                ProbeResult garbage = network.check(DIRECT_ONLY, DIRECT_ONLY_HOST, TCP_443);
                assertThat(garbage.verdict(), is(Verdict.PAC_INVALID));
                assertThat(garbage.message(), containsString("with garbage: 'PROXI nowhere' is not DIRECT or PROXY"));
            }
        }
    }

    @Test
    void aPacAndAProxyTogetherAreRejectedNamingBothKeys() {
        Map<String, String> keys = Map.of("apple-network.pac", "http://127.0.0.1:1/proxy.pac",
                "apple-network.proxy", "http://127.0.0.1:3128");
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> OrchardSettings.from(keys).network());
        assertThat(error.getMessage(), startsWith("apple-network.pac and apple-network.proxy are both set"));
        Map<String, String> withExceptions = Map.of("apple-network.pac", "auto", "apple-network.nonProxyHosts",
                "*.example.com");
        error = assertThrows(IllegalArgumentException.class,
                () -> OrchardSettings.from(withExceptions).network());
        assertThat(error.getMessage(), startsWith("apple-network.pac and apple-network.nonProxyHosts are both set"));
        error = assertThrows(IllegalArgumentException.class,
                () -> OrchardSettings.from(Map.of("apple-network.pac", "ftp://x/p.pac")).network());
        assertThat(error.getMessage(), is("apple-network.pac: 'ftp://x/p.pac' is not a PAC location; expected an "
                + "http(s):// URL, a file: path, or auto (WPAD)"));
    }

    @Test
    void wpadFindsWpadDatThroughTheSearchDomains() {
        try (Lab lab = Lab.start().serve(CAPABLE_HOST).serve("wpad.office.example")) {
            lab.servePac("/wpad.dat", pac("  return \"" + lab.proxyEntry() + "\";"));
            try (Network network = lab.networkBuilder().timeout(TIMEOUT).pac("auto")
                    .wpadSearchDomains(List.of("missing.example", "office.example")).build()) {
                ProbeResult pacCheck = network.check(CAPABLE, "wpad", Check.pac());
                assertThat(pacCheck.message(), pacCheck.verdict(), is(Verdict.OK));
                assertThat(pacCheck.message(), containsString("http://wpad.office.example/wpad.dat"));
                ProbeResult tls = network.check(CAPABLE, CAPABLE_HOST, TLS_443);
                assertThat(tls.message(), tls.verdict(), is(Verdict.OK));
                assertThat(tls.evidence().route(), startsWith("proxy 127.0.0.1:" + lab.proxy().port()));
            }
        }
    }

    /**
     * The done-when: in an office whose firewall rejects direct web traffic, the PAC alone (a dead proxy
     * listed first) gives every check of the bundled catalog the verdict the right proxy key gives.
     */
    @Test
    void aPacWithADeadProxyFirstGivesTheVerdictsOfTheRightProxyKey() {
        Catalog catalog = Catalog.bundled();
        Map<String, Set<ProxySupport>> support = new HashMap<>();
        catalog.endpoints().forEach(e -> e.probeHosts().forEach(p -> support
                .computeIfAbsent(p.host(), h -> new java.util.HashSet<>()).add(e.proxy())));
        List<String> directOnly = support.entrySet().stream()
                .filter(e -> !e.getValue().equals(Set.of(ProxySupport.YES))).map(Map.Entry::getKey).sorted().toList();
        List<CheckTarget> targets = new ArrayList<>();
        for (Endpoint endpoint : catalog.endpoints()) {
            for (var probe : endpoint.probeHosts()) {
                if (support.get(probe.host()).size() == 1) {
                    CheckPlanner.checks(endpoint, probe.host())
                            .forEach(c -> targets.add(new CheckTarget(endpoint, probe.host(), c)));
                }
            }
        }
        Map<String, String> withProxy;
        Map<String, String> withPac;
        try (Lab lab = Lab.forCatalog(catalog).lockDownWeb()) {
            try (Network network = lab.networkBuilder().proxy(lab.proxy().url()).timeout(TIMEOUT).build()) {
                withProxy = verdicts(targets, network.runAll(targets, null));
            }
            String list = directOnly.stream().map(h -> "\"" + h + "\": true").collect(Collectors.joining(", "));
            lab.servePac("/office.pac", "var directOnly = {" + list + "};\n" + pac(
                    "  if (directOnly[host] || !/^https?:\\/\\/[^\\/:]+\\/$/.test(url)) {\n"
                    + "    return \"DIRECT\";\n  }\n"
                    + "  return \"" + lab.deadProxyEntry() + "; " + lab.proxyEntry() + "; DIRECT\";"));
            try (Network network = lab.networkBuilder().timeout(TIMEOUT).build()) {
                withPac = verdicts(targets, network.runAll(targets, null));
            }
        }
        assertThat(withPac, is(withProxy));
        assertThat(withProxy.values().stream().filter("OK"::equals).count(), greaterThan(200L));
        assertThat(withProxy.values().stream().filter(v -> !v.equals("OK")).count(), greaterThan(0L));
        assertThat(withProxy.values().stream().filter("TCP_REFUSED"::equals).count(), greaterThan(0L));
    }

    private static Map<String, String> verdicts(List<CheckTarget> targets, List<ProbeResult> results) {
        Map<String, String> verdicts = new LinkedHashMap<>();
        for (int i = 0; i < targets.size(); i++) {
            verdicts.put(targets.get(i).endpoint().service() + " " + targets.get(i).name(),
                    results.get(i).verdict().name());
        }
        return verdicts;
    }
}
