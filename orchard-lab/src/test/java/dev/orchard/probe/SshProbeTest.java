package dev.orchard.probe;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.oneOf;

import dev.orchard.lab.FaultServer;
import dev.orchard.lab.LabSshServer;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SshProbeTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(1);
    private static final String HOST = "git.example.apple.com";
    private static final List<InetAddress> ADDRESSES = List.of(IpLiteral.parse("17.1.2.3").orElseThrow());

    private static ProbeResult probe(String connectTo) {
        Route route = new DirectRoute(ConnectTo.parseAll(List.of(connectTo)), ADDRESSES, true);
        return new SshProbe(TIMEOUT).probe(HOST, 22, route, ADDRESSES);
    }

    @Test
    void readsTheBanner() {
        try (LabSshServer server = LabSshServer.start()) {
            ProbeResult result = probe(server.connectTo(HOST, 22));
            assertThat(result.message(), result.verdict(), is(Verdict.OK));
            assertThat(result.evidence().server(), is(LabSshServer.BANNER));
            assertThat(result.evidence().connectedTo(), is("127.0.0.1:" + server.port()));
        }
    }

    @Test
    void acceptsALateBannerAfterOtherLines() {
        try (FaultServer slow = FaultServer.slow(Duration.ofMillis(300), "hello\r\nSSH-2.0-Lab\r\n")) {
            ProbeResult result = probe(slow.connectTo(HOST, 22));
            assertThat(result.message(), result.verdict(), is(Verdict.OK));
            assertThat(result.evidence().server(), is("SSH-2.0-Lab"));
        }
    }

    /** A banner is the server's text: control characters never reach the message, nor does an endless line. */
    @Test
    void aBannerWithControlCharactersIsQuotedSafely() {
        String banner = "SSH-2.0-Odd\u001b[2J" + "x".repeat(200) + "\r\n";
        try (FaultServer odd = FaultServer.slow(Duration.ZERO, banner)) {
            ProbeResult result = probe(odd.connectTo(HOST, 22));
            assertThat(result.message(), result.verdict(), is(Verdict.OK));
            assertThat(result.message(), not(containsString("\u001b")));
            assertThat(result.message().length(), lessThan(200));
        }
    }

    @Test
    void silenceIsNoBannerWithinTheTimeout() {
        try (FaultServer tarpit = FaultServer.tarpit()) {
            ProbeResult result = Deadline.endsWithin(TIMEOUT, () -> probe(tarpit.connectTo(HOST, 22)));
            assertThat(result.verdict(), is(Verdict.SSH_NO_BANNER));
            assertThat(result.message(), containsString("sent nothing within 1s"));
        }
    }

    @Test
    void anHttpAnswerIsNoBannerQuotingWhatArrived() {
        try (FaultServer proxy = FaultServer.slow(Duration.ZERO, "HTTP/1.1 403 Forbidden\r\n\r\n")) {
            ProbeResult result = probe(proxy.connectTo(HOST, 22));
            assertThat(result.verdict(), is(Verdict.SSH_NO_BANNER));
            assertThat(result.message(), containsString("it sent 'HTTP/1.1 403 Forbidden\\x0D\\x0A\\x0D\\x0A'"));
        }
    }

    @Test
    void anOldProtocolIsNoBanner() {
        try (FaultServer old = FaultServer.slow(Duration.ZERO, "SSH-1.5-Ancient\r\n")) {
            ProbeResult result = probe(old.connectTo(HOST, 22));
            assertThat(result.verdict(), is(Verdict.SSH_NO_BANNER));
            assertThat(result.message(), containsString("answered 'SSH-1.5-Ancient', not SSH 2.0"));
        }
    }

    @Test
    void aResetIsNoBanner() {
        try (FaultServer resetting = FaultServer.resetting()) {
            ProbeResult result = probe(resetting.connectTo(HOST, 22));
            // Normally after connecting (no banner); under heavy load the RST can beat connect() (a TCP reset).
            assertThat(result.message(), result.verdict(), is(oneOf(Verdict.SSH_NO_BANNER, Verdict.TCP_RESET)));
            assertThat(result.message(), containsString("reset"));
        }
    }

    @Test
    void aRefusedPortKeepsTheTcpVerdict() {
        try (FaultServer refusing = FaultServer.refusing()) {
            ProbeResult result = probe(refusing.connectTo(HOST, 22));
            assertThat(result.verdict(), is(Verdict.TCP_REFUSED));
        }
    }

    @Test
    void networkSshUsesConnectTo() {
        try (LabSshServer server = LabSshServer.start();
                Network network = Network.builder().loopbackOnly(true).timeout(TIMEOUT)
                        .connectTo(List.of(server.connectTo(HOST, 22))).build()) {
            assertThat(network.ssh(HOST, 22).evidence().server(), is(LabSshServer.BANNER));
        }
    }
}
