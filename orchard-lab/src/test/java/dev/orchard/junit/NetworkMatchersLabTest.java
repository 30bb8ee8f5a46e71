package dev.orchard.junit;

import static dev.orchard.junit.NetworkMatchers.answers;
import static dev.orchard.junit.NetworkMatchers.hasCnameChainEndingIn;
import static dev.orchard.junit.NetworkMatchers.hasVerdict;
import static dev.orchard.junit.NetworkMatchers.intercepted;
import static dev.orchard.junit.NetworkMatchers.isOpen;
import static dev.orchard.junit.NetworkMatchers.issuedBy;
import static dev.orchard.junit.NetworkMatchers.passes;
import static dev.orchard.junit.NetworkMatchers.resolves;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.orchard.lab.Lab;
import dev.orchard.lab.LabCertificates;
import dev.orchard.probe.Network;
import dev.orchard.probe.ProbeResult;
import dev.orchard.probe.Verdict;
import java.time.Duration;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every matcher against real servers of the lab, passing and failing; a failing assertion must show the verdict,
 * the message and the evidence, because that text is all a site test's user sees.
 */
class NetworkMatchersLabTest {

    private static final String SITE_HOST = "mdm.example.com";

    private static Lab lab;
    private static Network net;

    @BeforeAll
    static void startLab() {
        lab = Lab.start()
                .serve("mesu.apple.com")
                .serve("gdmf.apple.com")
                .serve("1-courier.push.apple.com")
                .serve("gateway.icloud.com")
                .serve("time.apple.com")
                .serve(SITE_HOST)
                .nxdomain("blocked.example.com")
                .dropTcp(SITE_HOST, 443)
                .intercept("gateway.icloud.com", LabCertificates.PALO_ALTO_CA)
                .dropUdp("time.apple.com", 123);
        net = lab.networkBuilder().timeout(Duration.ofSeconds(1)).build();
    }

    @AfterAll
    static void stopLab() {
        if (net != null) {
            net.close();
        }
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    void resolvesAndItsMismatch() {
        assertThat(net.dns("gdmf.apple.com"), resolves());
        String text = mismatch(net.dns("blocked.example.com"), resolves());
        assertThat(text, allOf(containsString("Expected: resolves to an address"),
                containsString("DNS_NXDOMAIN (failed)"), containsString("blocked.example.com")));
    }

    @Test
    void cnameChainOfAppleCdnHostEndsInAaplimg() {
        ProbeResult mesu = net.dns("mesu.apple.com");
        assertThat(mesu, hasCnameChainEndingIn("aaplimg.com"));
        assertThat(mesu, not(hasCnameChainEndingIn("akadns.net")));
        String text = mismatch(net.dns("gdmf.apple.com"), hasCnameChainEndingIn("aaplimg.com"));
        assertThat(text, allOf(containsString("a CNAME chain ending in aaplimg.com"), containsString("OK (passed)"),
                containsString("evidence: addresses=[17.")));
        assertThat(mismatch(mesu, hasCnameChainEndingIn("akamai.net")), containsString("cnameChain=[mesu.apple.com, mesu.g.aaplimg.com]"));
    }

    @Test
    void isOpenAndADroppedPort() {
        assertThat(net.tcp("1-courier.push.apple.com", 5223), isOpen());
        ProbeResult dropped = net.tcp(SITE_HOST, 443);
        assertThat(dropped, not(isOpen()));
        assertThat(dropped, hasVerdict(Verdict.TCP_TIMEOUT));
        String text = mismatch(dropped, isOpen());
        assertThat(text, allOf(containsString("Expected: an open TCP port"), containsString("TCP_TIMEOUT (failed)"),
                containsString("TCP 443 to " + SITE_HOST), containsString("evidence: connectedTo=127.0.0.1:")));
    }

    @Test
    void interceptionIsSeenAndNamed() {
        ProbeResult clean = net.tls("1-courier.push.apple.com", 443);
        assertThat(clean, not(intercepted()));
        assertThat(clean, passes());
        assertThat(clean, issuedBy(containsString(LabCertificates.APPLE_INTERMEDIATE)));

        ProbeResult inspected = net.tls("gateway.icloud.com", 443);
        assertThat(inspected, intercepted());
        assertThat(inspected, issuedBy(containsString("Palo Alto Networks")));
        // Hamcrest's not() prints the result itself (ProbeResult's record text): the verdict and the chain show.
        String text = mismatch(inspected, not(intercepted()));
        assertThat(text, allOf(containsString("Expected: not verdict TLS_INTERCEPTED"),
                containsString("verdict=TLS_INTERCEPTED"), containsString("issuer=CN=" + LabCertificates.PALO_ALTO_CA)));
        String notIssued = mismatch(inspected, issuedBy(containsString("Apple")));
        assertThat(notIssued, allOf(containsString("TLS_INTERCEPTED (failed)"),
                containsString("Palo Alto Networks SSL decryption"), containsString("evidence: connectedTo=")));
        String issuer = mismatch(clean, issuedBy(containsString("Zscaler")));
        assertThat(issuer, allOf(containsString("a certificate issued by a string containing \"Zscaler\""),
                containsString("OK (passed)"), containsString(LabCertificates.APPLE_INTERMEDIATE)));
    }

    @Test
    void answersAndADroppedUdpPort() {
        try (Lab healthy = Lab.start().serve("time.apple.com");
                Network direct = healthy.networkBuilder().timeout(Duration.ofSeconds(1)).build()) {
            assertThat(direct.ntp("time.apple.com"), answers());
        }
        ProbeResult silent = net.ntp("time.apple.com");
        assertThat(silent, not(answers()));
        String text = mismatch(silent, answers());
        assertThat(text, allOf(containsString("Expected: a valid answer"), containsString("UDP_NO_RESPONSE (failed)"),
                containsString("time.apple.com")));
    }

    /** The text of the AssertionError that a failing {@code assertThat} raises. */
    private static String mismatch(ProbeResult result, Matcher<ProbeResult> matcher) {
        return assertThrows(AssertionError.class, () -> assertThat(result, matcher)).getMessage();
    }
}
