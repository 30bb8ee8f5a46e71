package dev.orchard.probe;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import dev.orchard.lab.HostileDnsServer;
import dev.orchard.lab.HostileHttpServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The probes against servers that answer as hostile or broken networks do; see the lab's Hostile* servers. */
class HostileNetworkTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    /**
     * The timeout of the probes that wait out a stalled body, as they must: the head reaches them in a few
     * milliseconds on loopback, so half a second leaves room on a loaded machine without waiting seconds per test.
     */
    private static final Duration STALL = Duration.ofMillis(500);
    /** Above the 10% Deadline allows: the tolerance the 2 s timeout these tests had gave, on a loaded machine. */
    private static final Duration STALL_SLACK = Duration.ofMillis(150);
    private static final LabTrust LAB = LabTrust.create();
    static final String USER = "alice";
    static final String PASSWORD = "S3cret/Pw%";
    static final String URL_PASSWORD = "S3cret%2FPw%25";

    /** Every spelling of the credentials that must never be printed. */
    static List<String> secretForms() {
        return List.of(PASSWORD, URL_PASSWORD, USER + ":" + PASSWORD, USER + ":" + URL_PASSWORD,
                Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)),
                "S3cret%2fPw%25");
    }

    /** Every text of a result, as reports would print it. */
    static List<String> texts(ProbeResult result) {
        Evidence e = result.evidence();
        List<String> texts = new ArrayList<>(List.of(result.message()));
        for (String text : new String[] {e.server(), e.detail(), e.route(), e.connectedTo(), e.tlsVersion()}) {
            if (text != null) {
                texts.add(text);
            }
        }
        texts.addAll(e.addresses());
        texts.addAll(e.cnameChain());
        return texts;
    }

    static void assertClean(ProbeResult result) {
        for (String text : texts(result)) {
            for (String secret : secretForms()) {
                assertThat(text, not(containsString(secret)));
            }
            assertThat(text, text.chars().anyMatch(c -> c < 0x20 || (c >= 0x7F && c <= 0x9F)), is(false));
        }
    }

    private static ProbeResult resolveThrough(HostileDnsServer.Mode mode) throws Exception {
        try (HostileDnsServer dns = HostileDnsServer.start(mode)) {
            return new DnsProbe(List.of(dns.address()), TIMEOUT, List.of()).resolve("mdm.example.com").result();
        }
    }

    @Test
    void aStrayIdAndAForgedSourceAreIgnoredUntilTheRealAnswer() throws Exception {
        ProbeResult result = resolveThrough(HostileDnsServer.Mode.STRAY_IDS);
        assertThat(result.message(), result.verdict(), is(Verdict.OK));
        assertThat(result.evidence().addresses(), hasItem(HostileDnsServer.ADDRESS));
    }

    @Test
    void anOversizedReplyWithoutTruncationIsRead() throws Exception {
        ProbeResult result = resolveThrough(HostileDnsServer.Mode.OVERSIZED);
        assertThat(result.message(), result.verdict(), is(Verdict.OK));
        assertThat(result.evidence().addresses().size(), is(HostileDnsServer.OVERSIZED_RECORDS));
    }

    @Test
    void aTruncatedReplyIsAskedAgainOverTcp() throws Exception {
        ProbeResult result = resolveThrough(HostileDnsServer.Mode.TRUNCATED);
        assertThat(result.message(), result.verdict(), is(Verdict.OK));
        assertThat(result.evidence().addresses().size(), is(HostileDnsServer.OVERSIZED_RECORDS));
    }

    @Test
    void controlBytesInTheStatusLineAndHeadersAreEscaped() {
        String head = "HTTP/1.1 302 Found\u001b[2J\u0007\r\nLocation: http://portal.invalid/\u0000\u001b[31m\rX"
                + "\r\nServer: nginx\u001b]0;pwned\u0007\n[INFO] BUILD SUCCESS";
        try (HostileHttpServer server = HostileHttpServer.answering(head)) {
            ProbeResult result = new HttpProbe(TIMEOUT).probe(LoopbackRoute.to("captive.apple.com", 80,
                    server.address()), "captive.apple.com", 80);
            assertThat(result.verdict(), is(Verdict.HTTP_CAPTIVE_PORTAL));
            assertThat(result.evidence().httpStatus(), is(302));
            assertThat(result.evidence().server(), is("nginx\\x1B]0;pwned\\x07\\x0A[INFO] BUILD SUCCESS"));
            assertThat(result.message(), containsString("http://portal.invalid/\\x00\\x1B[31m\\x0DX"));
            assertClean(result);
        }
    }

    @Test
    void aHeadFollowedByAStalledBodyIsTheAnswer() {
        try (HostileHttpServer server = HostileHttpServer.stallingBody("HTTP/1.1 200 OK\r\nServer: slow", "par")) {
            ProbeResult result = Deadline.endsWithin(STALL, STALL_SLACK, () -> new HttpProbe(STALL).probe(
                    LoopbackRoute.to("updates-http.cdn-apple.com", 80, server.address()), "updates-http.cdn-apple.com",
                    80));
            assertThat(result.message(), result.verdict(), is(Verdict.OK));
            assertThat(result.evidence().httpStatus(), is(200));
            assertThat(result.message(), containsString("the body stopped after 3 bytes"));
        }
    }

    @Test
    void captiveAppleComWithAStalledBodyIsATimeoutThatShowsTheStatus() {
        try (HostileHttpServer server = HostileHttpServer.stallingBody("HTTP/1.1 200 OK", "Succ")) {
            ProbeResult result = Deadline.endsWithin(STALL, STALL_SLACK, () -> new HttpProbe(STALL).probe(
                    LoopbackRoute.to("captive.apple.com", 80, server.address()), "captive.apple.com", 80));
            assertThat(result.verdict(), is(Verdict.TCP_TIMEOUT));
            assertThat(result.evidence().httpStatus(), is(200));
        }
    }

    @Test
    void aProxysTwoHundredFollowedByGarbageIsTheAnswer() {
        try (HostileHttpServer proxy = HostileHttpServer.stallingBody("HTTP/1.1 200 OK",
                "\u0000\u00ff\u001b garbage")) {
            ProxyRoute route = new ProxyRoute(ProxySettings.parse("http://127.0.0.1:" + proxy.port()), true);
            ProbeResult result = Deadline.endsWithin(STALL, STALL_SLACK, () -> new HttpProbe(STALL).probe(route,
                    "updates-http.cdn-apple.com", 80));
            assertThat(result.message(), result.verdict(), is(Verdict.OK));
            assertThat(result.evidence().httpStatus(), is(200));
            assertClean(result);
        }
    }

    @ParameterizedTest
    @EnumSource(HostileHttpServer.Echo.class)
    void anEchoingProxyLeavesNoTraceOfTheCredentials(HostileHttpServer.Echo echo) {
        try (HostileHttpServer proxy = HostileHttpServer.echoingProxy(echo)) {
            ProxyRoute route = new ProxyRoute(ProxySettings.parse(proxy.url(USER, URL_PASSWORD)), true);
            ProbeResult http = new HttpProbe(TIMEOUT).probe(route, "updates-http.cdn-apple.com", 80);
            assertThat(http.message(), http.verdict(), is(Verdict.PROXY_DENIED));
            assertThat(http.evidence().httpStatus(), is(403));
            assertClean(http);
            ProbeResult tls = new TlsProbe(LAB.anchors(), TIMEOUT).probe(route, "albert.apple.com", 443);
            assertThat(tls.message(), tls.verdict(), is(Verdict.PROXY_DENIED));
            assertClean(tls);
        }
    }
}
