package dev.orchard.report;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import dev.orchard.catalog.Endpoint;
import dev.orchard.catalog.Erratum;
import dev.orchard.probe.Check;
import dev.orchard.probe.CheckKind;
import dev.orchard.probe.CheckPlanner;
import dev.orchard.probe.CheckTarget;
import dev.orchard.probe.Evidence;
import dev.orchard.probe.ProbeResult;
import dev.orchard.probe.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Errata where users look: the failed row's erratum in the HTML report and the results JSON, with the revision. */
class ErratumReportTest {

    private static final String HOST = "1-courier.push.apple.com";
    private static final Endpoint PUSH = Endpoint.builder("mdm", "*.push.apple.com").ports(5223, 443)
            .probeHost(HOST, "a courier devices connect to")
            .errata(List.of(new Erratum("proxy", "Learn more about APNs and proxies.",
                    "A link, not a value <b>; the APNs paragraph says devices reach APNs through a PAC proxy.")))
            .build();
    private static final Endpoint ALBERT = Endpoint.builder("device-setup", "albert.apple.com").ports(443).build();

    private static RunReport report() {
        Check tcp = CheckPlanner.checks(PUSH, HOST).stream().filter(c -> c.kind() == CheckKind.TCP).findFirst()
                .orElseThrow();
        Check dns = CheckPlanner.checks(ALBERT, "albert.apple.com").get(0);
        return new RunReport("Apple enterprise networks", "2026-08", Runs.STARTED, Duration.ofSeconds(1),
                Runs.settings(null), List.of(
                        CheckOutcome.of(new CheckTarget(PUSH, HOST, tcp), ProbeResult.failed(Verdict.TCP_TIMEOUT,
                                "no answer", Duration.ofMillis(5), Evidence.NONE)),
                        CheckOutcome.of(new CheckTarget(ALBERT, "albert.apple.com", dns), ProbeResult.failed(
                                Verdict.DNS_NXDOMAIN, "no such host", Duration.ofMillis(5), Evidence.NONE))));
    }

    @Test
    void theHtmlReportNamesTheRevisionAndShowsTheErratumOfAFailedRow(@TempDir Path dir) throws IOException {
        String html = Files.readString(Reports.writeHtml(report(), dir.resolve(Reports.HTML_FILE)));
        assertThat(html, containsString("article revision 2026-08"));
        assertThat(html, containsString("<div class=\"erratum\"><span class=\"label\">Erratum (proxy):</span> Apple"
                + " printed 'Learn more about APNs and proxies.'. A link, not a value &lt;b&gt;; the APNs paragraph"));
        assertThat("one erratum, under the row that has it", html.split("class=\"erratum\"").length, is(2));
        assertThat(html, not(containsString("<b>;")));
    }

    @Test
    void theResultsJsonCarriesTheErratumOnlyWhereTheRowHasOne(@TempDir Path dir) throws IOException {
        Path file = Reports.writeJson(report(), dir.resolve(ResultsFile.FILE_NAME));
        ResultsFile read = ResultsFile.read(file);
        assertThat(read.catalog().revision(), is("2026-08"));
        assertThat(read.results().get(0).erratum(), contains(new ResultsFile.Erratum("proxy",
                "Learn more about APNs and proxies.",
                "A link, not a value <b>; the APNs paragraph says devices reach APNs through a PAC proxy.")));
        assertThat(read.results().get(1).erratum(), is(List.of()));
        String json = Files.readString(file);
        assertThat(json.split("\"erratum\"").length, is(2));
    }
}
