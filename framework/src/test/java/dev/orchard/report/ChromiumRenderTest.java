package dev.orchard.report;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
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
        return run(page, mode);
    }

    private static Chromium.Browser run(Path page, String... mode) throws Exception {
        return new Chromium(profile).run(page, mode);
    }

    @Test
    void theDomShowsEveryFailureWithItsCauseAndRemedy() throws Exception {
        String dom = run("--dump-dom").assertRendered().stdout();
        assertThat(dom, allOf(containsString("Failures (2)"), containsString("TCP_TIMEOUT"),
                containsString("DNS_NXDOMAIN"), containsString(Verdict.TCP_TIMEOUT.remedy()),
                containsString("<svg"), containsString("median 80 ms, max 5001 ms")));
        assertThat("the hostile description stays text", dom, allOf(not(containsString("<script>alert")),
                containsString("&lt;script&gt;alert(1)&lt;/script&gt;")));
    }

    /** A copy of {@code page} with one more script, allowed by its hash, that writes what it measured into the DOM. */
    private static Path measured(Path page, String probe) throws IOException {
        String html = Files.readString(page);
        String copy = html.replace("script-src " + PageScript.CSP_SOURCE,
                "script-src " + PageScript.CSP_SOURCE + " " + PageScript.source(probe))
                .replace("</body>", "<script>" + probe + "</script>\n</body>");
        Path file = page.resolveSibling("measured-" + page.getFileName());
        Files.writeString(file, copy);
        return file;
    }

    private static String attribute(String dom, String name) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(name + "=\"([^\"]*)\"").matcher(dom);
        return m.find() ? m.group(1) : "(missing)";
    }

    /**
     * 150 failed checks of a broken network: the causes section ends above the fold of a 1280x800 window, the
     * script folded every failure and showed the filters. The screenshot stays under target for people to look at.
     */
    @Test
    void onABrokenNetworkTheCausesAreAboveTheFold() throws Exception {
        Path dir = OUT.resolveSibling("html-report-broken");
        Reports.writeAll(Runs.large(300, 150), dir);
        Path broken = dir.resolve(Reports.HTML_FILE);
        Path probe = measured(broken, "var b = document.body, c = document.getElementById('causes');"
                + "b.setAttribute('data-causes-bottom', Math.round(c.getBoundingClientRect().bottom));"
                + "b.setAttribute('data-open', document.querySelectorAll('details[open]').length);"
                + "b.setAttribute('data-filters-hidden', document.getElementById('filters').hidden);"
                + "b.setAttribute('data-folding', document.documentElement.className);"
                + "var v = document.querySelector('select[name=verdict]'); v.value = 'PROXY_DENIED';"
                + "v.dispatchEvent(new Event('change', {bubbles: true}));"
                + "b.setAttribute('data-shown', document.getElementById('shown').textContent);"
                + "b.setAttribute('data-groups', [].filter.call(document.querySelectorAll('details.cause'),"
                + " function (g) { return !g.hidden && g.open; }).length);");

        Chromium.Browser measuredRun = run(probe, "--dump-dom", "--window-size=1280,800").assertRendered();
        int bottom = Integer.parseInt(attribute(measuredRun.stdout(), "data-causes-bottom"));
        assertThat("the causes section ends at " + bottom + " px", bottom > 100 && bottom <= 800, is(true));
        assertThat("the script folded every <details>", attribute(measuredRun.stdout(), "data-open"), is("0"));
        assertThat(attribute(measuredRun.stdout(), "data-filters-hidden"), is("false"));
        assertThat("the script removed the class that hid content while the page parsed",
                attribute(measuredRun.stdout(), "data-folding"), is(""));
        assertThat("the verdict filter", attribute(measuredRun.stdout(), "data-shown"),
                is("15 of 150 failures match"));
        assertThat("only the matching cause shows, opened", attribute(measuredRun.stdout(), "data-groups"), is("1"));

        new Chromium(profile).screenshot(broken, dir.resolve("broken-network.png"), "1280,800");
    }

    /**
     * With scripts off, nothing is folded and the filters, which would do nothing, stay hidden. The copy's policy
     * blocks the page's script, as a mail client or a browser with scripts off does; Chromium's own switch for that
     * also stops {@code --dump-dom}.
     */
    @Test
    void withScriptsDisabledEveryFailureIsExpanded() throws Exception {
        Path dir = OUT.resolveSibling("html-report-broken-noscript");
        Reports.writeAll(Runs.large(300, 150), dir);
        Path page = dir.resolve(Reports.HTML_FILE);
        Path noScript = dir.resolve("noscript.html");
        Files.writeString(noScript, Files.readString(page).replace("script-src " + PageScript.CSP_SOURCE,
                "script-src 'none'"));

        Chromium.Browser browser = run(noScript, "--dump-dom");

        assertThat(browser.stderr(), browser.exit(), is(0));
        String dom = browser.stdout();
        assertThat(dom.split("<details class=\"failure\" open", -1).length - 1, is(150));
        assertThat(dom, containsString("<div id=\"filters\" class=\"filters\" role=\"search\" hidden=\"\">"));
    }

    /**
     * The waterfall of a run with start times: one bar per check, grouped by service, each on a track as long as
     * the timeout; the timed-out check's bar fills its track. The screenshot stays under target.
     */
    @Test
    void theWaterfallShowsEveryCheckOnItsTimeoutTrack() throws Exception {
        Path dir = OUT.resolveSibling("html-report-timeline");
        RunReport timed = Runs.timed(null);
        Reports.writeAll(timed, dir);
        Path timeline = dir.resolve(Reports.HTML_FILE);
        Path probe = measured(timeline, "var w = document.getElementById('waterfall'), b = document.body;"
                + "var bars = w.querySelectorAll('rect.bar');"
                + "b.setAttribute('data-bars', bars.length);"
                + "b.setAttribute('data-groups', w.querySelectorAll('text[font-weight=bold]').length);"
                + "var widest = 0; [].forEach.call(bars, function (r) {"
                + " widest = Math.max(widest, r.getBoundingClientRect().width); });"
                + "b.setAttribute('data-widest', Math.round(widest));"
                + "b.setAttribute('data-track', Math.round(bars[0].previousElementSibling"
                + ".getBoundingClientRect().width));"
                + "w.scrollIntoView();");

        Chromium.Browser measuredRun = run(probe, "--dump-dom", "--window-size=1280,1200");

        assertThat(measuredRun.stderr(), measuredRun.exit(), is(0));
        assertThat(measuredRun.pageConsole(), is(List.of()));
        assertThat(attribute(measuredRun.stdout(), "data-bars"), is(String.valueOf(timed.outcomes().size())));
        assertThat(attribute(measuredRun.stdout(), "data-groups"), is(String.valueOf(timed.byService().size())));
        int widest = Integer.parseInt(attribute(measuredRun.stdout(), "data-widest"));
        int track = Integer.parseInt(attribute(measuredRun.stdout(), "data-track"));
        assertThat("the 5001 ms timeout's bar (" + widest + " px) fills its 5000 ms track (" + track + " px)",
                widest >= track && track > 100, is(true));

        Path png = dir.resolve("timeline.png");
        Files.deleteIfExists(png);
        Chromium.Browser shot = run(probe, "--screenshot=" + png, "--window-size=1280,1200");
        assertThat(shot.stderr(), shot.exit(), is(0));
        assertThat(Files.size(png) > 10_000, is(true));
    }

    @Test
    void theScreenshotIsKeptUnderTarget() throws Exception {
        new Chromium(profile).screenshot(page, OUT.resolve("report.png"), "1280,2000");
    }
}
