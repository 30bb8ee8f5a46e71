package dev.orchard.probe;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import dev.orchard.lab.QuicResponder;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The QUIC probe against the lab QUIC responder and a closed port, all on loopback. */
class QuicProbeTest {

    private static final Duration TIMEOUT = Duration.ofMillis(500);
    private static final String HOST = "www.apple.com";

    @Test
    void aValidVersionNegotiationPasses() throws IOException {
        try (QuicResponder quic = QuicResponder.start(QuicResponder.Mode.OK)) {
            ProbeResult result = QuicProbe.probe(HOST, quic.address(), TIMEOUT);

            assertThat(result.message(), result.verdict(), is(Verdict.OK));
            assertThat(result.evidence().detail(), equalTo("versions offered: 0x00000001, 0x6b3343cf"));
            assertThat(result.evidence().connectedTo(), equalTo("127.0.0.1:" + quic.address().getPort()));
        }
    }

    @Test
    void theInitialIsAPaddedLongHeaderWithAReservedVersion() {
        byte[] dcid = new byte[8];
        byte[] scid = new byte[20];
        byte[] packet = QuicProbe.initial(0x1a2a3a4a, dcid, scid);

        assertThat(packet.length, is(1200));
        assertThat(packet[0] & 0xC0, is(0xC0));
        ByteBuffer buffer = ByteBuffer.wrap(packet);
        assertThat(buffer.getInt(1), is(0x1a2a3a4a));
        assertThat(Byte.toUnsignedInt(packet[5]), is(8));
        assertThat(Byte.toUnsignedInt(packet[14]), is(20));
        int lengthField = buffer.getShort(36) & 0x3FFF;
        assertThat(lengthField, is(1200 - 38));
    }

    @Test
    void aSilentEndpointIsNoResponseWithinTheTimeout() throws IOException {
        try (QuicResponder quic = QuicResponder.start(QuicResponder.Mode.OK)) {
            UdpProbeChecks.silentServer(QuicProbe::probe, HOST, quic.address(), TIMEOUT,
                    () -> quic.mode(QuicResponder.Mode.SILENT), quic::requests);
        }
    }

    @Test
    void aClosedPortIsRefused() throws IOException {
        ProbeResult result = UdpProbeChecks.closedPort(QuicProbe::probe, HOST, TIMEOUT);

        assertThat(result.message(), containsString("ICMP port unreachable"));
    }

    static Stream<Arguments> invalidReplies() {
        return Stream.of(
                Arguments.of(QuicResponder.Fault.UNECHOED_CONNECTION_IDS, "does not echo our source connection ID"),
                Arguments.of(QuicResponder.Fault.NOT_VERSION_NEGOTIATION, "version is 0x00000001, not 0"),
                Arguments.of(QuicResponder.Fault.NO_VERSION_1, "does not offer QUIC version 1 (versions offered:"
                        + " 0x6b3343cf)"));
    }

    @ParameterizedTest
    @MethodSource("invalidReplies")
    void aMangledReplyIsInvalidAndSaysWhatIsWrong(QuicResponder.Fault fault, String problem) throws IOException {
        try (QuicResponder quic = QuicResponder.invalid(fault)) {
            ProbeResult result = QuicProbe.probe(HOST, quic.address(), TIMEOUT);

            assertThat(result.verdict(), is(Verdict.QUIC_INVALID));
            assertThat(result.message(), containsString(problem));
        }
    }
}
