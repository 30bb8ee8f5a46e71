package dev.orchard.maven;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orchard.catalog.Catalog;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;

/**
 * The invented later revision of Apple's page, served by MockWebServer on loopback as a URL: the goal's JSON and
 * console table report exactly its changes (the saved-page form is the catalog-diff-html IT).
 */
class CatalogComparisonTest {

    private static final Path LATER = Path.of("..", "framework", "src", "test", "resources", "dev", "orchard",
            "catalog", "articles", "2026-11.en.html");

    @Test
    void aLaterRevisionAtAUrlIsReportedExactlyInJsonAndOnTheConsole() throws IOException {
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "text/html; charset=utf-8")
                    .body(Files.readString(LATER)).build());
            server.start(InetAddress.getLoopbackAddress(), 0);
            String url = server.url("/en-us/101555").newBuilder().host("127.0.0.1").build().toString();
            CatalogComparison comparison = CatalogComparison.withArticle(Catalog.bundled(), url, Path.of("."),
                    Map.of(), true);

            JsonNode json = new ObjectMapper().readTree(comparison.json());
            assertThat(json.get("from").get("revision").asText(), is("2026-08"));
            assertThat(json.get("to").get("name").asText(), is(url));
            List<String> changes = new ArrayList<>();
            json.get("changes").forEach(c -> changes.add(c.get("change").asText() + " " + c.get("service").asText()
                    + " " + c.get("host").asText() + " " + c.get("field").asText() + " " + c.get("structural")));
            assertThat(changes, contains(
                    "changed device-setup time.apple.com os true",
                    "added mdm axm-enrollment-relay.apple.com null true",
                    "changed mdm ppq.apple.com service true",
                    "changed apps sylvan.apple.com proxy true",
                    "removed carrier-updates itunes.com null true",
                    "added apple-vision-pro null null true",
                    "added apple-vision-pro *.vision-cdn.apple.com null true",
                    "changed device-setup albert.apple.com description false"));
            assertThat(json.get("changes").get(1).get("before").isNull(), is(true));
            assertThat(json.get("changes").get(6).get("needsProbeHost").asBoolean(), is(true));

            List<String> table = comparison.table("the bundled catalog", false);
            assertThat(table.get(0), is("Changes from the bundled catalog (2026-08, en) to " + url
                    + ": 7 structural, 1 wording"));
            assertThat(table, hasItem("  apps: changed sylvan.apple.com proxy no → yes"));
            assertThat(table.stream().anyMatch(l -> l.contains("albert.apple.com description")), is(false));
            assertThat(comparison.table("x", true), hasItem("  device-setup: changed albert.apple.com description"
                    + " 'Device activation' → 'Device activation and reactivation'"));
        }
    }
}
