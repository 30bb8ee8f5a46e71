package dev.orchard.report;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import dev.orchard.probe.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders the HTML page in a real browser: escaping tests prove what the page does not contain, this proves what a
 * person sees. The browser opens only the file; its resolver maps every name to NOTFOUND so nothing leaves the
 * machine even if the page were to reference a host.
 */
class ChromiumRenderTest {

    private static final Path OUT = Path.of("target", "html-report").toAbsolutePath();

    @TempDir
    static Path profile;

    private static Path page;

    @BeforeAll
    static void writeReports() throws IOException {
        new Chromium(profile);
        Reports.writeAll(Runs.mixed("http://127.0.0.1:3128"), OUT);
        page = OUT.resolve(Reports.HTML_FILE);
    }

    private static Chromium.Browser run(String... mode) throws Exception {
        return new Chromium(profile).run(page, mode);
    }

    @Test
    void theDomShowsEveryFailureWithItsCauseAndRemedy() throws Exception {
        Chromium.Browser browser = run("--dump-dom");

        assertThat(browser.stderr(), browser.exit(), is(0));
        assertThat(browser.pageConsole(), is(List.of()));
        String dom = browser.stdout();
        assertThat(dom, allOf(containsString("Failures (2)"), containsString("TCP_TIMEOUT"),
                containsString("DNS_NXDOMAIN"), containsString(Verdict.TCP_TIMEOUT.remedy()),
                containsString("<svg"), containsString("median 80 ms, max 5001 ms")));
        assertThat("the hostile description stays text", dom, allOf(not(containsString("<script")),
                containsString("&lt;script&gt;alert(1)&lt;/script&gt;")));
    }

    @Test
    void theScreenshotIsKeptUnderTarget() throws Exception {
        Path png = OUT.resolve("report.png");
        Files.deleteIfExists(png);

        Chromium.Browser browser = run("--screenshot=" + png, "--window-size=1280,2000");

        assertThat(browser.stderr(), browser.exit(), is(0));
        assertThat(browser.pageConsole(), is(List.of()));
        byte[] bytes = Files.readAllBytes(png);
        assertThat(bytes.length, greaterThan(10_000));
        assertThat(new String(bytes, 1, 3, java.nio.charset.StandardCharsets.US_ASCII), is("PNG"));
    }
}
