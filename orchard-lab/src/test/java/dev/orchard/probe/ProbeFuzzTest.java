package dev.orchard.probe;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;

import dev.orchard.lab.HostileDnsServer;
import dev.orchard.lab.HostileHttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Random bytes from a server, with fixed seeds and a bounded number of rounds: every probe returns a result (it
 * never throws), within its timeout, with text that holds no control character. Random bytes are what a broken
 * middlebox sends, and what an attacker on the path sends on purpose. Every server ends the exchange after its
 * bytes, so each round ends on what the probe made of them, long before its timeout; a round that waits for its
 * timeout instead fuzzed nothing, and fails.
 */
class ProbeFuzzTest {

    /** Never reached by a round: generous, so that a loaded machine does not turn a parse into a timeout. */
    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final int ROUNDS = 12;
    private static final LabTrust LAB = LabTrust.create();

    private static void rounds(Supplier<ProbeResult> probe) {
        for (int i = 0; i < ROUNDS; i++) {
            ProbeResult result = Deadline.endsBefore(TIMEOUT.multipliedBy(3), probe);
            assertThat(result, notNullValue());
            assertThat("ended on the bytes, not on its timeout: " + result.message(), result.duration(),
                    lessThan(TIMEOUT));
            HostileNetworkTest.assertClean(result);
            assertThat(result.message().length(), lessThanOrEqualTo(dev.orchard.internal.Sanitizer.LINE));
        }
    }

    @Test
    void httpProbeDirectAndThroughAProxy() {
        try (HostileHttpServer server = HostileHttpServer.babbling(new Random(1))) {
            rounds(() -> new HttpProbe(TIMEOUT).probe(LoopbackRoute.to("captive.apple.com", 80, server.address()),
                    "captive.apple.com", 80));
            ProxyRoute proxy = new ProxyRoute(ProxySettings.parse("http://127.0.0.1:" + server.port()), true);
            rounds(() -> new HttpProbe(TIMEOUT).probe(proxy, "updates-http.cdn-apple.com", 80));
        }
    }

    /**
     * The direct rounds get random bytes in answer to their ClientHello; the proxy's rounds in answer to CONNECT,
     * or through the tunnel a CONNECT opened.
     */
    @Test
    void tlsProbeDirectAndThroughAProxysConnect() {
        try (HostileHttpServer server = HostileHttpServer.babblingFirst(new Random(2));
                HostileHttpServer proxyServer = HostileHttpServer.babblingTunnel(new Random(2))) {
            rounds(() -> new TlsProbe(LAB.anchors(), TIMEOUT).probe(LoopbackRoute.to("albert.apple.com", 443,
                    server.address()), "albert.apple.com", 443));
            ProxyRoute proxy = new ProxyRoute(ProxySettings.parse("http://127.0.0.1:" + proxyServer.port()), true);
            rounds(() -> new TlsProbe(LAB.anchors(), TIMEOUT).probe(proxy, "albert.apple.com", 443));
        }
    }

    /** An SSH client waits for the server's identification first: the random bytes are what it reads instead. */
    @Test
    void sshProbe() {
        try (HostileHttpServer server = HostileHttpServer.babblingFirst(new Random(3))) {
            rounds(() -> new SshProbe(TIMEOUT).probe("git.example.com", 22, LoopbackRoute.to("git.example.com", 22,
                    server.address()), List.of()));
        }
    }

    @Test
    void dnsNtpAndQuicProbes() throws IOException {
        try (HostileDnsServer server = HostileDnsServer.garbage(new Random(4))) {
            InetSocketAddress address = server.address();
            DnsProbe dns = new DnsProbe(List.of(address), TIMEOUT, List.of());
            // the resolver ignores the garbage, as it must, and ends on the real answer that follows it
            rounds(() -> dns.resolve("mdm.example.com").result());
            rounds(() -> NtpProbe.probe("time.apple.com", address, TIMEOUT));
            rounds(() -> QuicProbe.probe("gateway.icloud.com", address, TIMEOUT));
        }
    }

    /** The header parser on its own, with many more inputs than a socket round trip allows. */
    @Test
    void httpHeadParserThrowsOnlyIoExceptions() {
        Random random = new Random(5);
        for (int i = 0; i < 5_000; i++) {
            byte[] bytes = new byte[random.nextInt(600)];
            random.nextBytes(bytes);
            if (random.nextBoolean()) {
                byte[] head = ("HTTP/1.1 " + random.nextInt(1000) + " x\r\n").getBytes();
                System.arraycopy(head, 0, bytes, 0, Math.min(head.length, bytes.length));
            }
            try {
                HttpAnswer answer = HttpExchange.readHead(new ByteArrayInputStream(bytes));
                assertThat(answer.status() >= 0, is(true));
            } catch (IOException expected) {
                assertThat(expected.getMessage().chars().anyMatch(c -> c < 0x20), is(false));
            }
        }
    }
}
