package dev.orchard.catalog;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.both;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.platform.engine.TestTag;

/**
 * The bundled French revision 2024-11 is that article as data: these tests hold it to the article row by row, so
 * that any departure is a written erratum and never a silent fix. {@link CurrentCatalogTest} does the same for the
 * default revision, 2026-08.
 */
class BundledCatalogTest {

    private static final String ARTICLE = "dev/orchard/catalog/articles/2024-11.fr.txt";
    private static final String SCHEMA = "dev/orchard/catalog/catalog.schema.json";

    private static final List<String> SERVICE_IDS = List.of("device-setup", "mdm", "business-school-manager",
            "business-school-manager-users", "business-essentials", "classroom", "software-updates", "apps",
            "carrier-updates", "content-caching", "content-caching-clients", "beta-updates", "diagnostics", "dns",
            "certificate-validation", "apple-account", "icloud", "apple-intelligence", "associated-domains",
            "tap-to-pay", "id-verifier");

    private static Catalog catalog;
    private static List<String> articleLines;

    @BeforeAll
    static void load() throws IOException {
        catalog = Catalog.bundled(BundledRevision.R2024_11);
        articleLines = resource(ARTICLE).lines().toList();
    }

    @Test
    void hasTheArticlesTwentyOneTablesInOrder() {
        assertThat(catalog.services().stream().map(Service::id).toList(), is(SERVICE_IDS));
        assertThat(catalog.source(), is(new Source(
                "Use Apple products on enterprise networks (Apple support 101555)", "fr", "2024-11")));
    }

    @Test
    void hasEveryRowOfEveryTable() {
        assertThat(catalog.endpoints(), hasSize(139));
        assertThat(catalog.services().stream().map(s -> s.endpoints().size()).toList(),
                contains(10, 10, 12, 1, 6, 7, 20, 16, 6, 3, 2, 3, 1, 1, 9, 4, 13, 6, 2, 3, 4));
    }

    @Test
    void hasTheArticlesHundredTwentyFiveHostPatterns() {
        Set<String> asPublished = catalog.endpoints().stream()
                .map(e -> e.erratum("host").map(Erratum::published).orElse(e.pattern()))
                .collect(Collectors.toCollection(LinkedHashSet::new));
        assertThat(asPublished, hasSize(125));
        assertThat(asPublished, hasItem("www.apple.com/fr"));
        assertThat(catalog.patterns(), hasItem("www.apple.com"));
    }

    /** Every cell of every row equals the article's, unless an erratum of that field quotes the cell exactly. */
    @Test
    void everyRowMatchesTheArticleOrNamesAnErratum() {
        assertThat(ArticleRows.FRENCH.mismatches(catalog, articleLines), is(empty()));
    }

    @Test
    void serviceTitlesAndIntroductionsAreTheArticlesText() {
        List<String> intros = new ArrayList<>();
        for (int i = 1; i < articleLines.size(); i++) {
            if (articleLines.get(i).startsWith("Hôtes |")) {
                intros.add(articleLines.get(i - 1));
            }
        }
        assertThat(catalog.services().stream().map(Service::descriptionFr).toList(), is(intros));
        for (Service service : catalog.services()) {
            assertThat(service.id(), articleLines, hasItem(service.titleFr()));
            assertThat(service.id(), service.title(), not(emptyString()));
            assertThat(service.id(), service.description(), not(emptyString()));
        }
    }

    @Test
    void everyDescribedRowHasAnEnglishDescription() {
        for (Endpoint e : catalog.endpoints()) {
            assertThat(e.service() + " " + e.pattern(), e.description().isEmpty(), is(e.descriptionFr().isEmpty()));
        }
    }

    @Test
    void everyWildcardHasCoveredProbeHostsThatAreNotItsApex() {
        List<Endpoint> wildcards = catalog.endpoints().stream().filter(Endpoint::isWildcard).toList();
        assertThat(wildcards, hasSize(24));
        for (Endpoint e : wildcards) {
            String apex = e.pattern().substring(2);
            assertThat(e.pattern(), e.probeHosts().size(), is(both(
                    greaterThanOrEqualTo(1)).and(lessThanOrEqualTo(2))));
            for (ProbeHost probe : e.probeHosts()) {
                assertThat(probe.host(), probe.isCoveredBy(e.pattern()), is(true));
                assertThat(probe.host(), not(is(apex)));
                assertThat(probe.host(), probe.reason(), not(emptyString()));
            }
        }
    }

    @Test
    void pushIsProbedOnCourierHostsNeverOnRetiredOnes() {
        Endpoint push = row("mdm", "*.push.apple.com");
        List<String> probes = push.probeHosts().stream().map(ProbeHost::host).toList();
        assertThat(probes, everyItem(matchesPattern("\\d+-courier\\.push\\.apple\\.com")));
        assertThat(push.ports(), contains(443, 80, 5223, 2197));
        assertThat(push.tlsPorts(), contains(443, 5223, 2197));
        assertThat(catalog.endpoints().stream().flatMap(e -> e.probeHosts().stream()).map(ProbeHost::host).toList(),
                not(hasItem("gateway.push.apple.com")));
        assertThat(catalog.endpoints().stream().flatMap(e -> e.probeHosts().stream()).map(ProbeHost::host).toList(),
                not(hasItem("feedback.push.apple.com")));
    }

    @Test
    void sylvanTestsPort443AndQuotesThePublished433() {
        Endpoint sylvan = row("apps", "sylvan.apple.com");
        assertThat(sylvan.ports(), contains(80, 443));
        assertThat(sylvan.tlsPorts(), contains(443));
        assertThat(sylvan.erratum("ports").map(Erratum::published).orElse(null), is("80, 433"));
    }

    @Test
    void theFontUrlBecomesItsHost() {
        Endpoint fonts = row("business-school-manager", "www.apple.com");
        assertThat(fonts.erratum("host").map(Erratum::published).orElse(null), is("www.apple.com/fr"));
        assertThat(fonts.os(), is(empty()));
    }

    @ParameterizedTest(name = "{0} {1}: description cell ''{2}'' is the proxy value")
    @CsvSource({
        "device-setup, gs.apple.com, Oui, YES",
        "device-setup, humb.apple.com, Oui, YES",
        "device-setup, static.ips.apple.com, Oui, YES",
        "device-setup, tbsc.apple.com, Oui, YES",
        "mdm, deviceservices-external.apple.com, —, NO",
        "software-updates, ns.itunes.apple.com, Oui, YES",
        "software-updates, xp.apple.com, Oui, YES",
        "apps, itunes.apple.com, Oui, YES",
    })
    void shiftedRowsTakeTheirProxyFromTheDescriptionCell(String service, String host, String published,
            ProxySupport proxy) {
        Endpoint e = row(service, host);
        assertThat(e.descriptionFr(), emptyString());
        assertThat(e.proxy(), is(proxy));
        assertThat(e.erratum("description").map(Erratum::published).orElse(null), is(published));
        assertThat(e.erratum("proxy").map(Erratum::published).orElse(null), is(""));
    }

    @Test
    void exactlyEightRowsAreShifted() {
        assertThat(catalog.endpoints().stream().filter(e -> e.erratum("description").isPresent()).count(), is(8L));
    }

    @Test
    void pushIsProxyCapableAsTheApnsParagraphSays() {
        Endpoint push = row("mdm", "*.push.apple.com");
        assertThat(push.proxy(), is(ProxySupport.YES));
        Erratum erratum = push.erratum("proxy").orElseThrow();
        assertThat(erratum.published(), is(""));
        assertThat(erratum.note(), containsString("PAC"));
    }

    @Test
    void safeBrowsingsUnderscoresMeanNoProxy() {
        Endpoint e = row("apps", "token.safebrowsing.apple.com");
        assertThat(e.proxy(), is(ProxySupport.NO));
        assertThat(e.erratum("proxy").map(Erratum::published).orElse(null), is("__"));
    }

    @Test
    void tablesKeepTheirOwnValuesForRepeatedHosts() {
        assertThat(row("mdm", "gdmf.apple.com").proxy(), is(ProxySupport.YES));
        assertThat(row("software-updates", "gdmf.apple.com").proxy(), is(ProxySupport.NO));
        assertThat(row("device-setup", "gs.apple.com").ports(), contains(443));
        assertThat(row("software-updates", "gs.apple.com").ports(), contains(443, 80));
        assertThat(row("carrier-updates", "itunes.apple.com").ports(), contains(443));
        assertThat(row("mdm", "gdmf.apple.com").notes(), not(empty()));
    }

    @Test
    void articleSpellingsBecomeTransportsAndPlatforms() {
        Endpoint sftp = row("business-school-manager", "upload.appleschoolcontent.com");
        assertThat(sftp.transports(), contains(Transport.TCP));
        assertThat(sftp.ports(), contains(22));
        assertThat(sftp.tlsPorts(), is(empty()));
        assertThat(row("apple-intelligence", "cp4.cloudflare.com").transports(), contains(Transport.TCP, Transport.UDP));
        assertThat(row("icloud", "mask.icloud.com").transports(), contains(Transport.UDP));
        assertThat(row("device-setup", "time-macos.apple.com").os(), contains(OperatingSystem.MACOS));
        assertThat(catalog.service("business-school-manager").endpoints().stream().map(Endpoint::os).toList(),
                everyItem(is(empty())));
    }

    @Test
    void everyTagIsAValidJUnitTagAndDocumented() {
        for (Endpoint e : catalog.endpoints()) {
            assertThat(e.tags(), everyItem(matchesPattern("\\S+")));
            e.tags().forEach(tag -> assertThat(tag, TestTag.isValid(tag), is(true)));
            assertThat(e.tags().iterator().next(), is(e.service()));
        }
        List<String> expected = new ArrayList<>(SERVICE_IDS);
        expected.addAll(List.of("ios", "ipados", "tvos", "watchos", "macos", "visionos", "proxy-capable",
                "direct-only", "push"));
        assertThat(catalog.tags(), containsInAnyOrder(expected.toArray()));
        assertThat(row("mdm", "*.push.apple.com").tags(), hasItem("push"));
        assertThat(catalog.endpoints().stream().filter(e -> e.tags().contains("push")).count(), is(1L));
    }

    @Test
    void bundledYamlValidatesAgainstTheSchema() throws IOException {
        for (BundledRevision revision : BundledRevision.values()) {
            assertThat(revision.resource(), errors(resource(revision.resource())), is(empty()));
        }
    }

    @ParameterizedTest(name = "schema rejects {0}")
    @CsvSource(delimiter = ';', value = {
        "a port out of range; ports: [70000]",
        "an unknown key;      ports: [443] / colour: red",
        "a bad proxy value;   ports: [443] / proxy: maybe",
        "an unknown platform; ports: [443] / os: [android]",
        "an upper-case host;  ports: [443] / probeHosts: [Www.Example.com]",
    })
    void schemaRejectsInvalidDocuments(String what, String endpointTail) {
        assertThat("the document without the flaw is valid", errors(siteRow("ports: [443]")), is(empty()));
        assertThat(what, errors(siteRow(endpointTail)), not(empty()));
    }

    /** A one-row catalog whose row ends with {@code tail}; " / " starts a new key of the row. */
    private static String siteRow(String tail) {
        return """
                name: Site
                services:
                  - id: site
                    title: Site
                    endpoints:
                      - host: www.example.com
                        %s
                """.formatted(tail.replace(" / ", "\n        "));
    }

    @Test
    void schemaRequiresProbeHostsForWildcards() {
        String yaml = """
                name: Bad
                services:
                  - id: site
                    title: Site
                    endpoints:
                      - {host: "*.example.com", ports: [443]}
                """;
        assertThat(errors(yaml), not(empty()));
        assertThat(errors(yaml.replace("ports: [443]", "ports: [443], probeHosts: [www.example.com]")), is(empty()));
    }

    /** The YAML examples in docs/catalog.md validate, and its site catalog merges with the bundled one. */
    @Test
    void documentedExamplesAreValid(@TempDir Path dir) throws IOException {
        Path docs = Path.of("..", "docs", "catalog.md");
        List<String> examples = new ArrayList<>();
        Matcher m = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(docs));
        while (m.find()) {
            examples.add(m.group(1));
        }
        assertThat(examples, hasSize(2));
        for (String example : examples) {
            assertThat(example, errors(example), is(empty()));
        }
        Catalog.parse(examples.get(0), "docs/catalog.md");
        Path site = Files.writeString(dir.resolve("site.yaml"), examples.get(1));
        Catalog merged = Catalog.bundledWith(List.of(site.toString()));
        assertThat(merged.endpoints().size(), is(greaterThan(Catalog.bundled().endpoints().size())));
        assertThat(merged.endpoints().stream().filter(Endpoint::isDisabled).toList(), not(empty()));
    }

    private static Endpoint row(String service, String pattern) {
        List<Endpoint> found = catalog.service(service).endpoints().stream()
                .filter(e -> e.pattern().equals(pattern)).toList();
        assertThat(service + " " + pattern, found, hasSize(1));
        return found.get(0);
    }

    static List<String> errors(String yaml) {
        try {
            JsonNode document = new YAMLMapper().readTree(yaml);
            JsonNode schemaNode = new ObjectMapper().readTree(resource(SCHEMA));
            SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                    builder -> builder.schemaLoader(loader -> loader.fetchRemoteResources(false)));
            Schema schema = registry.getSchema(schemaNode);
            return schema.validate(document).stream().map(Object::toString).toList();
        } catch (IOException e) {
            throw new AssertionError("cannot read YAML: " + e.getMessage(), e);
        }
    }

    static String resource(String name) {
        try (InputStream in = BundledCatalogTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(name, in, notNullValue());
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError("cannot read " + name, e);
        }
    }
}
