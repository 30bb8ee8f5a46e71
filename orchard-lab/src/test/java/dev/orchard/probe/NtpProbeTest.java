package dev.orchard.probe;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import dev.orchard.lab.NtpResponder;
import java.io.IOException;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The NTP probe against the lab NTP responder and a closed port, all on loopback. */
class NtpProbeTest {

    private static final Duration TIMEOUT = Duration.ofMillis(500);
    private static final String HOST = "time.apple.com";

    @Test
    void aValidServerReplyPasses() throws IOException {
        try (NtpResponder ntp = NtpResponder.start(NtpResponder.Mode.OK)) {
            ProbeResult result = NtpProbe.probe(HOST, ntp.address(), TIMEOUT);

            assertThat(result.message(), result.verdict(), is(Verdict.OK));
            assertThat(result.evidence().connectedTo(), equalTo("127.0.0.1:" + ntp.address().getPort()));
            assertThat(result.evidence().detail(), containsString("stratum 2, reference id 127.0.0.1"));
            assertThat(ntp.requests(), is(1));
        }
    }

    @Test
    void theRequestIsA48ByteNtpv4ClientPacketWithATransmitTimestamp() {
        byte[] request = NtpProbe.request();

        assertThat(request.length, is(48));
        assertThat(request[0] & 0x07, is(3));
        assertThat((request[0] >> 3) & 0x07, is(4));
        long seconds = java.nio.ByteBuffer.wrap(request).getLong(40) >>> 32;
        long expected = System.currentTimeMillis() / 1000 + NtpProbe.SECONDS_1900_TO_1970;
        assertThat(Math.abs(seconds - expected) <= 2, is(true));
    }

    @Test
    void aSilentServerIsNoResponseWithinTheTimeout() throws IOException {
        try (NtpResponder ntp = NtpResponder.start(NtpResponder.Mode.OK)) {
            ProbeResult result = UdpProbeChecks.silentServer(NtpProbe::probe, HOST, ntp.address(), TIMEOUT,
                    () -> ntp.mode(NtpResponder.Mode.SILENT), ntp::requests);

            assertThat(result.message(), containsString("no NTP reply from 127.0.0.1:" + ntp.address().getPort()));
        }
    }

    @Test
    void aClosedPortIsRefused() throws IOException {
        ProbeResult result = UdpProbeChecks.closedPort(NtpProbe::probe, HOST, TIMEOUT);

        assertThat(result.message(), containsString(Verdict.UDP_REFUSED.remedy()));
    }

    static Stream<Arguments> invalidReplies() {
        return Stream.of(
                Arguments.of(NtpResponder.Fault.WRONG_MODE, "mode 3, not a server reply (mode 4)"),
                Arguments.of(NtpResponder.Fault.UNECHOED_ORIGIN, "does not echo our transmit timestamp"),
                Arguments.of(NtpResponder.Fault.STRATUM_ZERO, "kiss-o'-death with code \"RATE\""));
    }

    @ParameterizedTest
    @MethodSource("invalidReplies")
    void aMangledReplyIsInvalidAndSaysWhatIsWrong(NtpResponder.Fault fault, String problem) throws IOException {
        try (NtpResponder ntp = NtpResponder.invalid(fault)) {
            ProbeResult result = NtpProbe.probe(HOST, ntp.address(), TIMEOUT);

            assertThat(result.verdict(), is(Verdict.NTP_INVALID));
            assertThat(result.message(), containsString(problem));
        }
    }

    @Test
    void theModeCanChangeWhileRunning() throws IOException {
        try (NtpResponder ntp = NtpResponder.start(NtpResponder.Mode.OK)) {
            assertThat(NtpProbe.probe(HOST, ntp.address(), TIMEOUT).verdict(), is(Verdict.OK));
            ntp.mode(NtpResponder.Mode.INVALID).fault(NtpResponder.Fault.UNECHOED_ORIGIN);
            assertThat(NtpProbe.probe(HOST, ntp.address(), TIMEOUT).verdict(), is(Verdict.NTP_INVALID));
        }
    }
}
