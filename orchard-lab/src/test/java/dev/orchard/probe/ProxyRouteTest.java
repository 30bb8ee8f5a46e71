package dev.orchard.probe;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import dev.orchard.lab.LabCertificates;
import dev.orchard.lab.LabHttpServer;
import dev.orchard.lab.LabProxy;
import dev.orchard.lab.LabTlsServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProxyRouteTest {

    private static final String HOST = "gdmf.apple.com";
    private static final String HTTP_HOST = "captive.apple.com";
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private static final LabTrust LAB = LabTrust.create();

    private LabTlsServer tls;
    private LabHttpServer http;
    private LabProxy proxy;

    @BeforeEach
    void start() {
        tls = LabTlsServer.start(LAB.certificates());
        http = LabHttpServer.start(LabHttpServer.Mode.NORMAL);
        proxy = LabProxy.start(LAB.certificates(), Map.of(HOST + ":443", tls.address(), HTTP_HOST + ":80", http.address()));
    }

    @AfterEach
    void stop() {
        proxy.close();
        http.close();
        tls.close();
    }

    private ProxyRoute route() {
        return new ProxyRoute(ProxySettings.parse(proxy.url()), true);
    }

    private ProxyRoute route(String user, String password) {
        return new ProxyRoute(ProxySettings.parse("http://" + user + ":" + password + "@127.0.0.1:" + proxy.port()),
                true);
    }

    @Test
    void aSplicedConnectTunnelPasses() {
        ProbeResult result = new TlsProbe(LAB.anchors(), TIMEOUT).probe(route(), HOST, 443);
        assertThat(result.message(), result.verdict(), is(Verdict.OK));
        assertThat(result.evidence().route(), is("proxy 127.0.0.1:" + proxy.port()));
        assertThat(proxy.requests(HOST), is(1));
        assertThat(tls.connections(), is(1));
    }

    @Test
    void anAbsoluteUriRequestThroughTheProxyPasses() {
        ProbeResult result = new HttpProbe(TIMEOUT).probe(route(), HTTP_HOST, 80);
        assertThat(result.message(), result.verdict(), is(Verdict.OK));
        assertThat(proxy.requests(HTTP_HOST), is(1));
        assertThat(http.requests(), is(1));
    }

    @Test
    void aDeniedConnectIsProxyDenied() {
        proxy.policy(HOST, LabProxy.Policy.DENY);
        ProbeResult result = new TlsProbe(LAB.anchors(), TIMEOUT).probe(route(), HOST, 443);
        assertThat(result.verdict(), is(Verdict.PROXY_DENIED));
        assertThat(result.evidence().httpStatus(), is(403));
        assertThat(result.evidence().server(), is(LabProxy.SERVER));
        assertThat(result.message(), containsString("refused CONNECT gdmf.apple.com:443 with 403"));
        assertThat(tls.connections(), is(0));
    }

    @Test
    void aDeniedHttpRequestIsProxyDenied() {
        proxy.policy(HTTP_HOST, LabProxy.Policy.DENY);
        ProbeResult result = new HttpProbe(TIMEOUT).probe(route(), HTTP_HOST, 80);
        assertThat(result.verdict(), is(Verdict.PROXY_DENIED));
        assertThat(result.evidence().httpStatus(), is(403));
        assertThat(http.requests(), is(0));
    }

    @Test
    void authenticationIsRequiredWithoutCredentialsAndPassesWithThem() {
        proxy.policy(HOST, LabProxy.Policy.REQUIRE_AUTH).credentials("alice", "hunter2");

        ProbeResult without = new TlsProbe(LAB.anchors(), TIMEOUT).probe(route(), HOST, 443);
        assertThat(without.verdict(), is(Verdict.PROXY_AUTH_REQUIRED));
        assertThat(without.evidence().httpStatus(), is(407));

        ProbeResult wrong = new TlsProbe(LAB.anchors(), TIMEOUT).probe(route("alice", "Wr0ng-Pa55"), HOST, 443);
        assertThat(wrong.verdict(), is(Verdict.PROXY_AUTH_REQUIRED));
        assertThat(wrong.message(), containsString("refused the credentials given"));
        assertThat(wrong.message(), not(containsString("Wr0ng-Pa55")));

        ProbeResult with = new TlsProbe(LAB.anchors(), TIMEOUT).probe(route("alice", "hunter2"), HOST, 443);
        assertThat(with.message(), with.verdict(), is(Verdict.OK));
        assertThat(with.message(), not(containsString("hunter2")));
        assertThat(with.evidence().route(), not(containsString("alice")));
    }

    @Test
    void httpThroughAnAuthenticatingProxyIsAuthRequired() {
        proxy.policy(HTTP_HOST, LabProxy.Policy.REQUIRE_AUTH).credentials("alice", "hunter2");
        assertThat(new HttpProbe(TIMEOUT).probe(route(), HTTP_HOST, 80).verdict(), is(Verdict.PROXY_AUTH_REQUIRED));
        ProbeResult with = new HttpProbe(TIMEOUT).probe(route("alice", "hunter2"), HTTP_HOST, 80);
        assertThat(with.message(), with.verdict(), is(Verdict.OK));
    }

    @Test
    void anUpstreamFailureIsProxyError() {
        proxy.policy(HOST, LabProxy.Policy.UPSTREAM_ERROR);
        ProbeResult result = new TlsProbe(LAB.anchors(), TIMEOUT).probe(route(), HOST, 443);
        assertThat(result.verdict(), is(Verdict.PROXY_ERROR));
        assertThat(result.evidence().httpStatus(), is(502));

        ProbeResult unknown = new TlsProbe(LAB.anchors(), TIMEOUT).probe(route(), "unmapped.apple.com", 443);
        assertThat(unknown.verdict(), is(Verdict.PROXY_ERROR));

        ProbeResult http502 = new HttpProbe(TIMEOUT).probe(route(), "unmapped.apple.com", 80);
        assertThat(http502.verdict(), is(Verdict.PROXY_ERROR));
    }

    @Test
    void aClosedProxyPortIsProxyUnreachable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        ProxyRoute closed = new ProxyRoute(ProxySettings.parse("http://127.0.0.1:" + closedPort), true);
        ProbeResult result = new TlsProbe(LAB.anchors(), TIMEOUT).probe(closed, HOST, 443);
        assertThat(result.verdict(), is(Verdict.PROXY_UNREACHABLE));
        assertThat(result.message(), containsString("http://127.0.0.1:" + closedPort));
        assertThat(new HttpProbe(TIMEOUT).probe(closed, HTTP_HOST, 80).verdict(), is(Verdict.PROXY_UNREACHABLE));
    }

    @Test
    void aProxyThatNeverAnswersConnectIsAProxyErrorWithinTheDeadline() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            ProxyRoute route = new ProxyRoute(ProxySettings.parse("http://127.0.0.1:" + silent.getLocalPort()), true);
            Duration timeout = Duration.ofMillis(800);
            ProbeResult result = Deadline.endsWithin(timeout,
                    () -> new TlsProbe(LAB.anchors(), timeout).probe(route, HOST, 443));
            assertThat(result.verdict(), is(Verdict.PROXY_ERROR));
            assertThat(result.message(), containsString("did not answer CONNECT gdmf.apple.com:443 within "));
        }
    }

    @Test
    void aLoopbackOnlyRouteNeverContactsAnotherProxy() {
        ProxyRoute elsewhere = new ProxyRoute(ProxySettings.parse("http://192.0.2.10:3128"), true);
        ProbeResult result = new TlsProbe(LAB.anchors(), TIMEOUT).probe(elsewhere, HOST, 443);
        assertThat(result.verdict(), is(Verdict.PROXY_UNREACHABLE));
        assertThat(result.message(), containsString("may only use loopback"));
        ProxyRoute named = new ProxyRoute(ProxySettings.parse("http://proxy.example.invalid:3128"), true);
        assertThat(new HttpProbe(TIMEOUT).probe(named, HTTP_HOST, 80).verdict(), is(Verdict.PROXY_UNREACHABLE));
    }

    @Test
    void interceptionByTheProxyIsTlsInterceptedNamingSquid() {
        proxy.policy(HOST, LabProxy.Policy.INTERCEPT);
        ProbeResult result = new TlsProbe(LAB.anchors(), TIMEOUT).probe(route(), HOST, 443);
        assertThat(result.verdict(), is(Verdict.TLS_INTERCEPTED));
        assertThat(result.message(), containsString("issued by '" + LabCertificates.SQUID_CA + "' (Squid ssl-bump)"));
        assertThat(result.evidence().issuer(), containsString("Squid CA"));
        assertThat(result.evidence().route(), is("proxy 127.0.0.1:" + proxy.port()));
        assertThat(tls.requests(), is(0));
    }

    @Test
    void dohThroughASplicedTunnelPasses() {
        LabProxy dohProxy = LabProxy.start(LAB.certificates(), key -> key.equals("doh.dns.apple.com:443") ? tls.address()
                : (InetSocketAddress) null);
        try (dohProxy) {
            ProxyRoute route = new ProxyRoute(ProxySettings.parse(dohProxy.url()), true);
            ProbeResult result = new DohProbe(LAB.anchors(), TIMEOUT).probe(route, "doh.dns.apple.com", 443);
            assertThat(result.message(), result.verdict(), is(Verdict.OK));
            assertThat(dohProxy.requests("doh.dns.apple.com"), is(1));
        }
    }
}
