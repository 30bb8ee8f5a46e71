package dev.orchard.probe;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import dev.orchard.catalog.Endpoint;
import dev.orchard.catalog.Transport;
import dev.orchard.lab.Lab;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Cuts and stalls in the TLS handshake are named by their cause, with the extra probe's finding. */
class HandshakeDiagnosisLabTest {

    private static final String HOST = "gateway.icloud.com";
    private static final Endpoint ROW = Endpoint.builder("icloud", HOST).ports(443).build();
    private static final Check TCP = new Check(CheckKind.TCP, 443, Transport.TCP);
    private static final Check TLS = new Check(CheckKind.TLS, 443, Transport.TCP);

    @Test
    void aResetOnTheClientHelloIsTcpResetPointingAtSniFiltering() {
        try (Lab lab = Lab.start().serve(HOST).resetOnClientHello(HOST, 443);
                Network network = lab.networkBuilder().timeout(Duration.ofSeconds(5)).build()) {
            assertThat("the port opens and holds", network.check(ROW, HOST, TCP).verdict(), is(Verdict.OK));
            ProbeResult result = network.check(ROW, HOST, TLS);
            assertThat(result.message(), result.verdict(), is(Verdict.TCP_RESET));
            assertThat(result.message(), allOf(containsString("right after our TLS ClientHello (SNI " + HOST + ")"),
                    containsString("stayed open"), containsString("filters TLS by SNI")));
        }
    }

    @Test
    void aResetSoonAfterConnectingIsTcpResetWhateverIsSent() {
        try (Lab lab = Lab.start().serve(HOST).resetAfter(HOST, 443, Duration.ofMillis(250));
                Network network = lab.networkBuilder().timeout(Duration.ofSeconds(1)).build()) {
            ProbeResult result = network.check(ROW, HOST, TLS);
            assertThat(result.message(), result.verdict(), is(Verdict.TCP_RESET));
            assertThat(result.message(), allOf(containsString("a second connection that sent nothing was cut too"),
                    containsString("exempt it from deep packet inspection")));
        }
    }

    @Test
    void aHandshakeThatStallsWithSmallPacketsTooIsAMiddleboxNotAnMtuBlackHole() {
        try (Lab lab = Lab.start().serve(HOST).tarpit(HOST, 443);
                Network network = lab.networkBuilder().timeout(Duration.ofMillis(800)).build()) {
            ProbeResult result = network.check(ROW, HOST, TLS);
            assertThat(result.message(), result.verdict(), is(Verdict.TLS_HANDSHAKE_TIMEOUT));
            assertThat(result.message(), allOf(containsString("small TCP receive window"),
                    containsString("not an MTU black hole"), containsString("a middlebox holds the connection")));
        }
    }
}
