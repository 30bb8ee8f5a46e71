package dev.orchard.probe;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import dev.orchard.lab.LabCertificates;
import dev.orchard.lab.LabProxy;
import dev.orchard.lab.LabTlsServer;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DohProbeTest {

    private static final String HOST = "doh.dns.apple.com";
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private static final LabTrust LAB = LabTrust.create();

    private static ProbeResult probe(LabTlsServer server) {
        return new DohProbe(LAB.anchors(), TIMEOUT).probe(LoopbackRoute.to(HOST, 443, server.address()), HOST, 443);
    }

    @Test
    void aDnsAnswerOverValidatedTlsPasses() {
        try (LabTlsServer server = LabTlsServer.start(LAB.certificates())) {
            ProbeResult result = probe(server);
            assertThat(result.message(), result.verdict(), is(Verdict.OK));
            assertThat(result.message(), containsString("apple.com. A"));
            assertThat(result.message(), containsString("127.0.0.1"));
            assertThat(result.evidence().httpStatus(), is(200));
            assertThat(result.evidence().chain(), hasSize(2));
            assertThat(server.requests(), is(1));
        }
    }

    @Test
    void anHtmlPageInsteadOfADnsMessageIsInvalid() {
        try (LabTlsServer server = LabTlsServer.start(LAB.certificates(), LabTlsServer.Mode.INVALID_DOH)) {
            ProbeResult result = probe(server);
            assertThat(result.verdict(), is(Verdict.DOH_INVALID));
            assertThat(result.message(), containsString("Content-Type is 'text/html'"));
            assertThat(result.evidence().httpStatus(), is(200));
        }
    }

    @Test
    void anInterceptedDohHostSendsNoQuery() {
        try (LabTlsServer server = LabTlsServer.intercepting(LAB.certificates(), LabCertificates.FORTIGATE_CA)) {
            ProbeResult result = probe(server);
            assertThat(result.verdict(), is(Verdict.TLS_INTERCEPTED));
            assertThat(result.message(), containsString("Fortinet FortiGate SSL inspection"));
            assertThat(server.requests(), is(0));
        }
    }

    @Test
    void aCertificateForAnotherNameIsAHostnameMismatch() {
        try (LabTlsServer server = LabTlsServer.start(LAB.certificates(), LabTlsServer.Mode.WRONG_HOST)) {
            ProbeResult result = probe(server);
            assertThat(result.verdict(), is(Verdict.TLS_HOSTNAME_MISMATCH));
            assertThat(result.message(), containsString(LabTlsServer.WRONG_HOST_NAME));
            assertThat(server.requests(), is(0));
        }
    }

    @Test
    void aStalledHandshakeTimesOutWithinTheDeadline() {
        try (LabTlsServer server = LabTlsServer.start(LAB.certificates(), LabTlsServer.Mode.HANDSHAKE_STALL)) {
            Duration timeout = Duration.ofMillis(1000);
            ProbeResult result = Deadline.endsWithin(timeout, () -> new DohProbe(LAB.anchors(), timeout)
                    .probe(LoopbackRoute.to(HOST, 443, server.address()), HOST, 443));
            assertThat(result.verdict(), is(Verdict.TLS_HANDSHAKE_TIMEOUT));
        }
    }

    @Test
    void aProxyRefusingTheTunnelIsProxyDenied() {
        try (LabTlsServer server = LabTlsServer.start(LAB.certificates());
                LabProxy proxy = LabProxy.start(LAB.certificates(), Map.of(HOST + ":443", server.address()))) {
            proxy.policy(HOST, LabProxy.Policy.DENY);
            ProxyRoute route = new ProxyRoute(ProxySettings.parse(proxy.url()), true);
            ProbeResult result = new DohProbe(LAB.anchors(), TIMEOUT).probe(route, HOST, 443);
            assertThat(result.verdict(), is(Verdict.PROXY_DENIED));
            assertThat(result.evidence().httpStatus(), is(403));
            assertThat(result.evidence().server(), is(LabProxy.SERVER));
            assertThat(server.connections(), is(0));
        }
    }
}
