package dev.orchard.probe;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

import dev.orchard.lab.FaultServer;
import dev.orchard.lab.LabSshServer;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each TCP verdict, produced for real by a loopback lab server behind a connect-to override. */
class TcpProbeTest {

    private static final String APNS_HOST = "1-courier.push.apple.com";
    private static final Duration TIMEOUT = Duration.ofSeconds(1);

    /** What the lab's DNS would answer: an Apple address that the loopbackOnly guard never lets us reach. */
    private static final List<InetAddress> APPLE_ADDRESS = List.of(address("17.57.146.10"));

    private static InetAddress address(String literal) {
        return IpLiteral.parse(literal).orElseThrow();
    }

    private static ProbeResult probe(String host, int port, String connectTo) {
        Route route = new DirectRoute(ConnectTo.parseAll(List.of(connectTo)), APPLE_ADDRESS, true);
        return new TcpProbe(TIMEOUT).probe(host, port, route, APPLE_ADDRESS);
    }

    @Test
    void connectsToAListeningServer() {
        try (LabSshServer server = LabSshServer.start()) {
            ProbeResult result = probe("gdmf.apple.com", 443, server.connectTo("gdmf.apple.com", 443));
            assertThat(result.message(), result.status(), is(Status.PASSED));
            assertThat(result.verdict(), is(Verdict.OK));
            assertThat(result.evidence().connectedTo(), is("127.0.0.1:" + server.port()));
            assertThat(result.evidence().route(), is("direct"));
            assertThat(result.evidence().addresses(), contains("17.57.146.10"));
        }
    }

    @Test
    void refusedPortIsTcpRefused() {
        try (FaultServer refusing = FaultServer.refusing()) {
            ProbeResult result = probe("gdmf.apple.com", 443, refusing.connectTo("gdmf.apple.com", 443));
            assertThat(result.verdict(), is(Verdict.TCP_REFUSED));
            assertThat(result.status(), is(Status.FAILED));
            assertThat(result.message(), containsString("TCP 443 to gdmf.apple.com (127.0.0.1:" + refusing.port()
                    + " via connect-to) was refused"));
            assertThat(result.message(), containsString("allow TCP 443 outbound to gdmf.apple.com"));
            assertThat(result.evidence().connectedTo(), is("127.0.0.1:" + refusing.port()));
        }
    }

    @Test
    void droppedSynsAreTcpTimeoutWithinTheTimeout() {
        try (FaultServer blackhole = FaultServer.blackhole()) {
            ProbeResult result = Deadline.endsWithin(TIMEOUT,
                    () -> probe(APNS_HOST, 5223, blackhole.connectTo(APNS_HOST, 5223)));
            assertThat(result.verdict(), is(Verdict.TCP_TIMEOUT));
            assertThat(result.message(), containsString("TCP 5223 to " + APNS_HOST));
            assertThat(result.message(), containsString("timed out after 1s: a firewall drops APNs; allow TCP 5223"
                    + " and 2197 to 17.0.0.0/8"));
        }
    }

    @Test
    void resetAfterAcceptIsTcpReset() {
        try (FaultServer resetting = FaultServer.resetting()) {
            ProbeResult result = probe("gdmf.apple.com", 443, resetting.connectTo("gdmf.apple.com", 443));
            assertThat(result.message(), result.verdict(), is(Verdict.TCP_RESET));
            assertThat(result.message(), containsString("right after connecting"));
            assertThat(result.message(), containsString("resets TCP 443 to gdmf.apple.com"));
            assertThat(result.evidence().connectedTo(), is("127.0.0.1:" + resetting.port()));
        }
    }

    @Test
    void aSilentServerStillPassesTcpWithinTheResetWait() {
        try (FaultServer tarpit = FaultServer.tarpit()) {
            ProbeResult result = Deadline.endsBefore(TIMEOUT.minusMillis(1),
                    () -> probe("gdmf.apple.com", 443, tarpit.connectTo("gdmf.apple.com", 443)));
            assertThat(result.verdict(), is(Verdict.OK));
        }
    }

    @Test
    void loopbackOnlyRefusesRealAddressesWithoutSendingAPacket() {
        Route route = new DirectRoute(List.of(), APPLE_ADDRESS, true);
        ProbeResult result = Deadline.endsBefore(Duration.ofMillis(100),
                () -> new TcpProbe(TIMEOUT).probe(APNS_HOST, 5223, route, APPLE_ADDRESS));
        assertThat(result.verdict(), is(Verdict.TCP_UNREACHABLE));
        assertThat(result.message(), containsString("the lab forbids connecting to 17.57.146.10:5223"));
        assertThat(result.message(), containsString("no packet was sent"));
    }

    @Test
    void resetWaitIsATenthOfTheTimeoutAtMost200Ms() {
        assertThat(new TcpProbe(Duration.ofSeconds(5)).resetWait(), is(Duration.ofMillis(200)));
        assertThat(new TcpProbe(Duration.ofMillis(500)).resetWait(), is(Duration.ofMillis(50)));
    }

    /** A connect that used up nearly the whole timeout leaves only the rest for the reset wait. */
    @Test
    void resetWaitNeverRunsPastTheDeadline() {
        TcpProbe probe = new TcpProbe(Duration.ofSeconds(5));
        assertThat(probe.resetWait(Duration.ofSeconds(3)), is(Duration.ofMillis(200)));
        assertThat(probe.resetWait(Duration.ofMillis(30)), is(Duration.ofMillis(30)));
        assertThat(probe.resetWait(Duration.ofMillis(-5)), is(Duration.ofMillis(1)));
    }

    /** A proxy that answers CONNECT just before the deadline: the probe still ends by its timeout. */
    @Test
    void aConnectThatTakesNearlyTheWholeTimeoutStillEndsOnTime() {
        Duration timeout = Duration.ofSeconds(1);
        try (FaultServer proxy = FaultServer.slow(timeout.minusMillis(40),
                "HTTP/1.1 200 Connection established\r\n\r\n")) {
            ProxyRoute route = new ProxyRoute(ProxySettings.parse("http://127.0.0.1:" + proxy.port()), true);
            ProbeResult result = Deadline.endsWithin(timeout,
                    () -> new TcpProbe(timeout).probe(APNS_HOST, 5223, route, List.of()));

            assertThat(result.message(), result.verdict(), is(Verdict.OK));
            assertThat("the probe's own measure", result.duration().toMillis(),
                    lessThanOrEqualTo(timeout.toMillis() * 11 / 10));
        }
    }

    @Test
    void networkTcpUsesConnectToWithoutDns() {
        try (LabSshServer server = LabSshServer.start();
                FaultServer refusing = FaultServer.refusing();
                Network network = Network.builder().loopbackOnly(true).timeout(TIMEOUT)
                        .connectTo(List.of(server.connectTo("gdmf.apple.com", 443),
                                refusing.connectTo("gdmf.apple.com", 80)))
                        .build()) {
            assertThat(network.tcp("gdmf.apple.com", 443).verdict(), is(Verdict.OK));
            assertThat(network.tcp("gdmf.apple.com", 80).verdict(), is(Verdict.TCP_REFUSED));
        }
    }
}
