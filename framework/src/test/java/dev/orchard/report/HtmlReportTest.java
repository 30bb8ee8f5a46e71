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
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {

    @TempDir
    Path dir;

    private String page() throws IOException {
        return Files.readString(Reports.writeHtml(Runs.mixed("http://alice:s3cr3t@127.0.0.1:3128"),
                dir.resolve(Reports.HTML_FILE)));
    }

    @Test
    void hostileCatalogTextAndMessagesAreEscaped() throws IOException {
        String html = page();

        assertThat("only the page's own two scripts", count(html, "<script"), is(2));
        assertThat(html, not(containsString("<script>alert")));
        assertThat(html, containsString("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot; ]]&gt;"));
        assertThat("control characters are replaced", html, not(containsString("\u001b")));
    }

    @Test
    void thePageIsSelfContained() throws IOException {
        String html = page();

        assertThat(html, allOf(not(containsString(" src=")), not(containsString(" href=")),
                not(containsString("url(")), not(containsString("@import"))));
        assertThat(html, containsString("Content-Security-Policy\" content=\"default-src 'none'"));
        assertThat(html, allOf(not(containsString("s3cr3t")), containsString("proxy http://127.0.0.1:3128")));
    }

    @Test
    void theOverviewShowsEachServiceByStatusWithColours() throws IOException {
        String html = page();

        assertThat(html, containsString("<tr><th>mdm</th><td class=\"n\">5</td><td class=\"n pass\">3</td>"
                + "<td class=\"n fail\">1</td><td class=\"n skip\">1</td><td class=\"n flaky\">1</td></tr>"));
        assertThat(html, containsString("<tr><th>device-setup</th><td class=\"n\">5</td><td class=\"n pass\">2</td>"
                + "<td class=\"n fail\">1</td><td class=\"n skip\">2</td><td class=\"n zero\">0</td></tr>"));
    }

    @Test
    void failuresAreGroupedUnderTheirCauseWithItsRemedy() throws IOException {
        String html = page();

        assertThat(html, containsString("<h2 id=\"failures\">Failures (2)</h2>"));
        assertThat(count(html, "<details class=\"failure\" open"), is(2));
        assertThat(count(html, "<details class=\"cause\" open>"), is(2));
        for (Verdict verdict : new Verdict[] {Verdict.TCP_TIMEOUT, Verdict.DNS_NXDOMAIN}) {
            assertThat(html, allOf(containsString("<span class=\"verdict\">" + verdict.name()
                            + "</span> (<span class=\"count\">1</span>) " + Html.escape(verdict.meaning())),
                    containsString("Remedy:</span> " + Html.escape(verdict.remedy()))));
        }
        assertThat(html, containsString("<details class=\"failure\" open data-service=\"mdm\" "
                + "data-verdict=\"TCP_TIMEOUT\" data-tags=\"mdm ios macos direct-only push tcp ipv4\"><summary>"
                + "1-courier.push.apple.com tcp 5223 <small>(mdm, row *.push.apple.com)</small></summary>"));
        assertThat(html, containsString("Attempts:</span> 3, all failed"));
    }

    @Test
    void causesComeFirstWithTheChecksServicesRemedyAndHostsOfEach() throws IOException {
        String html = page();

        int causes = html.indexOf("<section id=\"causes\">");
        assertThat(causes > 0 && causes < html.indexOf("<section id=\"changes\">")
                && html.indexOf("<section id=\"changes\">") < html.indexOf("<table id=\"overview\">")
                && html.indexOf("<table id=\"overview\">") < html.indexOf("<h2 id=\"failures\">"), is(true));
        assertThat(html, containsString("<h2>Causes (2)</h2>"));
        assertThat(html, containsString("<tr><td><span class=\"verdict\">TCP_TIMEOUT</span> "
                + Html.escape(Verdict.TCP_TIMEOUT.meaning()) + "</td><td class=\"n\">1</td><td><span class=\"name\">mdm"
                + "</span></td><td>" + Html.escape(Verdict.TCP_TIMEOUT.remedy()) + "</td><td class=\"mono\">"
                + "<span class=\"name\">1-courier.push.apple.com</span></td></tr>"));
    }

    @Test
    void theChangeRequestIsOneCopyableBlockPerKind() throws IOException {
        String html = page();

        assertThat(html, containsString("<h2>Changes to request (2)</h2>"));
        assertThat(html, containsString("<pre id=\"change-firewall-allow\">*.push.apple.com 5223/tcp</pre>"));
        assertThat(html, containsString("<pre id=\"change-dns-filter-allow\">albert.apple.com</pre>"));
        assertThat(html, containsString("<button type=\"button\" class=\"copy\" data-for=\"change-firewall-allow\""
                + " hidden>Copy</button>"));
        assertThat(html, not(containsString("change-proxy-allow")));
    }

    @Test
    void withoutScriptsEverythingIsExpandedAndTheFiltersStayHidden() throws IOException {
        String html = Files.readString(Reports.writeHtml(Runs.large(200, 100), dir.resolve(Reports.HTML_FILE)));

        assertThat("every <details> is written open", count(html, "<details "), is(count(html, " open>")
                + count(html, " open data-")));
        assertThat(count(html, "<details class=\"failure\" open"), is(100));
        assertThat(html, containsString("<details class=\"more\" open><summary>and "));
        assertThat(html, containsString("<div id=\"filters\" class=\"filters\" role=\"search\" hidden>"));
        assertThat(html, containsString("<select name=\"service\"><option value=\"\">all</option>"
                + "<option>service-00</option>"));
        assertThat("no family filter while the failures have one family", html, not(containsString("name=\"family\"")));
    }

    @Test
    void theContentSecurityPolicyAllowsExactlyThePagesTwoScriptsByHash() throws Exception {
        String html = page();

        Matcher scripts = Pattern.compile("<script>(.*?)</script>", Pattern.DOTALL).matcher(html);
        List<String> hashes = new java.util.ArrayList<>();
        while (scripts.find()) {
            hashes.add("'sha256-" + java.util.Base64.getEncoder().encodeToString(java.security.MessageDigest
                    .getInstance("SHA-256").digest(scripts.group(1).getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                    + "'");
        }
        assertThat(hashes.size(), is(2));
        assertThat(html, containsString("script-src " + String.join(" ", hashes) + "\">"));
        assertThat(html, not(containsString("unsafe-eval")));
    }

    @Test
    void aFamilyFilterAppearsOnceChecksCarryAddressFamilyTags() throws IOException {
        CheckOutcome plain = Runs.mixed(null).outcomes().get(1);
        java.util.Set<String> tags = new java.util.LinkedHashSet<>(plain.tags());
        tags.add("ipv6");
        RunReport report = new RunReport("Apple enterprise networks", "2026-08", Runs.STARTED, Duration.ZERO,
                Runs.settings(null), List.of(new CheckOutcome(plain.target(), tags, plain.result(), List.of())));

        String html = Files.readString(Reports.writeHtml(report, dir.resolve(Reports.HTML_FILE)));

        assertThat(html, containsString("<select name=\"family\"><option value=\"\">all</option>"
                + "<option>ipv4</option><option>ipv6</option></select>"));
        assertThat(html, containsString("data-tags=\"mdm ios macos direct-only push tcp ipv4 ipv6\""));
    }

    @Test
    void twoThousandChecksWithAThousandFailuresStayUnderTwoMegabytes() throws IOException {
        RunReport large = Runs.large(2000, 1000);
        assertThat(large.summary().total(), is(2000));
        assertThat(large.summary().failed(), is(1000));

        Path file = Reports.writeHtml(large, dir.resolve(Reports.HTML_FILE));

        assertThat(Files.size(file) + " bytes", Files.size(file) < 2_000_000, is(true));
        String html = Files.readString(file);
        assertThat(count(html, "<details class=\"failure\""), is(1000));
        assertThat("the TCP_TIMEOUT cause folds its 600 hosts after the first few", html,
                containsString("<details class=\"more\" open><summary>and 596 more</summary>"));
    }

    @Test
    void hostsShowTheirCnameChainAndCertificateIssuer() throws IOException {
        String html = page();

        assertThat(html, containsString("<td class=\"mono\">1-courier.push.apple.com</td><td class=\"mono\">"
                + "1-courier.push.apple.com → 1-courier.push-apple.com.akadns.net</td>"));
        assertThat(html, containsString("CN=Apple Public Server RSA CA 12 - G1"));
    }

    @Test
    void theLatencyChartHasAMedianAndMaxBarPerService() throws IOException {
        String html = page();

        assertThat(html, containsString("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        // mdm ran dns 8, tcp 5001, tcp 40, tls 120 ms: median (40+120)/2 = 80, max 5001.
        assertThat(html, containsString("median 80 ms, max 5001 ms"));
        // device-setup ran albert dns 12, time dns 30, ntp 30: median 30, max 30.
        assertThat(html, containsString("median 30 ms, max 30 ms"));
        assertThat("the slowest service fills the scale", html, containsString("width=\"560\" fill=\"#a7c7f2\""));
    }

    private static int count(String text, String part) {
        Matcher m = Pattern.compile(Pattern.quote(part)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
