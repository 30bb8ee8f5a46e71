package dev.orchard.catalog;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogDiffTest {

    private static final String OLDER = """
            name: Apple
            source: {article: Use Apple products on enterprise networks, language: en, revision: 2024-11}
            services:
              - id: mdm
                title: Device management
                endpoints:
                  - {host: deviceenrollment.apple.com, ports: [443], os: [ios, macos], proxy: no}
              - id: software-updates
                title: Software updates
                endpoints:
                  - {host: ns.itunes.apple.com, ports: [443], proxy: yes}
                  - {host: gdmf.apple.com, ports: [443], description: Software update catalog}
              - id: apps
                title: Apps and additional content
                endpoints:
                  - {host: sylvan.apple.com, ports: [80, 433], os: [tvos, macos]}
              - id: game-center
                title: Game Center
                endpoints:
                  - {host: gc.apple.com, ports: [443]}
            """;

    private static final String NEWER = """
            name: Apple
            source: {article: Use Apple products on enterprise networks, language: en, revision: 2026-03}
            services:
              - id: mdm
                title: Device management
                endpoints:
                  - {host: deviceenrollment.apple.com, ports: [443], os: [ios, macos], proxy: no}
                  - {host: axm-servicediscovery.apple.com, ports: [443]}
              - id: software-updates
                title: Software updates
                endpoints:
                  - {host: gdmf.apple.com, ports: [443], description: Software update catalogs}
              - id: apps
                title: Apps and additional content
                endpoints:
                  - {host: sylvan.apple.com, ports: [80, 443], transports: [tcp, udp], os: [tvos, macos, visionos], proxy: yes}
              - id: personas
                title: Spatial Personas
                endpoints:
                  - {host: personas.apple.com, ports: [443]}
            """;

    @Test
    void listsEveryChangeInPlainWordsInAFixedOrder() {
        CatalogDiff diff = CatalogDiff.between(Catalog.parse(OLDER, "older.yaml"), Catalog.parse(NEWER, "newer.yaml"));
        assertThat(diff.lines(), contains(
                "mdm: added axm-servicediscovery.apple.com 443/tcp",
                "software-updates: removed ns.itunes.apple.com",
                "apps: changed sylvan.apple.com ports 80, 433 → 80, 443",
                "apps: changed sylvan.apple.com transports tcp → tcp, udp",
                "apps: changed sylvan.apple.com os tvOS, macOS → tvOS, macOS, visionOS",
                "apps: changed sylvan.apple.com proxy not-stated → yes",
                "personas: added service 'Spatial Personas' with 1 row (personas.apple.com)",
                "game-center: removed service 'Game Center' and its 1 row (gc.apple.com)",
                "software-updates: changed gdmf.apple.com description 'Software update catalog' → 'Software update catalogs'"));
        assertThat(diff.structural(), hasSize(8));
        assertThat(diff.wording(), hasSize(1));
        assertThat(diff.isEmpty(), is(false));
        assertThat(diff.toString(), is(String.join("\n", diff.lines())));
        assertThat(diff.changes().get(0).kind(), is(Change.Kind.ADDED));
        assertThat(diff.changes().get(0).host(), is("axm-servicediscovery.apple.com"));
    }

    @Test
    void descriptionChangesComeAfterTheChangesAFirewallSees() {
        String older = """
                name: A
                source: {article: x, language: en, revision: 2024-11}
                services:
                  - id: apps
                    title: Apps
                    endpoints:
                      - {host: a.apple.com, ports: [443], description: One}
                      - {host: b.apple.com, ports: [443]}
                """;
        String newer = older.replace("description: One", "description: Two").replace("b.apple.com, ports: [443]",
                "b.apple.com, ports: [80]");
        CatalogDiff diff = CatalogDiff.between(Catalog.parse(older, "a.yaml"), Catalog.parse(newer, "b.yaml"));
        assertThat(diff.changes().stream().map(Change::kind).toList(),
                contains(Change.Kind.CHANGED, Change.Kind.DESCRIPTION_CHANGED));
        assertThat(diff.lines(), contains("apps: changed b.apple.com ports 443 → 80",
                "apps: changed a.apple.com description 'One' → 'Two'"));
    }

    @Test
    void aDescriptionInOnlyOneLanguageIsNotAChange() {
        String french = """
                name: A
                source: {article: x, language: fr, revision: 2024-11}
                services:
                  - id: apps
                    title: Apps
                    endpoints:
                      - {host: a.apple.com, ports: [443], descriptionFr: Validation}
                """;
        String english = french.replace("descriptionFr: Validation", "description: Validation of apps");
        assertThat(CatalogDiff.between(Catalog.parse(french, "fr.yaml"), Catalog.parse(english, "en.yaml")).isEmpty(),
                is(true));
    }

    @Test
    void identicalCatalogsHaveNoChanges() {
        Catalog catalog = Catalog.parse(OLDER, "older.yaml");
        CatalogDiff diff = CatalogDiff.between(catalog, catalog);
        assertThat(diff.isEmpty(), is(true));
        assertThat(diff.lines(), is(List.of()));
        assertThat(diff.toString(), is("no changes"));
    }

    @Test
    void theBundledCatalogDiffersFromItsArticleOnlyWhereAnErratumSaysSo() throws java.io.IOException {
        Catalog bundled = Catalog.bundled(BundledRevision.R2024_11);
        ArticleImport.Conversion article = ArticleImporterTest.french().convert("Article", bundled.source(), bundled);
        assertThat(article.catalog().endpoints().size(), is(139));
        CatalogDiff diff = CatalogDiff.between(bundled, article);
        assertThat(diff.lines(), is(List.of()));
        assertThat(article.notices(), org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.endsWith(
                ": ports cell '80, 433' read through the erratum of sylvan.apple.com in the baseline")));
        assertThat(article.notices(), org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.endsWith(
                ": proxy cell '__' read through the erratum of token.safebrowsing.apple.com in the baseline")));
    }
}
