package dev.orchard.probe;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.orchard.lab.LabDnsServer;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every DNS verdict, against the lab DNS server on loopback; the probe never sees the system resolver. */
class DnsProbeTest {

    private static final Duration TIMEOUT = Duration.ofMillis(500);

    private LabDnsServer dns;
    private DnsProbe probe;

    @BeforeEach
    void start() throws IOException {
        dns = LabDnsServer.start();
        probe = new DnsProbe(List.of(dns.address()), TIMEOUT, List.of("10.10.10.10"));
    }

    @AfterEach
    void stop() {
        dns.close();
    }

    @Test
    void resolvesAddressesThroughTheCnameChainAndNotesApple17() {
        dns.cname("updates.cdn-apple.com", "updates.g.aaplimg.com")
                .address("updates.g.aaplimg.com", "17.253.37.203", "23.55.1.2", "2620:149:a44::1");

        DnsResolution resolution = probe.resolve("updates.cdn-apple.com");

        ProbeResult result = resolution.result();
        assertThat(result.message(), result.verdict(), is(Verdict.OK));
        assertThat(result.status(), is(Status.PASSED));
        assertThat(result.evidence().addresses(), contains("17.253.37.203", "23.55.1.2", "2620:149:a44::1"));
        assertThat(result.evidence().cnameChain(), contains("updates.cdn-apple.com", "updates.g.aaplimg.com"));
        assertThat(result.evidence().apple17(), contains("17.253.37.203"));
        assertThat(result.message(), containsString("1 of 2 in Apple's 17.0.0.0/8"));
        assertThat(result.message(), containsString("1 of 1 IPv6 addresses in Apple's IPv6 ranges (2403:300::/32,"
                + " 2620:149::/32, 2a01:b740::/32)"));
        assertThat(resolution.addresses().size(), is(3));
        assertThat(resolution.addresses().get(0).getHostAddress(), equalTo("17.253.37.203"));
    }

    @Test
    void anAaaaOnlyAnswerPasses() {
        dns.address("ipv6only.apple.com", "2620:149::10");

        ProbeResult result = probe.resolve("ipv6only.apple.com").result();

        assertThat(result.message(), result.verdict(), is(Verdict.OK));
        assertThat(result.evidence().addresses(), contains("2620:149::10"));
        assertThat(result.evidence().apple17(), is(empty()));
        assertThat(result.message(), containsString("1 of 1 IPv6 addresses in Apple's IPv6 ranges"));
    }

    @Test
    void wildcardNamesAnswer() {
        dns.address("*.push.apple.com", "17.188.1.1");

        ProbeResult result = probe.resolve("1-courier.push.apple.com").result();

        assertThat(result.message(), result.verdict(), is(Verdict.OK));
        assertThat(result.evidence().cnameChain(), contains("1-courier.push.apple.com"));
        assertThat(result.evidence().apple17(), contains("17.188.1.1"));
    }

    @Test
    void nxdomainOfTheNameItself() {
        dns.nxdomain("mesu.apple.com");

        ProbeResult result = probe.resolve("mesu.apple.com").result();

        assertThat(result.verdict(), is(Verdict.DNS_NXDOMAIN));
        assertThat(result.status(), is(Status.FAILED));
        assertThat(result.message(), containsString("mesu.apple.com does not exist (NXDOMAIN)"));
        assertThat(result.message(), containsString(Verdict.DNS_NXDOMAIN.remedy()));
        assertThat(result.evidence().addresses(), is(empty()));
    }

    @Test
    void nxdomainAtTheEndOfTheCnameChainNamesTheBlockedName() {
        dns.cname("updates.cdn-apple.com", "updates.g.aaplimg.com").nxdomain("updates.g.aaplimg.com");

        DnsResolution resolution = probe.resolve("updates.cdn-apple.com");

        ProbeResult result = resolution.result();
        assertThat(result.verdict(), is(Verdict.DNS_NXDOMAIN));
        assertThat(result.message(), containsString("updates.cdn-apple.com: the CNAME chain updates.cdn-apple.com"
                + " → updates.g.aaplimg.com ends in NXDOMAIN at updates.g.aaplimg.com: "
                + Verdict.DNS_NXDOMAIN.remedy()));
        assertThat(result.evidence().cnameChain(), contains("updates.cdn-apple.com", "updates.g.aaplimg.com"));
        assertThat(resolution.addresses(), is(empty()));
    }

    @Test
    void nodataIsNoAddress() {
        dns.nodata("gdmf.apple.com");

        ProbeResult result = probe.resolve("gdmf.apple.com").result();

        assertThat(result.verdict(), is(Verdict.DNS_NO_ADDRESS));
        assertThat(result.message(), containsString("gdmf.apple.com exists but has no A or AAAA record"));
    }

    @Test
    void aDanglingCnameChainNamesWhereItDangles() {
        dns.cname("swcdn.apple.com", "swcdn.apple.com.akadns.net")
                .cname("swcdn.apple.com.akadns.net", "swcdn.g.aaplimg.com")
                .nodata("swcdn.g.aaplimg.com");

        ProbeResult result = probe.resolve("swcdn.apple.com").result();

        assertThat(result.verdict(), is(Verdict.DNS_NO_ADDRESS));
        assertThat(result.evidence().cnameChain(),
                contains("swcdn.apple.com", "swcdn.apple.com.akadns.net", "swcdn.g.aaplimg.com"));
        assertThat(result.message(), containsString("dangles at swcdn.g.aaplimg.com"));
        assertThat(result.message(), containsString(Verdict.DNS_NO_ADDRESS.remedy()));
    }

    @Test
    void zeroAddressIsASinkhole() {
        dns.address("blocked.apple.com", "0.0.0.0", "::");

        ProbeResult result = probe.resolve("blocked.apple.com").result();

        assertThat(result.verdict(), is(Verdict.DNS_SINKHOLE));
        assertThat(result.evidence().addresses(), contains("0.0.0.0", "::"));
        assertThat(result.message(), containsString("sinkhole address 0.0.0.0"));
    }

    @Test
    void loopbackAnswerBehindACnameIsASinkhole() {
        dns.cname("gs.apple.com", "gs-loadbalancer.apple.com").address("gs-loadbalancer.apple.com", "127.0.0.2");

        DnsResolution resolution = probe.resolve("gs.apple.com");

        assertThat(resolution.result().verdict(), is(Verdict.DNS_SINKHOLE));
        assertThat(resolution.result().evidence().cnameChain(), contains("gs.apple.com", "gs-loadbalancer.apple.com"));
        assertThat(resolution.addresses(), is(empty()));
    }

    @Test
    void aConfiguredBlockPageAddressIsASinkhole() {
        dns.address("appldnld.apple.com", "10.10.10.10");

        ProbeResult result = probe.resolve("appldnld.apple.com").result();

        assertThat(result.verdict(), is(Verdict.DNS_SINKHOLE));
        assertThat(result.message(), containsString("10.10.10.10"));
    }

    @Test
    void servfail() {
        dns.servfail("ppq.apple.com");

        ProbeResult result = probe.resolve("ppq.apple.com").result();

        assertThat(result.verdict(), is(Verdict.DNS_SERVFAIL));
        assertThat(result.message(), containsString("answered SERVFAIL"));
        assertThat(result.message(), containsString(dns.hostAndPort()));
    }

    @Test
    void refused() {
        dns.refused("ocsp.apple.com");

        ProbeResult result = probe.resolve("ocsp.apple.com").result();

        assertThat(result.verdict(), is(Verdict.DNS_REFUSED));
        assertThat(result.message(), containsString("refused"));
    }

    @Test
    void aSilentServerTimesOutWithinTheTimeout() {
        dns.silent("albert.apple.com").address("warm.apple.com", "17.1.1.1");
        // Warm up: the deadline under test is the probe's, not the JVM's first class loading.
        assertThat(probe.resolve("warm.apple.com").result().verdict(), is(Verdict.OK));

        ProbeResult result = Deadline.endsWithin(TIMEOUT, () -> probe.resolve("albert.apple.com").result());

        assertThat(result.verdict(), is(Verdict.DNS_TIMEOUT));
        assertThat(result.message(), containsString("did not answer within 500 ms"));
        assertThat(dns.queries("albert.apple.com"), greaterThanOrEqualTo(1));
    }

    @Test
    void aResolverWithNothingListeningFailsWithinTheTimeout() throws IOException {
        InetSocketAddress closed;
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            closed = new InetSocketAddress(InetAddress.getLoopbackAddress(), socket.getLocalPort());
        }
        DnsProbe nowhere = new DnsProbe(List.of(closed), TIMEOUT, List.of());
        dns.address("warm.apple.com", "17.1.1.1");
        assertThat(probe.resolve("warm.apple.com").result().verdict(), is(Verdict.OK));

        ProbeResult result = Deadline.endsBefore(TIMEOUT.plus(TIMEOUT.dividedBy(10)),
                () -> nowhere.resolve("captive.apple.com").result());

        assertThat(result.verdict(), is(Verdict.DNS_TIMEOUT));
        assertThat(result.message(), containsString(closed.getPort() + ""));
    }

    @Test
    void aSilentFirstResolverFallsThroughToTheSecondWithinTheTimeout() throws IOException {
        dns.silent("time.apple.com");
        try (LabDnsServer second = LabDnsServer.start().address("time.apple.com", "17.253.34.125")) {
            DnsProbe both = new DnsProbe(List.of(dns.address(), second.address()), TIMEOUT, List.of());

            ProbeResult result = Deadline.endsBefore(TIMEOUT.plus(TIMEOUT.dividedBy(10)),
                    () -> both.resolve("time.apple.com").result());

            assertThat(result.message(), result.verdict(), is(Verdict.OK));
            assertThat(result.evidence().apple17(), contains("17.253.34.125"));
            assertThat(dns.queries("time.apple.com"), greaterThanOrEqualTo(1));
            assertThat(second.queries("time.apple.com"), greaterThanOrEqualTo(1));
        }
    }

    @Test
    void aCnameLoopIsReported() {
        dns.cname("a.apple.com", "b.apple.com").cname("b.apple.com", "a.apple.com");

        ProbeResult result = probe.resolve("a.apple.com").result();

        assertThat(result.verdict(), is(Verdict.DNS_CNAME_LOOP));
        assertThat(result.evidence().cnameChain(), contains("a.apple.com", "b.apple.com", "a.apple.com"));
        assertThat(result.message(), containsString("loops back to a.apple.com"));
    }

    @Test
    void aChainLongerThanSixteenIsReportedAsALoop() {
        for (int i = 0; i < 20; i++) {
            dns.cname("hop" + i + ".example.test", "hop" + (i + 1) + ".example.test");
        }
        dns.address("hop20.example.test", "17.1.1.1");

        ProbeResult result = probe.resolve("hop0.example.test").result();

        assertThat(result.verdict(), is(Verdict.DNS_CNAME_LOOP));
        assertThat(result.evidence().cnameChain().size(), is(DnsAnswer.MAX_CNAMES + 2));
        assertThat(result.message(), containsString("longer than 16"));
    }

    @Test
    void aTruncatedUdpAnswerIsRetriedOverTcp() {
        dns.truncated("big.apple.com", "17.253.1.1", "17.253.1.2");

        ProbeResult result = probe.resolve("big.apple.com").result();

        assertThat(result.message(), result.verdict(), is(Verdict.OK));
        assertThat(result.evidence().addresses(), containsInAnyOrder("17.253.1.1", "17.253.1.2"));
        assertThat(dns.tcpQueries("big.apple.com"), greaterThanOrEqualTo(1));
    }

    @Test
    void unknownNamesAreNxdomain() {
        ProbeResult result = probe.resolve("unknown.example.test").result();

        assertThat(result.verdict(), is(Verdict.DNS_NXDOMAIN));
    }

    @Test
    void anIpLiteralNeedsNoLookup() {
        DnsResolution resolution = probe.resolve("17.253.144.10");

        assertThat(resolution.result().verdict(), is(Verdict.OK));
        assertThat(resolution.result().evidence().apple17(), contains("17.253.144.10"));
        assertThat(dns.queries("17.253.144.10"), is(0));
    }

    @Test
    void anInvalidNameFailsWithoutAQuery() {
        ProbeResult result = probe.resolve("bad..name").result();

        assertThat(result.verdict(), is(Verdict.DNS_NXDOMAIN));
        assertThat(result.message(), containsString("not a valid DNS name"));
    }

    @Test
    void aSinkholeThatIsNotAnIpLiteralNamesTheKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new DnsProbe(List.of(dns.address()), TIMEOUT, List.of("blockpage.corp")));

        assertThat(e.getMessage(), containsString("apple-network.sinkholes"));
        assertThat(e.getMessage(), containsString("blockpage.corp"));
    }
}
