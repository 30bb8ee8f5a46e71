package dev.orchard.catalog;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.orchard.probe.Network;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The three forms of the article (saved HTML page, URL, text) read to the same rows; our HTML fixtures follow the
 * structure of Apple's support pages. URLs are served by MockWebServer on loopback, never by Apple.
 */
class ArticleInputTest {

    private static final String DIR = "dev/orchard/catalog/articles/";

    static String fixture(String name) {
        return BundledCatalogTest.resource(DIR + name);
    }

    private static List<String> rows(ArticleImport article) {
        return article.tables().stream().flatMap(t -> t.rows().stream().map(r -> t.serviceId() + " " + r.host()
                + " " + r.ports() + " " + r.transports() + " " + r.os() + " " + r.proxy() + " " + r.description()))
                .toList();
    }

    @Test
    void theSavedEnglishPageReadsAsTheTextForm() {
        Catalog bundled = Catalog.bundled();
        ArticleImport html = ArticleInput.parse(fixture("2026-08.en.html"), true, "101555.html", () -> bundled);
        ArticleImport text = ArticleImporter.read(new StringReader(fixture("2026-08.en.txt")), "2026-08.en.txt",
                bundled);
        assertThat(html.language(), is("en"));
        assertThat(html.rows(), hasSize(148));
        assertThat(html.hosts(), hasSize(134));
        assertThat(rows(html), is(rows(text)));
        assertThat(html.tables().stream().map(ArticleTable::match).distinct().toList(),
                contains(ArticleTable.Match.TITLE, ArticleTable.Match.SECOND_TABLE));
        assertThat(html.notes(), hasItem(containsString("April 2025: Removed a host (ns.itunes.apple.com)")));
        CatalogDiff diff = CatalogDiff.between(bundled, html.convert("page", bundled.source(), bundled));
        assertThat(diff.toString(), diff.changes(), is(empty()));
    }

    @Test
    void theLinkInThePushRowIsReadAsItsTextWithANoticeNamingThePageLine() {
        String page = fixture("2026-08.en.html");
        ArticleImport html = ArticleInput.parse(page, true, "101555.html", Catalog::bundled);
        ArticleRow push = html.table("mdm").orElseThrow().rows().get(0);
        assertThat(push.printed("proxy"), is("Learn more about APNs and proxies."));
        int line = page.lines().toList().indexOf(page.lines().filter(l -> l.contains("*.push.apple.com"))
                .findFirst().orElseThrow()) + 1;
        assertThat(push.line(), is(line));
        assertThat(html.notices(), hasItem("101555.html:" + line + ": proxy cell 'Learn more about APNs and "
                + "proxies.' is not Yes/Oui, — or empty (a link or a remark); read it as not stated"));
    }

    @Test
    void theSavedFrenchPageIsFrenchAndReadsAsItsText() {
        Catalog older = Catalog.bundled(BundledRevision.R2024_11);
        ArticleImport html = ArticleInput.parse(fixture("2024-11.fr.html"), true, "101555.fr.html", () -> older);
        ArticleImport text = ArticleImporter.read(new StringReader(BundledCatalogTest.resource(
                "dev/orchard/catalog/articles/2024-11.fr.txt")), "2024-11.fr.txt", older);
        assertThat(html.language(), is("fr"));
        assertThat(rows(html), is(rows(text)));
    }

    /** The invented later revision: exactly the additions, removals and edits written into it. */
    static final List<String> LATER_CHANGES = List.of(
            "device-setup: changed time.apple.com os iOS, iPadOS, tvOS, macOS, visionOS → iOS, iPadOS, tvOS, watchOS, macOS, visionOS",
            "mdm: added axm-enrollment-relay.apple.com 443/tcp",
            "mdm: changed ppq.apple.com service apps → mdm",
            "apps: changed sylvan.apple.com proxy no → yes",
            "carrier-updates: removed itunes.com",
            "apple-vision-pro: added service 'Apple Vision Pro' with 1 row (visionpro-setup.apple.com)",
            "apple-vision-pro: added *.vision-cdn.apple.com 443/tcp+udp (needs a probe host)",
            "device-setup: changed albert.apple.com description 'Device activation' → 'Device activation and reactivation'");

    static CatalogDiff laterDiff(ArticleImport later) {
        Catalog bundled = Catalog.bundled();
        return CatalogDiff.between(bundled, later.convert("later", bundled.source(), bundled));
    }

    @Test
    void aSavedLaterRevisionReportsExactlyItsChanges(@TempDir Path dir) throws IOException {
        Path saved = Files.writeString(dir.resolve("Use Apple products on enterprise networks.html"),
                fixture("2026-11.en.html"));
        ArticleImport later = ArticleInput.read(saved.toString(), fetcher(Network.builder().loopbackOnly(true).build()),
                Catalog.bundled());
        CatalogDiff diff = laterDiff(later);
        assertThat(diff.toString(), diff.lines(), is(LATER_CHANGES));
        assertThat(diff.structural(), hasSize(7));
        assertThat(later.notes(), hasItem(containsString("[1] Needed only while devices enroll")));
        assertThat(later.notes(), hasItem(containsString("November 2026: Added Apple Vision Pro")));
        assertThat(later.notices(), hasItem(containsString("host cell 'deviceenrollment.apple.com[1]' ends with the"
                + " footnote mark '[1]'; read it without")));
        Change relay = diff.changes().get(1);
        assertThat(relay.kind().change(), is("added"));
        assertThat(fixture("2026-11.en.html").lines().toList().get(relay.line() - 1),
                containsString("axm-enrollment-relay.apple.com"));
    }

    @Test
    void aLaterRevisionServedAtAUrlReportsTheSameChanges() throws IOException, InterruptedException {
        try (MockWebServer server = new MockWebServer(); Network network = Network.builder().loopbackOnly(true)
                .build()) {
            server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "text/html; charset=utf-8")
                    .body(fixture("2026-11.en.html")).build());
            server.start(java.net.InetAddress.getLoopbackAddress(), 0);
            String url = server.url("/en-us/101555").newBuilder().host("127.0.0.1").build().toString();
            ArticleImport later = ArticleInput.read(url, fetcher(network), Catalog.bundled());
            assertThat(laterDiff(later).lines(), is(LATER_CHANGES));
            assertThat(server.takeRequest().getUrl().encodedPath(), is("/en-us/101555"));
        }
    }

    @Test
    void aUrlThatCannotBeFetchedOrAFileThatIsMissingIsAClearError(@TempDir Path dir) throws IOException {
        try (MockWebServer server = new MockWebServer(); Network network = Network.builder().loopbackOnly(true)
                .build()) {
            server.enqueue(new MockResponse.Builder().code(404).body("gone").build());
            server.start(java.net.InetAddress.getLoopbackAddress(), 0);
            String url = server.url("/en-us/101555").newBuilder().host("127.0.0.1").build().toString();
            CatalogException error = assertThrows(CatalogException.class,
                    () -> ArticleInput.read(url, fetcher(network), Catalog.bundled()));
            assertThat(error.getMessage(), containsString(url + ": cannot be fetched: HTTP 404"));
            CatalogException remote = assertThrows(CatalogException.class,
                    () -> ArticleInput.read("https://support.example.com/101555", fetcher(network), Catalog.bundled()));
            assertThat(remote.getMessage(), containsString("loopback-only"));
        }
        String missing = dir.resolve("none.html").toString();
        CatalogException error = assertThrows(CatalogException.class,
                () -> ArticleInput.read(missing, fetcher(Network.builder().build()), Catalog.bundled()));
        assertThat(error.getMessage(), containsString(missing + ": no such file"));
    }

    /**
     * On a loopback-only network every hop must stay on loopback: a redirect or a proxy elsewhere is refused before
     * anything is sent. 0.0.0.0 is not a loopback address but reaches this machine, so even a failure here would
     * send nothing off it.
     */
    @Test
    void aLoopbackOnlyFetchFollowsNoRedirectAndUsesNoProxyOffLoopback() throws IOException {
        try (MockWebServer server = new MockWebServer(); Network network = Network.builder().loopbackOnly(true)
                .build()) {
            server.start(java.net.InetAddress.getLoopbackAddress(), 0);
            server.enqueue(new MockResponse.Builder().code(302)
                    .setHeader("Location", "http://0.0.0.0:" + server.getPort() + "/elsewhere").build());
            server.enqueue(new MockResponse.Builder().code(200).body("not to be fetched").build());
            String url = server.url("/en-us/101555").newBuilder().host("127.0.0.1").build().toString();
            CatalogException redirected = assertThrows(CatalogException.class,
                    () -> ArticleInput.read(url, fetcher(network), Catalog.bundled()));
            assertThat(redirected.getMessage(), containsString("loopback-only"));
            assertThat(server.getRequestCount(), is(1));
            try (Network proxied = Network.builder().loopbackOnly(true)
                    .proxy("http://0.0.0.0:" + server.getPort()).build()) {
                CatalogException viaProxy = assertThrows(CatalogException.class,
                        () -> ArticleInput.read(url, fetcher(proxied), Catalog.bundled()));
                assertThat(viaProxy.getMessage(), containsString("loopback-only"));
            }
            assertThat(server.getRequestCount(), is(1));
        }
    }

    /** The checks' network as the article reader takes it. */
    private static ArticleInput.Fetcher fetcher(Network network) {
        return url -> {
            Network.Page page = network.fetchPage(url);
            return new ArticleInput.Page(page.contentType(), page.text());
        };
    }
}
