package dev.orchard.probe;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.either;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;

import dev.orchard.lab.FaultServer;
import dev.orchard.lab.LabCertificates;
import dev.orchard.lab.LabTlsServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TlsProbeTest {

    private static final String HOST = "gdmf.apple.com";
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private static final LabTrust LAB = LabTrust.create();

    private static DirectRoute routeTo(LabTlsServer server) {
        return LoopbackRoute.to(HOST, 443, server.address());
    }

    @Test
    void passesAndRecordsTheChainAndVersionWhenTheChainLeadsToTheAnchors() {
        try (LabTlsServer server = LabTlsServer.start(LAB.certificates())) {
            ProbeResult result = new TlsProbe(LAB.anchors(), TIMEOUT).probe(routeTo(server), HOST, 443);

            assertThat(result.message(), result.verdict(), is(Verdict.OK));
            Evidence evidence = result.evidence();
            assertThat(evidence.tlsVersion(), either(is("TLSv1.3")).or(is("TLSv1.2")));
            assertThat(evidence.chain(), hasSize(2));
            assertThat(evidence.chain().get(0).subject(), is("CN=" + HOST));
            assertThat(evidence.issuer(), containsString(LabCertificates.APPLE_INTERMEDIATE));
            assertThat(evidence.chain().get(0).spkiSha256(), matchesPattern("[0-9a-f]{64}"));
            assertThat(evidence.chain().get(0).notAfter(), matchesPattern("\\d{4}-\\d\\d-\\d\\dT.*Z"));
            assertThat(evidence.route(), is("direct"));
            assertThat(evidence.connectedTo(), is("127.0.0.1:" + server.port()));
            assertThat("the TLS probe sends no application data", server.requests(), is(0));
        }
    }

    @Test
    void anInspectionCertificateIsInterceptedNamingTheIssuerAndProduct() {
        try (LabTlsServer server = LabTlsServer.intercepting(LAB.certificates(), LabCertificates.ZSCALER_CA)) {
            ProbeResult result = new TlsProbe(LAB.anchors(), TIMEOUT).probe(routeTo(server), HOST, 443);

            assertThat(result.verdict(), is(Verdict.TLS_INTERCEPTED));
            assertThat(result.message(), startsWith("TLS to gdmf.apple.com:443 is intercepted: the certificate is "
                    + "issued by 'Zscaler Root CA (Orchard lab)' (Zscaler SSL inspection), not by Apple's or a "
                    + "public CA"));
            assertThat(result.message(), containsString("exempt the host from TLS inspection"));
            assertThat(result.evidence().chain(), hasSize(2));
            assertThat(result.evidence().chain().get(0).subject(), is("CN=" + HOST));
            assertThat(result.evidence().issuer(), containsString(LabCertificates.ZSCALER_CA));
            assertThat(server.requests(), is(0));
        }
    }

    @Test
    void anUnknownInspectionCaIsStillIntercepted() {
        try (LabTlsServer server = LabTlsServer.start(LAB.certificates(), LabTlsServer.Mode.INTERCEPTED)) {
            ProbeResult result = new TlsProbe(LAB.anchors(), TIMEOUT).probe(routeTo(server), HOST, 443);
            assertThat(result.verdict(), is(Verdict.TLS_INTERCEPTED));
            assertThat(result.message(), containsString("issued by '" + LabCertificates.UNNAMED_CA + "', not by"));
        }
    }

    @Test
    void theDefaultAnchorsDoNotTrustTheLabRoot() {
        try (LabTlsServer server = LabTlsServer.start(LAB.certificates())) {
            ProbeResult result = new TlsProbe(TrustAnchors.defaults(), TIMEOUT).probe(routeTo(server), HOST, 443);
            assertThat(result.verdict(), is(Verdict.TLS_INTERCEPTED));
            assertThat(result.message(), containsString("default (JDK roots + Apple roots)"));
        }
    }

    @Test
    void aValidCertificateForAnotherNameIsAHostnameMismatch() {
        try (LabTlsServer server = LabTlsServer.start(LAB.certificates(), LabTlsServer.Mode.WRONG_HOST)) {
            ProbeResult result = new TlsProbe(LAB.anchors(), TIMEOUT).probe(routeTo(server), HOST, 443);

            assertThat(result.verdict(), is(Verdict.TLS_HOSTNAME_MISMATCH));
            assertThat(result.message(), containsString(LabTlsServer.WRONG_HOST_NAME));
            assertThat(result.message(), containsString("not " + HOST));
            assertThat(result.evidence().chain().get(0).subject(), is("CN=" + LabTlsServer.WRONG_HOST_NAME));
            assertThat(server.requests(), is(0));
        }
    }

    @Test
    void aRefusedHandshakeFails() {
        try (LabTlsServer server = LabTlsServer.start(LAB.certificates(), LabTlsServer.Mode.HANDSHAKE_FAILURE)) {
            ProbeResult result = new TlsProbe(LAB.anchors(), TIMEOUT).probe(routeTo(server), HOST, 443);

            assertThat(result.verdict(), is(Verdict.TLS_HANDSHAKE_FAILED));
            assertThat(result.message(), containsString("protocol_version"));
            assertThat(result.evidence().chain(), hasSize(0));
        }
    }

    @Test
    void aStalledHandshakeTimesOutWithinTheDeadline() {
        Duration timeout = Duration.ofMillis(1000);
        try (LabTlsServer server = LabTlsServer.start(LAB.certificates(), LabTlsServer.Mode.HANDSHAKE_STALL)) {
            // the attempt, then its small-window retry (HandshakeDiagnosis), each within the timeout
            ProbeResult result = Deadline.endsWithin(timeout.multipliedBy(2), () -> {
                int before = server.connections();
                ProbeResult attempt = new TlsProbe(LAB.anchors(), timeout).probe(routeTo(server), HOST, 443);
                assertThat("connections of the attempt and its retry", server.connections() - before, is(2));
                return attempt;
            });

            assertThat(result.verdict(), is(Verdict.TLS_HANDSHAKE_TIMEOUT));
            assertThat(result.message(), containsString("within 1000 ms"));
        }
    }

    @Test
    void aRefusedConnectionIsATcpVerdict() {
        ProbeResult result;
        try (FaultServer refusing = FaultServer.refusing()) {
            result = new TlsProbe(LAB.anchors(), TIMEOUT).probe(LoopbackRoute.to(HOST, 443, refusing.address()),
                    HOST, 443);
        }
        assertThat(result.verdict(), is(Verdict.TCP_REFUSED));
        assertThat(result.message(), containsString("gdmf.apple.com:443"));
    }
}
