package dev.orchard.probe;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import dev.orchard.lab.LabHttpServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HttpProbeTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    private static final String CAPTIVE = "captive.apple.com";

    private static ProbeResult probe(LabHttpServer server, String host) {
        return new HttpProbe(TIMEOUT).probe(LoopbackRoute.to(host, 80, server.address()), host, 80);
    }

    @Test
    void captiveAppleComAnsweringSuccessPasses() {
        try (LabHttpServer server = LabHttpServer.start(LabHttpServer.Mode.NORMAL)) {
            ProbeResult result = probe(server, CAPTIVE);
            assertThat(result.message(), result.verdict(), is(Verdict.OK));
            assertThat(result.evidence().httpStatus(), is(200));
            assertThat(result.message(), containsString("http://captive.apple.com/hotspot-detect.html"));
            assertThat(server.requests(), is(1));
        }
    }

    @Test
    void anOriginAnswerPassesWhateverItsStatus() {
        try (LabHttpServer server = LabHttpServer.start(LabHttpServer.Mode.NORMAL)) {
            server.respond("/", 404, "not here");
            ProbeResult result = probe(server, "updates-http.cdn-apple.com");
            assertThat(result.message(), result.verdict(), is(Verdict.OK));
            assertThat(result.evidence().httpStatus(), is(404));
            assertThat(result.evidence().server(), is("Orchard lab origin"));
        }
    }

    @Test
    void aRedirectToAPortalIsACaptivePortal() {
        try (LabHttpServer server = LabHttpServer.start(LabHttpServer.Mode.CAPTIVE_PORTAL_REDIRECT)) {
            ProbeResult result = probe(server, CAPTIVE);
            assertThat(result.verdict(), is(Verdict.HTTP_CAPTIVE_PORTAL));
            assertThat(result.message(), containsString("redirected to " + LabHttpServer.PORTAL_LOGIN));
            assertThat(result.evidence().httpStatus(), is(302));
            assertThat("redirects are not followed", server.requests(), is(1));
        }
    }

    @Test
    void aLoginPageInsteadOfSuccessIsACaptivePortal() {
        try (LabHttpServer server = LabHttpServer.start(LabHttpServer.Mode.CAPTIVE_PORTAL_PAGE)) {
            ProbeResult result = probe(server, CAPTIVE);
            assertThat(result.verdict(), is(Verdict.HTTP_CAPTIVE_PORTAL));
            assertThat(result.message(), containsString("without \"Success\""));
        }
    }

    @Test
    void aFiltersBlockPageIsBlocked() {
        try (LabHttpServer server = LabHttpServer.start(LabHttpServer.Mode.BLOCK_PAGE)) {
            ProbeResult result = probe(server, "updates-http.cdn-apple.com");
            assertThat(result.verdict(), is(Verdict.HTTP_BLOCKED));
            assertThat(result.evidence().httpStatus(), is(403));
            assertThat(result.evidence().server(), is(LabHttpServer.FILTER_SERVER));
            assertThat(result.message(), containsString(LabHttpServer.FILTER_SERVER));
        }
    }

    @Test
    void anOrigins403WithoutMiddleboxHeadersPasses() {
        try (LabHttpServer server = LabHttpServer.start(LabHttpServer.Mode.NORMAL)) {
            server.respond("/", 403, "forbidden by the origin");
            ProbeResult result = probe(server, "updates-http.cdn-apple.com");
            assertThat(result.message(), result.verdict(), is(Verdict.OK));
        }
    }
}
