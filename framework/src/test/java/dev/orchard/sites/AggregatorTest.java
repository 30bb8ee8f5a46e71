package dev.orchard.sites;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orchard.report.Promtool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AggregatorTest {

    @TempDir
    Path dir;
    Path in;
    Path out;
    final List<String> log = new ArrayList<>();

    @BeforeEach
    void sites() throws IOException {
        in = dir.resolve("artifacts");
        out = dir.resolve("out");
        SiteFiles.write(in, "paris", "2026-11-30T08:00:00Z", "OK", SiteFiles.APPLE);
        SiteFiles.write(in, "lyon", "2026-11-30T08:00:00Z", "TLS_INTERCEPTED", SiteFiles.ZSCALER);
        SiteFiles.write(in, "nice", "2026-11-30T08:05:00Z", "TLS_INTERCEPTED", SiteFiles.ZSCALER);
        SiteFiles.write(in, SiteFiles.HOSTILE, "2026-11-30T08:05:00Z", "OK", SiteFiles.APPLE);
        // an older run of lyon beside the newer one: the newer counts
        Path older = SiteFiles.write(dir.resolve("old"), "lyon", "2026-11-23T08:00:00Z", "OK", SiteFiles.APPLE);
        Files.createDirectories(in.resolve("lyon-last-week"));
        Files.copy(older, in.resolve("lyon-last-week/apple-network-results.json"));
        Files.createDirectories(in.resolve("broken"));
        Path paris = in.resolve("paris/apple-network-results.json");
        String text = Files.readString(paris);
        Files.writeString(in.resolve("broken/apple-network-results.json"), text.substring(0, text.length() / 2));
        Files.createDirectories(in.resolve("foreign"));
        Files.writeString(in.resolve("foreign/package.json"), "{\"name\": \"left-pad\", \"version\": \"1.3.0\"}\n");
    }

    @Test
    void writesTheThreeOutputsAndSkipsWhatIsNotAResultsFile() throws Exception {
        Aggregator.Outcome outcome = Aggregator.run(in.toString(), null, dir, out, log::add);

        assertThat(outcome.sites(), is(4));
        assertThat(outcome.checks(), is(20L));
        assertThat(outcome.failed(), is(4L));
        assertThat(outcome.skippedFiles(), hasSize(3));
        assertThat(log, hasItem(allOf(containsString("broken/apple-network-results.json:"),
                containsString("expected an Orchard results file"))));
        assertThat(log, hasItem(allOf(containsString("package.json"), containsString("has no \"results\" array"))));
        assertThat(log, hasItem(allOf(containsString("lyon-last-week"),
                containsString("an older run of site 'lyon'"))));

        JsonNode json = new ObjectMapper().readTree(out.resolve(Aggregator.JSON_FILE).toFile());
        assertThat(json.get("siteCount").asInt(), is(4));
        JsonNode cause = json.get("causes").get(0);
        assertThat(cause.get("verdict").asText(), is("TLS_INTERCEPTED"));
        assertThat(cause.get("detail").asText(), is("issuer " + SiteFiles.ZSCALER));
        assertThat(cause.get("siteCount").asInt(), is(2));
        assertThat(cause.get("checks").asInt(), is(4));
        JsonNode lyon = json.get("sites").get(1);
        assertThat(lyon.get("site").asText(), is("lyon"));
        assertThat(lyon.get("services").get("icloud").get("worst").asText(), is("TLS_INTERCEPTED"));
        assertThat(lyon.get("startedAt").asText(), is("2026-11-30T08:00:00Z"));

        String html = Files.readString(out.resolve(Aggregator.HTML_FILE));
        assertThat(html, allOf(containsString("<span class=\"verdict\">TLS_INTERCEPTED</span> at 2 sites (4 checks), "
                + "same issuer CN=Zscaler"), containsString("<td class=\"fail\""), containsString("<td class=\"pass\""),
                containsString("&lt;script&gt;alert(1)&lt;/script&gt;"), not(containsString("<script")),
                not(containsString("http://")), not(containsString("https://"))));

        String prom = Files.readString(out.resolve(Aggregator.METRICS_FILE));
        assertThat(prom, allOf(containsString("apple_network_aggregate_sites 4"),
                containsString("apple_network_cause_sites{verdict=\"TLS_INTERCEPTED\"} 2"),
                containsString("apple_network_site_service_failed_checks{service=\"icloud\",site=\"lyon\"} 1"),
                containsString("# EOF")));
        Promtool.Result promtool = Promtool.check(out.resolve(Aggregator.METRICS_FILE));
        assertThat(promtool.output(), promtool.exit(), is(0));
    }

    @Test
    void globsPickTheFilesTheyName() throws Exception {
        Aggregator.Outcome outcome = Aggregator.run("artifacts/p*/apple-network-results.json, artifacts/nice", null,
                dir, out, log::add);

        assertThat(outcome.sites(), is(2));
        assertThat(outcome.skippedFiles(), is(empty()));
    }

    @Test
    void nothingReadableIsTheOnlyFatalCase() throws Exception {
        IOException e = assertThrows(IOException.class,
                () -> Aggregator.run("artifacts/broken,artifacts/foreign,nowhere/*.json", null, dir, out, log::add));

        assertThat(e.getMessage(), containsString("No readable results among 2 file(s)"));
        assertThat(log, hasItem(containsString("'nowhere/*.json' names no file")));
        assertThat(Files.exists(out.resolve(Aggregator.HTML_FILE)), is(false));
    }

    @Test
    void aBaselineGivesEachSiteItsDrift() throws Exception {
        Path before = dir.resolve("before");
        SiteFiles.write(before, "lyon", "2026-11-23T08:00:00Z", "OK", SiteFiles.APPLE);
        SiteFiles.write(before, "nice", "2026-11-23T08:00:00Z", "TLS_INTERCEPTED", SiteFiles.ZSCALER);

        Aggregator.Outcome outcome = Aggregator.run("artifacts/lyon,artifacts/nice,artifacts/paris", "before", dir,
                out, log::add);

        assertThat(outcome.sitesWithBaseline(), is(2));
        assertThat("lyon's two tls checks are new failures; nice already failed them", outcome.newFailures(), is(2));
        JsonNode json = new ObjectMapper().readTree(out.resolve(Aggregator.JSON_FILE).toFile());
        JsonNode lyon = json.get("sites").get(0).get("drift");
        assertThat(lyon.get("newFailures").size(), is(2));
        assertThat(lyon.get("newIssuers").get(0).asText(), is(SiteFiles.ZSCALER));
        assertThat(json.get("sites").get(2).get("drift").isNull(), is(true));
        assertThat(Files.readString(out.resolve(Aggregator.HTML_FILE)),
                containsString("2 new failures since the baseline"));
        assertThat(log, hasItem(containsString("lyon: 2 new failures")));
    }
}
