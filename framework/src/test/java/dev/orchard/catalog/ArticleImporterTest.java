package dev.orchard.catalog;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.orchard.catalog.ArticleTable.Match;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ArticleImporterTest {

    static final String FRENCH = "dev/orchard/catalog/articles/2024-11.fr.txt";
    static final String ENGLISH = "dev/orchard/catalog/articles/2026-fixture.en.txt";

    static Reader resource(String name) {
        InputStream in = ArticleImporterTest.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("missing test resource " + name);
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    static ArticleImport french() throws IOException {
        try (Reader reader = resource(FRENCH)) {
            return ArticleImporter.read(reader, "2024-11.fr.txt");
        }
    }

    static ArticleImport english() throws IOException {
        Catalog known = Catalog.read(List.of("classpath:dev/orchard/catalog/known-services.yaml"));
        try (Reader reader = resource(ENGLISH)) {
            return ArticleImporter.read(reader, "2026-fixture.en.txt", known);
        }
    }

    @Test
    void theFrenchArticleHas21Tables139RowsAnd125Hosts() throws IOException {
        ArticleImport article = french();
        assertThat(article.language(), is("fr"));
        assertThat(article.tables(), hasSize(21));
        assertThat(article.rows(), hasSize(139));
        assertThat(article.hosts(), hasSize(125));
    }

    @Test
    void everyFrenchTableIsMappedByItsTitleInArticleOrder() throws IOException {
        ArticleImport article = french();
        assertThat(article.tables().stream().map(ArticleTable::serviceId).toList(), contains(
                "device-setup", "mdm", "business-school-manager", "business-school-manager-users",
                "business-essentials", "classroom", "software-updates", "apps", "carrier-updates",
                "content-caching", "content-caching-clients", "beta-updates", "diagnostics", "dns",
                "certificate-validation", "apple-account", "icloud", "apple-intelligence", "associated-domains",
                "tap-to-pay", "id-verifier"));
        assertThat(article.tables().stream().map(ArticleTable::match).toList(),
                everyItem(org.hamcrest.Matchers.oneOf(Match.TITLE, Match.SECOND_TABLE)));
        assertThat(article.table("content-caching-clients").orElseThrow().match(), is(Match.SECOND_TABLE));
        assertThat(article.table("business-school-manager").orElseThrow().title(),
                is("Apple Business Manager et Apple School Manager / Administrateurs et responsables"));
        assertThat(article.table("mdm").orElseThrow().line(), is(26));
    }

    @Test
    void frenchCellsAreConvertedAsPrinted() throws IOException {
        ArticleImport article = french();
        ArticleRow captive = row(article, "device-setup", "captive.apple.com");
        assertThat(captive.line(), is(15));
        assertThat(captive.ports(), contains(443, 80));
        assertThat(captive.transports(), contains(Transport.TCP));
        assertThat(captive.os(), is(EnumSet.of(OperatingSystem.IOS, OperatingSystem.IPADOS, OperatingSystem.TVOS,
                OperatingSystem.MACOS, OperatingSystem.VISIONOS)));
        assertThat(captive.proxy(), is(ProxySupport.YES));
        assertThat(row(article, "device-setup", "time-macos.apple.com").os(), is(Set.of(OperatingSystem.MACOS)));
        assertThat(row(article, "device-setup", "time.apple.com").transports(), contains(Transport.UDP));
        assertThat(row(article, "mdm", "*.push.apple.com").proxy(), is(ProxySupport.NOT_STATED));
        ArticleRow sftp = row(article, "business-school-manager", "upload.appleschoolcontent.com");
        assertThat(sftp.transports(), contains(Transport.TCP));
        assertThat(sftp.printed("transports"), is("SSH"));
        assertThat(sftp.os(), is(empty()));
        assertThat(row(article, "apple-intelligence", "cp4.cloudflare.com").transports(),
                contains(Transport.TCP, Transport.UDP));
        assertThat(row(article, "apps", "sylvan.apple.com").ports(), contains(80, 433));
        assertThat(row(article, "apps", "ppq.apple.com").description(), is("Validation des apps d’entreprise"));
    }

    @Test
    void rowsTheModelCannotTakeAsPrintedAreConvertedWithANotice() throws IOException {
        ArticleImport article = french();
        ArticleRow fonts = row(article, "business-school-manager", "www.apple.com");
        assertThat(fonts.printedHost(), is("www.apple.com/fr"));
        assertThat(article.notices(), hasItem("2024-11.fr.txt:" + fonts.line()
                + ": host 'www.apple.com/fr' is a URL; took its host www.apple.com"));

        ArticleRow gs = row(article, "device-setup", "gs.apple.com");
        assertThat(gs.proxy(), is(ProxySupport.YES));
        assertThat(gs.description(), is(""));
        assertThat(gs.printed("proxy"), is("Oui"));
        assertThat(article.notices(), hasItem("2024-11.fr.txt:" + gs.line() + ": the description cell holds the"
                + " proxy value 'Oui' and the proxy cell is empty; read it as proxy yes with no description"));

        ArticleRow services = row(article, "mdm", "deviceservices-external.apple.com");
        assertThat(services.proxy(), is(ProxySupport.NO));
        assertThat(services.description(), is(""));

        ArticleRow safeBrowsing = row(article, "apps", "token.safebrowsing.apple.com");
        assertThat(safeBrowsing.proxy(), is(ProxySupport.NO));
        assertThat(article.notices(), hasItem("2024-11.fr.txt:" + safeBrowsing.line()
                + ": proxy cell '__' read as '—' (no)"));
        // Eight shifted rows, one URL, one typo: every notice names its line.
        assertThat(article.notices(), hasSize(10));
        assertThat(article.notices(), everyItem(org.hamcrest.Matchers.startsWith("2024-11.fr.txt:")));
    }

    @Test
    void englishHeadersAndThe2026TitlesMapToTheSameServices() throws IOException {
        ArticleImport article = english();
        assertThat(article.language(), is("en"));
        assertThat(article.tables().stream().map(ArticleTable::serviceId).toList(), contains("mdm",
                "business-school-manager", "business-essentials", "software-updates", "content-caching",
                "content-caching-clients", "spatial-personas"));
        assertThat(article.table("business-school-manager").orElseThrow().title(),
                is("Apple School Manager and Apple Business / Administrators and managers"));
        assertThat(article.table("business-essentials").orElseThrow().match(), is(Match.TITLE));
        ArticleRow push = row(article, "mdm", "*.push.apple.com");
        assertThat(push.os(), hasSize(5));
        assertThat(push.ports(), contains(443, 80, 5223, 2197));
        assertThat(row(article, "mdm", "axm-servicediscovery.apple.com").proxy(), is(ProxySupport.YES));
        assertThat(row(article, "software-updates", "swcdn.apple.com").os(), is(Set.of(OperatingSystem.MACOS)));
        assertThat(row(article, "content-caching-clients", "lcdn-locator.apple.com").printed("ports"), is("443"));
    }

    @Test
    void aTableWithAnUnknownTitleIsMatchedByItsHostsAndSaysSo() throws IOException {
        ArticleImport article = english();
        ArticleTable table = article.table("software-updates").orElseThrow();
        assertThat(table.title(), is("Keeping your Mac up to date"));
        assertThat(table.match(), is(Match.HOSTS));
        assertThat(article.notices(), hasItem("2026-fixture.en.txt:" + table.line()
                + ": table 'Keeping your Mac up to date' matched to software-updates by its hosts (3 of 4)"));
    }

    @Test
    void unknownTitlesAreMatchedAgainstTheBundledCatalogByDefault() throws IOException {
        ArticleImport article;
        try (Reader reader = resource(ENGLISH)) {
            article = ArticleImporter.read(reader, "2026-fixture.en.txt");
        }
        ArticleTable table = article.table("software-updates").orElseThrow();
        assertThat(table.match(), is(Match.HOSTS));
        assertThat(article.notices(), hasItem("2026-fixture.en.txt:" + table.line()
                + ": table 'Keeping your Mac up to date' matched to software-updates by its hosts (3 of 4)"));
        assertThat(article.table("spatial-personas").orElseThrow().match(), is(Match.NEW));
    }

    @Test
    void aTableSharingNoHostBecomesANewServiceAndSaysSo() throws IOException {
        ArticleImport article = english();
        ArticleTable table = article.table("spatial-personas").orElseThrow();
        assertThat(table.match(), is(Match.NEW));
        assertThat(article.notices(), hasItem("2026-fixture.en.txt:" + table.line() + ": table 'Spatial Personas'"
                + " has an unknown title and shares no host with a known service; made the new service spatial-personas"));
    }

    @Test
    void anImportBecomesACatalogWithProbeHostsFromAKnownCatalog() throws IOException {
        Catalog known = Catalog.read(List.of("classpath:dev/orchard/catalog/known-services.yaml"));
        Catalog catalog = english().toCatalog("Apple 2026", new Source("Use Apple products", "en", "2026-03"), known);
        Endpoint push = catalog.service("mdm").endpoints().get(0);
        assertThat(push.pattern(), is("*.push.apple.com"));
        assertThat(push.probeHosts().get(0).host(), is("1-courier.push.apple.com"));
        assertThat(push.description(), is("Push notifications"));
        assertThat(push.location(), is(new Location("2026-fixture.en.txt", 9)));
        assertThat(catalog.service("business-essentials").title(), is("Apple Business device management"));
        assertThat(catalog.service("business-school-manager").endpoints().get(1).pattern(), is("www.apple.com"));
    }

    @Test
    void aWildcardWithNoKnownProbeHostIsAnErrorNotAnInventedHost() throws IOException {
        Catalog empty = new Catalog("empty", new Source("x", "en", "2026-01"), List.of());
        CatalogException error = assertThrows(CatalogException.class,
                () -> english().toCatalog("Apple 2026", new Source("x", "en", "2026-03"), empty));
        assertThat(error.getMessage(), containsString("2026-fixture.en.txt:9: probeHosts: wildcard *.push.apple.com"
                + " has no probe host in empty; expected a catalog row for it with probeHosts"));
    }

    @Test
    void cellsTheModelCannotTakeBecomeNoticesAndTheClosestReading() {
        String text = """
                Device management
                Hosts | Ports | Protocol | OS | Description | Supports proxies |
                ---|---|---|---|---|---|
                mdm.apple.com | https | TCP | iOS | MDM | Yes |
                push.apple.com | 443 | QUIC | iOS | Push | Yes |
                a.apple.com | 443 | TCP | Android, iOS | X | Yes |
                b.apple.com | 443 | TCP | iOS | X | Learn more about proxies. |
                c.apple.com | 443 | TCP | iOS |
                d.apple.com* | 443, 70000 | TCP | iOS | X | — |
                """;
        ArticleImport article = ArticleImporter.read(new StringReader(text), "bad.txt", Catalog.parse(EMPTY, "e.yaml"));
        assertThat(article.rows().stream().map(ArticleRow::host).toList(),
                contains("push.apple.com", "a.apple.com", "b.apple.com", "c.apple.com", "d.apple.com"));
        List<String> notices = article.notices();
        assertThat(notices, hasItem("bad.txt:4: ports cell 'https' names no port; left the row out"));
        assertThat(notices, hasItem("bad.txt:5: protocol cell 'QUIC' is not TCP, UDP or SSH ('QUIC' unknown); read it as tcp"));
        assertThat(notices, hasItem("bad.txt:6: 'Android' in OS cell 'Android, iOS' is not a platform (iOS, iPadOS,"
                + " tvOS, watchOS, macOS, visionOS); left it out"));
        assertThat(notices, hasItem("bad.txt:7: proxy cell 'Learn more about proxies.' is not Yes/Oui, — or empty"
                + " (a link or a remark); read it as not stated"));
        assertThat(notices, hasItem("bad.txt:8: has 4 cells; expected 6 like the header on line 2; read the missing"
                + " cells as empty"));
        assertThat(notices, hasItem("bad.txt:9: host cell 'd.apple.com*' ends with the footnote mark '*'; read it without"));
        assertThat(notices, hasItem("bad.txt:9: port 70000 is out of range 1 to 65535; left it out"));
        assertThat(row(article, "mdm", "a.apple.com").os(), is(Set.of(OperatingSystem.IOS)));
        assertThat(row(article, "mdm", "b.apple.com").proxy(), is(ProxySupport.NOT_STATED));
        assertThat(row(article, "mdm", "d.apple.com").ports(), contains(443));
    }

    @Test
    void textWithoutTablesIsAnError() {
        CatalogException error = assertThrows(CatalogException.class, () -> ArticleImporter.read(
                new StringReader("Just a page\nwith no tables.\n"), "page.txt", Catalog.parse(EMPTY, "empty.yaml")));
        assertThat(error.getMessage(), containsString("page.txt:1: has no host table; expected pipe tables"));
        CatalogException html = assertThrows(CatalogException.class, () -> ArticleInput.parse(
                "<html><body><h2>Hosts</h2><p>None today.</p></body></html>", true, "page.html", () -> null));
        assertThat(html.getMessage(), containsString("page.html:1: has no host table"));
    }

    static final String EMPTY = """
            name: Empty
            source: {article: x, language: en, revision: 2026-01}
            services: []
            """;

    static ArticleRow row(ArticleImport article, String service, String host) {
        return article.table(service).orElseThrow().rows().stream().filter(r -> r.host().equals(host)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + host + " in " + service));
    }
}
