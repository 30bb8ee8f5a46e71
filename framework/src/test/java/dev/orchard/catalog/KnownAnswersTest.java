package dev.orchard.catalog;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.StringReader;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KnownAnswersTest {

    private static final String HEAD = """
            name: site
            source: {article: site, language: en, revision: 2026-08}
            services:
              - id: pki
                title: PKI
                endpoints:
                  - host: crl.example.com
                    ports: [80]
            """;

    @Test
    void everyBundledEntryNamesAHostOfTheBundledCatalog() {
        Map<String, KnownAnswer> bundled = KnownAnswers.bundled();
        Catalog catalog = Catalog.bundled();
        for (String host : bundled.keySet()) {
            assertThat(host, catalog.patterns().contains(host), is(true));
            assertThat(host, catalog.endpoints().stream().filter(e -> e.pattern().equals(host))
                    .allMatch(e -> e.knownAnswer().equals(java.util.Optional.of(bundled.get(host)))), is(true));
        }
        assertThat(bundled.get("crl.apple.com"),
                is(new KnownAnswer(KnownAnswer.Kind.DER_CRL, "/root.crl", "Apple Root CA", null)));
    }

    @Test
    void aRowsOwnAnswerWinsOverTheBundledOne() {
        Catalog parsed = Catalog.parse(HEAD.replace("crl.example.com", "crl.apple.com")
                + "        answer: {kind: der-crl, path: /site.crl, issuer: Site CA}\n", "site.yaml");
        Catalog merged = KnownAnswers.apply(parsed, KnownAnswers.bundled());
        assertThat(merged.endpoints().get(0).knownAnswer().orElseThrow().path(), is("/site.crl"));
    }

    @Test
    void theShortFormNamesTheKindAlone() {
        Catalog parsed = Catalog.parse(HEAD + "        answer: ocsp-response\n", "site.yaml");
        assertThat(parsed.endpoints().get(0).knownAnswer().orElseThrow(),
                is(new KnownAnswer(KnownAnswer.Kind.OCSP_RESPONSE, "/", null, null)));
    }

    @Test
    void anUnknownKindNamesTheFileLineAndTheKinds() {
        CatalogException e = assertThrows(CatalogException.class,
                () -> Catalog.parse(HEAD + "        answer: {kind: pdf, path: /x}\n", "site.yaml"));
        assertThat(e.getMessage(), allOf(containsString("site.yaml:9"), containsString("kind"),
                containsString("der-crl, der-certificate, ocsp-response, plist, json")));
    }

    @Test
    void aCrlWithoutAnIssuerIsAnErrorNamingTheLine() {
        CatalogException e = assertThrows(CatalogException.class,
                () -> Catalog.parse(HEAD + "        answer: {kind: der-crl, path: /x.crl}\n", "site.yaml"));
        assertThat(e.getMessage(), allOf(containsString("site.yaml:9"), containsString("needs an issuer")));
    }

    @Test
    void aKnownAnswersFileWithABadEntryNamesItsLine() {
        CatalogException e = assertThrows(CatalogException.class, () -> CatalogReader.readKnownAnswers(
                new StringReader("crl.apple.com: {kind: der-crl, path: /root.crl, issuer: A}\n"
                        + "ocsp.apple.com: {kind: ocsp, extra: 1}\n"), "answers.yaml"));
        assertThat(e.getMessage(), allOf(containsString("answers.yaml:2"), containsString("extra")));
    }
}
