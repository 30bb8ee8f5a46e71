package dev.orchard.probe;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;

import dev.orchard.catalog.Catalog;
import dev.orchard.catalog.Endpoint;
import dev.orchard.catalog.KnownAnswer;
import dev.orchard.catalog.Transport;
import dev.orchard.lab.Lab;
import dev.orchard.lab.LabAnswers;
import dev.orchard.lab.LabProxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Known answers and block pages against the in-JVM lab: every kind of the bundled catalog passes against healthy
 * lab answers, and block pages (direct, through the proxy, inside TLS) and wrong formats are HTTP_BLOCKED.
 */
class KnownAnswerLabTest {

    private static final Catalog CATALOG = Catalog.bundled();
    private static final Check HTTP = new Check(CheckKind.HTTP, 80, Transport.TCP);
    private static final Check TLS = new Check(CheckKind.TLS, 443, Transport.TCP);

    private static Endpoint row(String host) {
        return CATALOG.endpoints().stream().filter(e -> e.pattern().equals(host)).findFirst().orElseThrow();
    }

    private static Network network(Lab lab) {
        return lab.networkBuilder().timeout(Duration.ofSeconds(5)).build();
    }

    @Test
    void theBundledCatalogCarriesEveryKindAndAHealthyLabPassesThemAll() {
        Set<KnownAnswer.Kind> kinds = EnumSet.noneOf(KnownAnswer.Kind.class);
        List<String> failures = new ArrayList<>();
        try (Lab lab = Lab.forCatalog(CATALOG); Network network = network(lab)) {
            for (Endpoint endpoint : CATALOG.endpoints()) {
                if (endpoint.knownAnswer().isEmpty()) {
                    continue;
                }
                kinds.add(endpoint.knownAnswer().get().kind());
                Check check = endpoint.ports().contains(80) ? HTTP : TLS;
                ProbeResult result = network.check(endpoint, endpoint.pattern(), check);
                if (!result.passed() || !result.message().contains(endpoint.knownAnswer().get().describe())) {
                    failures.add(endpoint.pattern() + " " + check.displayName() + ": " + result.verdict() + " "
                            + result.message());
                }
            }
        }
        assertThat(kinds, is(EnumSet.allOf(KnownAnswer.Kind.class)));
        assertThat(failures, is(empty()));
    }

    @Test
    void aVendorBlockPageOnADirectPort80HostIsBlockedAndNamesTheVendor() {
        try (Lab lab = Lab.forCatalog(CATALOG).blockPage("crl.apple.com", "Zscaler"); Network network = network(lab)) {
            ProbeResult result = network.check(row("crl.apple.com"), "crl.apple.com", HTTP);
            assertThat(result.message(), result.verdict(), is(Verdict.HTTP_BLOCKED));
            assertThat(result.message(), allOf(containsString("Zscaler block page"), containsString("403"),
                    containsString("http://crl.apple.com/root.crl")));
        }
    }

    @Test
    void aWrongFormatInPlaceOfTheCrlIsBlocked() {
        try (Lab lab = Lab.forCatalog(CATALOG); Network network = network(lab)) {
            lab.answers().put("crl3.digicert.com", "/DigiCertGlobalRootG2.crl",
                    LabAnswers.ok("text/html", "<html>Welcome</html>".getBytes(StandardCharsets.UTF_8)));
            ProbeResult result = network.check(row("crl3.digicert.com"), "crl3.digicert.com", HTTP);
            assertThat(result.message(), result.verdict(), is(Verdict.HTTP_BLOCKED));
            assertThat(result.message(), allOf(containsString("should return a DER CRL issued by 'DigiCert Global "
                    + "Root G2'"), containsString("not DER"), containsString("text/html")));
        }
    }

    @Test
    void aCrlFromAnotherIssuerIsBlocked() {
        try (Lab lab = Lab.forCatalog(CATALOG); Network network = network(lab)) {
            LabAnswers answers = lab.answers();
            answers.put("crl.apple.com", "/root.crl", answers.healthy(new KnownAnswer(KnownAnswer.Kind.DER_CRL,
                    "/root.crl", "Corporate Filter CA", null)));
            ProbeResult result = network.check(row("crl.apple.com"), "crl.apple.com", HTTP);
            assertThat(result.message(), result.verdict(), is(Verdict.HTTP_BLOCKED));
            assertThat(result.message(), containsString("issued by 'Corporate Filter CA', not 'Apple Root CA'"));
        }
    }

    @Test
    void anOcspAnswerWithoutTheOcspContentTypeIsBlocked() {
        try (Lab lab = Lab.forCatalog(CATALOG); Network network = network(lab)) {
            lab.answers().put("ocsp.digicert.com", "/", LabAnswers.ok("application/octet-stream",
                    new byte[] {0x30, 0x03, 0x0A, 0x01, 0x00}));
            ProbeResult result = network.check(row("ocsp.digicert.com"), "ocsp.digicert.com", HTTP);
            assertThat(result.message(), result.verdict(), is(Verdict.HTTP_BLOCKED));
            assertThat(result.message(), allOf(containsString("POST http://ocsp.digicert.com/"),
                    containsString("application/ocsp-response")));
        }
    }

    @Test
    void aPlistWithoutTheExpectedKeyIsBlocked() {
        try (Lab lab = Lab.forCatalog(CATALOG); Network network = network(lab)) {
            KnownAnswer known = row("mesu.apple.com").knownAnswer().orElseThrow();
            lab.answers().put("mesu.apple.com", known.path(), LabAnswers.ok("application/xml",
                    "<?xml version=\"1.0\"?><plist version=\"1.0\"><dict><key>Other</key><string/></dict></plist>"
                            .getBytes(StandardCharsets.UTF_8)));
            ProbeResult result = network.check(row("mesu.apple.com"), "mesu.apple.com", HTTP);
            assertThat(result.message(), result.verdict(), is(Verdict.HTTP_BLOCKED));
            assertThat(result.message(), containsString("lacks the top-level key 'Assets'"));
        }
    }

    @Test
    void aBlockPageInsideTheTlsSessionOfAJsonHostIsBlocked() {
        try (Lab lab = Lab.forCatalog(CATALOG).blockPage("gdmf.apple.com", "Netskope");
                Network network = network(lab)) {
            ProbeResult result = network.check(row("gdmf.apple.com"), "gdmf.apple.com", TLS);
            assertThat(result.message(), result.verdict(), is(Verdict.HTTP_BLOCKED));
            assertThat(result.message(), allOf(containsString("Netskope"),
                    containsString("https://gdmf.apple.com/v2/pmv")));
        }
    }

    @Test
    void squidsBlockPageThroughTheProxyIsBlockedAndNamesSquid() {
        Endpoint proxied = CATALOG.endpoints().stream()
                .filter(e -> e.proxy() == dev.orchard.catalog.ProxySupport.YES && e.ports().contains(80)
                        && !e.isWildcard() && !e.pattern().equals("captive.apple.com"))
                .findFirst().orElseThrow();
        String host = proxied.pattern();
        try (Lab lab = Lab.forCatalog(CATALOG).useProxy().proxyPolicy(host, LabProxy.Policy.SQUID_BLOCK_PAGE);
                Network network = network(lab)) {
            ProbeResult result = network.check(proxied, host, HTTP);
            assertThat(result.message(), result.verdict(), is(Verdict.HTTP_BLOCKED));
            assertThat(result.message(), containsString("Squid block page"));
            assertThat(result.evidence().route(), containsString("proxy"));
        }
    }

    @Test
    void aSiteCatalogRowCanSetItsOwnAnswer() {
        Catalog site = Catalog.parse("""
                name: site
                source: {article: site, language: en, revision: 2026-08}
                services:
                  - id: pki
                    title: PKI
                    endpoints:
                      - host: crl.example.com
                        ports: [80]
                        answer: {kind: der-crl, path: /corp.crl, issuer: "Example Issuing CA"}
                """, "site.yaml");
        Endpoint endpoint = site.endpoints().get(0);
        assertThat(endpoint.knownAnswer().orElseThrow().issuer(), is("Example Issuing CA"));
        try (Lab lab = Lab.forCatalog(site); Network network = network(lab)) {
            assertThat(network.check(endpoint, "crl.example.com", HTTP).verdict(), is(Verdict.OK));
            lab.blockPage("crl.example.com", "Fortinet FortiGuard");
            ProbeResult blocked = network.check(endpoint, "crl.example.com", HTTP);
            assertThat(blocked.message(), blocked.verdict(), is(Verdict.HTTP_BLOCKED));
            assertThat(blocked.message(), containsString("Fortinet FortiGate"));
        }
    }
}
