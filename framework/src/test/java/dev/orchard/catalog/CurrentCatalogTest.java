package dev.orchard.catalog;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.both;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;

import java.io.StringReader;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The default bundled catalog is Apple's English revision of 2026-08 as data: held to that article row by row
 * (read here independently of the importer), with every departure a written erratum, and compared with the
 * importer's own reading of the same text.
 */
class CurrentCatalogTest {

    static final String ARTICLE = "dev/orchard/catalog/articles/2026-08.en.txt";

    private static Catalog catalog;
    private static List<String> articleLines;

    @BeforeAll
    static void load() {
        catalog = Catalog.bundled();
        articleLines = BundledCatalogTest.resource(ARTICLE).lines().toList();
    }

    @Test
    void isTheEnglishRevisionOfAugust2026With148RowsAnd134Hosts() {
        assertThat(catalog.source(), is(new Source(
                "Use Apple products on enterprise networks (Apple support 101555)", "en", "2026-08")));
        assertThat(BundledRevision.current(), is(BundledRevision.R2026_08));
        assertThat(catalog.endpoints(), hasSize(148));
        assertThat(catalog.patterns(), hasSize(134));
        assertThat(catalog.services().stream().map(s -> s.endpoints().size()).toList(),
                contains(10, 11, 14, 1, 6, 7, 21, 16, 6, 3, 2, 3, 1, 1, 9, 4, 18, 6, 2, 3, 4));
    }

    @Test
    void listsThe2026HostsAndNotTheOnesAppleRemoved() {
        assertThat(catalog.patterns(), hasItems("axm-servicediscovery.apple.com", "api-business.apple.com",
                "api-school.apple.com", "token.safebrowsing.apple", "probe.icloud.com", "pong.icloud.com",
                "metrics.icloud.com", "apple-native-relay.apple.com", "*.apple-dns.net",
                "iphonesubmissions.apple.com", "playground-cdn.apple.com", "playground-assets-cdn.apple.com",
                "www.apple.com"));
        for (String removed : List.of("ns.itunes.apple.com", "phonesubmissions.apple.com",
                "token.safebrowsing.apple.com", "playgrounds-cdn.apple.com", "playgrounds-assets-cdn.apple.com")) {
            assertThat(catalog.patterns(), not(hasItem(removed)));
        }
        assertThat(row("mdm", "axm-servicediscovery.apple.com").ports(), contains(443));
        assertThat(row("apps", "gateway.icloud.com").transports(), contains(Transport.TCP, Transport.UDP));
        assertThat(row("tap-to-pay", "iphonesubmissions.apple.com").notes().get(0),
                containsString("corrected phonesubmissions.apple.com to iphonesubmissions.apple.com in April 2025"));
    }

    @Test
    void serviceIdsStayStableAcrossApplesRenames() {
        assertThat(catalog.services().stream().map(Service::id).toList(),
                is(Catalog.bundled(BundledRevision.R2024_11).services().stream().map(Service::id).toList()));
        assertThat(catalog.service("business-essentials").title(), is("Apple Business device management"));
        assertThat(catalog.service("business-school-manager").title(),
                is("Apple School Manager and Apple Business: administrators and managers"));
    }

    /** Every cell of every row equals the article's, unless an erratum of that field quotes the cell exactly. */
    @Test
    void everyRowMatchesTheArticleOrNamesAnErratum() {
        assertThat(ArticleRows.ENGLISH.mismatches(catalog, articleLines), is(empty()));
    }

    @Test
    void theErrataAreThePushLinkAndTheUnderscores() {
        List<String> errata = catalog.endpoints().stream().flatMap(e -> e.errata().stream()
                .map(x -> e.pattern() + " " + x.field() + " '" + x.published() + "'")).toList();
        assertThat(errata, contains("*.push.apple.com proxy 'Learn more about APNs and proxies.'",
                "token.safebrowsing.apple proxy '__'"));
        assertThat(row("mdm", "*.push.apple.com").proxy(), is(ProxySupport.YES));
        assertThat(row("apps", "token.safebrowsing.apple").proxy(), is(ProxySupport.NO));
    }

    @Test
    void everyWildcardHasCoveredProbeHostsThatAreNotItsApex() {
        List<Endpoint> wildcards = catalog.endpoints().stream().filter(Endpoint::isWildcard).toList();
        assertThat(wildcards, hasSize(25));
        for (Endpoint e : wildcards) {
            assertThat(e.pattern(), e.probeHosts().size(), is(both(greaterThanOrEqualTo(1)).and(lessThanOrEqualTo(2))));
            for (ProbeHost probe : e.probeHosts()) {
                assertThat(probe.host(), probe.isCoveredBy(e.pattern()), is(true));
                assertThat(probe.host(), not(is(e.pattern().substring(2))));
                assertThat(probe.host(), probe.reason(), not(emptyString()));
            }
        }
        assertThat(row("icloud", "*.apple-dns.net").probeHosts().get(0).host(), is("mask.apple-dns.net"));
    }

    @Test
    void everyIntroductionPrintedBeforeATableIsTheServicesDescription() {
        Set<String> intros = new LinkedHashSet<>();
        for (int i = 2; i < articleLines.size(); i++) {
            String before = articleLines.get(i - 1).replaceFirst("\\s*\\(intro sentence.*\\)$", "");
            if (articleLines.get(i).startsWith("Hosts |") && before.endsWith(".") && !before.startsWith("Devices that")) {
                intros.add(before);
            }
        }
        Set<String> descriptions = catalog.services().stream().map(Service::description)
                .collect(Collectors.toSet());
        assertThat(intros.size(), is(greaterThanOrEqualTo(2)));
        intros.forEach(intro -> assertThat(descriptions, hasItem(intro)));
    }

    /** The importer's reading of the reference text differs from the bundled catalog in no structural way. */
    @Test
    void theImportersReadingOfTheArticleHasNoStructuralChange() {
        ArticleImport article = ArticleImporter.read(new StringReader(String.join("\n", articleLines)),
                "2026-08.en.txt", catalog);
        assertThat(article.language(), is("en"));
        assertThat(article.rows(), hasSize(148));
        assertThat(article.hosts(), hasSize(134));
        ArticleImport.Conversion conversion = article.convert("Article", catalog.source(), catalog);
        CatalogDiff diff = CatalogDiff.between(catalog, conversion);
        assertThat(diff.toString(), diff.structural(), is(empty()));
        assertThat(diff.toString(), diff.wording(), is(empty()));
        assertThat(conversion.unprobed(), is(empty()));
        assertThat(article.notes(), hasItem(containsString("corrected a host name (iphonesubmissions.apple.com)")));
        assertThat(article.notices(), hasItem(containsString(
                "proxy cell 'Learn more about APNs and proxies.' is not Yes/Oui")));
    }

    /** Against the 2024-11 revision, a new wildcard with no probe host is reported and the diff completes. */
    @Test
    void againstTheOlderRevisionANewWildcardIsAddedAndNeedsAProbeHost() {
        Catalog older = Catalog.bundled(BundledRevision.R2024_11);
        ArticleImport article = ArticleImporter.read(new StringReader(String.join("\n", articleLines)),
                "2026-08.en.txt", older);
        CatalogDiff diff = CatalogDiff.between(older, article.convert("Article", older.source(), older));
        Change dns = diff.changes().stream().filter(c -> c.host().equals("*.apple-dns.net")).findFirst().orElseThrow();
        assertThat(dns.needsProbeHost(), is(true));
        assertThat(dns.text(), is("icloud: added *.apple-dns.net 443/tcp+udp (needs a probe host)"));
        assertThat(diff.lines(), hasItems("mdm: added axm-servicediscovery.apple.com 443/tcp",
                "software-updates: removed ns.itunes.apple.com", "tap-to-pay: removed phonesubmissions.apple.com",
                "tap-to-pay: added iphonesubmissions.apple.com 443/tcp",
                "icloud: changed *.icloud-content.com transports tcp → tcp, udp"));
    }

    /** The host rows of the reference text, as printed. */
    static List<String> referenceRows() {
        return BundledCatalogTest.resource(ARTICLE).lines()
                .filter(l -> l.contains(" | ") && !l.startsWith("Hosts |") && !l.startsWith("---")).toList();
    }

    private static Endpoint row(String service, String pattern) {
        return catalog.service(service).endpoints().stream().filter(e -> e.pattern().equals(pattern)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + pattern + " in " + service));
    }
}
