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

        assertThat(html, not(containsString("<script")));
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
    void eachFailureShowsItsCauseAndRemedy() throws IOException {
        String html = page();

        assertThat(html, containsString("<h2 id=\"failures\">Failures (2)</h2>"));
        assertThat(count(html, "<div class=\"failure\">"), is(2));
        for (Verdict verdict : new Verdict[] {Verdict.TCP_TIMEOUT, Verdict.DNS_NXDOMAIN}) {
            assertThat(html, allOf(containsString("<span class=\"verdict\">" + verdict.name() + "</span>"),
                    containsString("Cause:</span> " + Html.escape(verdict.meaning())),
                    containsString("Remedy:</span> " + Html.escape(verdict.remedy()))));
        }
        assertThat(html, containsString("Attempts:</span> 3, all failed"));
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
