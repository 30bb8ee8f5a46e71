package dev.orchard.sites;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import dev.orchard.report.Chromium;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders the aggregate page in headless Chromium: the matrix of a dozen sites, with the recurring Zscaler cause
 * on top. The screenshot stays in target/aggregate-report/matrix.png for people to look at.
 */
class ChromiumAggregateTest {

    private static final Path OUT = Path.of("target", "aggregate-report").toAbsolutePath();

    @TempDir
    static Path work;

    private static Path page;

    @BeforeAll
    static void aggregateTwelveSites() throws Exception {
        new Chromium(work);
        Path artifacts = work.resolve("artifacts");
        String[] healthy = {"paris", "marseille", "toulouse", "bordeaux", "lille", "rennes", "strasbourg"};
        String[] inspected = {"lyon", "nice", "nantes", "montpellier", SiteFiles.HOSTILE};
        for (String site : healthy) {
            SiteFiles.write(artifacts, site, "2026-11-30T08:00:00Z", "OK", SiteFiles.APPLE);
        }
        for (String site : inspected) {
            SiteFiles.write(artifacts, site, "2026-11-30T08:00:00Z", "TLS_INTERCEPTED", SiteFiles.ZSCALER);
        }
        Files.createDirectories(artifacts.resolve("corrupt"));
        Files.writeString(artifacts.resolve("corrupt/apple-network-results.json"), "{\"catalog\": {\"name\": 42}}");
        Aggregator.run(artifacts.toString(), null, work, OUT, line -> { });
        page = OUT.resolve(Aggregator.HTML_FILE);
    }

    @Test
    void theDomShowsTheMatrixAndTheRecurringCause() throws Exception {
        Chromium.Browser browser = new Chromium(work).run(page, "--dump-dom");

        assertThat(browser.assertRendered().stdout(), allOf(containsString("TLS_INTERCEPTED</span> at 5 sites (10 checks), same issuer"),
                containsString("Sites × services (worst verdict)"), containsString("catalog.name is a number"),
                not(containsString("<script")), containsString("&lt;script&gt;alert(1)&lt;/script&gt;")));
    }

    @Test
    void theMatrixScreenshotIsKeptUnderTarget() throws Exception {
        new Chromium(work).screenshot(page, OUT.resolve("matrix.png"), "1280,1400");
    }
}
