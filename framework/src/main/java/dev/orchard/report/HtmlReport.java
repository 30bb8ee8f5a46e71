package dev.orchard.report;

import static dev.orchard.report.Html.escape;

import dev.orchard.catalog.Endpoint;
import dev.orchard.internal.Sanitizer;
import dev.orchard.probe.CertificateInfo;
import dev.orchard.probe.Evidence;
import dev.orchard.probe.NetworkSettings;
import dev.orchard.probe.ProbeResult;
import dev.orchard.probe.Status;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Renders the run as one self-contained HTML page ({@code index.html}): inline CSS, SVG and one small script, no
 * external asset, so it opens from a CI artifact or a mail attachment exactly as it was written. Causes come
 * first ({@link CausesSection}), then the change request ({@link ChangesSection}), then the failures grouped by
 * cause. Every piece of catalog text and every hostname is escaped: a site catalog is input, not markup.
 */
final class HtmlReport {

    static final String FILE_NAME = "index.html";

    /** The report's own rules, after {@link Html#BASE_STYLE}. */
    private static final String STYLE = """
            td.n{min-width:52px}
            .totals span{display:inline-block;padding:4px 10px;border-radius:12px;margin-right:8px;font-weight:600}
            .flaky{background:#e6dcff;color:#3d1f8a}.zero{color:#aaa}
            .failure{border-left:5px solid #d70015;background:#fff6f5;padding:4px 12px;margin:4px 0}
            .failure summary{font-weight:600}.failure small{font-weight:400;color:#555}
            details.cause{margin:8px 0}details.cause>summary{font-size:15px;padding:4px 0;cursor:pointer}
            table.causes td{font-size:13px}.name{white-space:nowrap}details.more{display:inline}details.more summary{color:#1f5fbf;\
            cursor:pointer}.note{background:#eef4ff;border-left:4px solid #1f5fbf;padding:6px 10px}
            .change pre{background:#f5f5f7;border:1px solid #ddd;padding:8px;margin:4px 0 12px;white-space:pre-wrap}
            .change h3{font-size:15px;margin:12px 0 2px}.change .meta{margin:0}button.copy{float:right}
            .filters{position:sticky;top:0;background:#fff;padding:6px 0;border-bottom:1px solid #ddd}\
            .filters label{margin-right:12px}.filters output{color:#555}
            .label{font-weight:600}ul.evidence{margin:4px 0 0;font-family:ui-monospace,monospace;font-size:12px}
            code{font-family:ui-monospace,monospace;font-size:12px}
            .waterfall{max-height:640px;overflow-y:auto;border:1px solid #ddd}
            """;

    /** Long tables sit in a {@code <details>} that the page script folds; the summary text follows. */
    private static final String FOLDED_TABLE = "<details class=\"table\" open><summary>";

    private HtmlReport() {
    }

    static String render(RunReport report) {
        StringBuilder html = new StringBuilder(16_384);
        Html.open(html, "Apple network check at " + report.site() + ": " + report.catalogName(),
                STYLE + PageScript.STYLE, PageScript.CSP_SOURCE, PageScript.HEAD);
        header(html, report);
        List<CauseGroup> causes = CauseGroup.of(report);
        CausesSection.render(html, causes);
        ChangesSection.render(html, report, ChangeRequest.of(report));
        Waterfall.render(html, report);
        overview(html, report);
        failures(html, report, causes);
        skipped(html, report);
        hosts(html, report);
        latency(html, report);
        html.append("<script>").append(PageScript.SCRIPT).append("</script>\n</body>\n</html>\n");
        return html.toString();
    }

    private static void header(StringBuilder html, RunReport report) {
        NetworkSettings settings = report.settings();
        Summary s = report.summary();
        String proxy = Sanitizer.withoutCredentials(settings.proxy());
        html.append("<h1>Apple network check at ").append(escape(report.site())).append(": ")
                .append(escape(report.catalogName())).append("</h1>\n")
                .append("<p class=\"meta\"><span>article revision ").append(escape(report.catalogRevision()))
                .append("</span><span>started ").append(escape(report.startedAt().toString()))
                .append("</span><span>took ").append(seconds(report.duration())).append("</span><span>resolver ")
                .append(escape(settings.dnsServers().isEmpty() ? "system" : String.join(", ", settings.dnsServers())))
                .append("</span><span>proxy ").append(escape(proxy == null ? "none" : proxy))
                .append("</span><span>timeout ").append(settings.timeout() == null ? "-" : seconds(settings.timeout()))
                .append("</span></p>\n<p class=\"totals\" id=\"totals\"><span>").append(s.total())
                .append(" checks</span><span class=\"pass\">").append(s.passed()).append(" passed</span>")
                .append("<span class=\"fail\">").append(s.failed()).append(" failed</span>")
                .append("<span class=\"skip\">").append(s.skipped()).append(" skipped</span>")
                .append("<span class=\"flaky\">").append(s.flaky()).append(" flaky</span></p>\n");
        for (String line : Summary.familyLines(report.outcomes())) {
            html.append("<p class=\"family\">").append(escape(line)).append("</p>\n");
        }
    }

    private static void overview(StringBuilder html, RunReport report) {
        html.append("<h2>Services</h2>\n<table id=\"overview\">\n<tr><th>Service</th><th>Checks</th><th>Passed</th>")
                .append("<th>Failed</th><th>Skipped</th><th>Flaky</th></tr>\n");
        for (Map.Entry<String, List<CheckOutcome>> service : report.byService().entrySet()) {
            Summary s = Summary.of(service.getValue());
            html.append("<tr><th>").append(escape(service.getKey())).append("</th><td class=\"n\">").append(s.total())
                    .append("</td>");
            cell(html, s.passed(), "pass");
            cell(html, s.failed(), "fail");
            cell(html, s.skipped(), "skip");
            cell(html, s.flaky(), "flaky");
            html.append("</tr>\n");
        }
        html.append("</table>\n");
    }

    /**
     * Where the failed row departs from Apple's printed article, so whoever reads the failure knows the catalog
     * tests something other than the printed cell, and why.
     */
    private static void erratum(StringBuilder html, Endpoint row) {
        for (dev.orchard.catalog.Erratum erratum : row.errata()) {
            html.append("<div class=\"erratum\"><span class=\"label\">Erratum (").append(escape(erratum.field()))
                    .append("):</span> Apple printed '").append(escape(erratum.published())).append("'. ")
                    .append(escape(erratum.note())).append("</div>\n");
        }
    }

    private static void cell(StringBuilder html, int count, String colour) {
        html.append("<td class=\"n ").append(count == 0 ? "zero" : colour).append("\">").append(count).append("</td>");
    }

    /**
     * The failures grouped under their cause, each group and each failure a {@code <details>}: written open, so a
     * page without scripts shows everything, and folded by {@link PageScript} so 500 failures stay readable.
     */
    private static void failures(StringBuilder html, RunReport report, List<CauseGroup> causes) {
        List<CheckOutcome> failed = report.outcomes().stream().filter(o -> o.status() == Status.FAILED).toList();
        html.append("<h2 id=\"failures\">Failures (").append(failed.size()).append(")</h2>\n");
        if (failed.isEmpty()) {
            html.append("<p>Every check that ran passed.</p>\n");
        } else {
            FailureFilters.render(html, failed);
        }
        for (CauseGroup cause : causes) {
            html.append("<details class=\"cause\" open><summary><span class=\"verdict\">")
                    .append(cause.verdict().name()).append("</span> (<span class=\"count\">")
                    .append(cause.failures().size()).append("</span>) ").append(escape(cause.verdict().meaning()))
                    .append("</summary>\n<div><span class=\"label\">Remedy:</span> ")
                    .append(escape(cause.verdict().remedy())).append("</div>\n");
            for (CheckOutcome outcome : cause.failures()) {
                failure(html, outcome);
            }
            html.append("</details>\n");
        }
        List<CheckOutcome> flaky = report.outcomes().stream().filter(CheckOutcome::flaky).toList();
        if (!flaky.isEmpty()) {
            html.append("<h2 id=\"flaky\">Passed only on a rerun (").append(flaky.size()).append(")</h2>\n<table>\n")
                    .append("<tr><th>Host</th><th>Check</th><th>Earlier failures</th></tr>\n");
            for (CheckOutcome outcome : flaky) {
                html.append("<tr><td class=\"mono\">").append(escape(outcome.target().host())).append("</td><td>")
                        .append(escape(outcome.target().check().displayName())).append("</td><td>");
                for (ProbeResult earlier : outcome.earlierAttempts()) {
                    html.append("<span class=\"verdict\">").append(earlier.verdict().name()).append("</span> ")
                            .append(escape(earlier.message())).append("<br>");
                }
                html.append("</td></tr>\n");
            }
            html.append("</table>\n");
        }
    }

    private static void failure(StringBuilder html, CheckOutcome outcome) {
        ProbeResult result = outcome.result();
        Endpoint row = outcome.target().endpoint();
        html.append("<details class=\"failure\" open data-service=\"").append(escape(row.service()))
                .append("\" data-verdict=\"").append(result.verdict().name()).append("\" data-tags=\"")
                .append(escape(String.join(" ", outcome.tags()))).append("\"><summary>")
                .append(escape(outcome.target().host())).append(' ')
                .append(escape(outcome.target().check().displayName())).append(" <small>(")
                .append(escape(row.service())).append(", row ").append(escape(row.pattern()))
                .append(")</small></summary>\n<div>").append(escape(result.message())).append("</div>\n");
        if (!row.description().isEmpty()) {
            html.append("<div><span class=\"label\">Used for:</span> ").append(escape(row.description()))
                    .append("</div>\n");
        }
        erratum(html, row);
        if (outcome.rerun()) {
            html.append("<div><span class=\"label\">Attempts:</span> ").append(outcome.attempts().size())
                    .append(", all failed</div>\n");
        }
        List<String> lines = EvidenceLines.of(result.evidence());
        if (!lines.isEmpty()) {
            html.append("<ul class=\"evidence\">");
            lines.forEach(line -> html.append("<li>").append(escape(line)).append("</li>"));
            html.append("</ul>\n");
        }
        html.append("</details>\n");
    }

    private static void skipped(StringBuilder html, RunReport report) {
        List<CheckOutcome> skipped = report.outcomes().stream().filter(o -> o.status() == Status.SKIPPED).toList();
        if (skipped.isEmpty()) {
            return;
        }
        html.append("<h2 id=\"skipped\">Skipped (").append(skipped.size()).append(")</h2>\n")
                .append(FOLDED_TABLE).append("the checks that did not run, and why</summary>\n<table>\n")
                .append("<tr><th>Service</th><th>Host</th><th>Check</th><th>Why</th></tr>\n");
        for (CheckOutcome outcome : skipped) {
            html.append("<tr><td>").append(escape(outcome.service())).append("</td><td class=\"mono\">")
                    .append(escape(outcome.target().host())).append("</td><td>")
                    .append(escape(outcome.target().check().displayName())).append("</td><td>")
                    .append(outcome.result().verdict().name()).append(": ").append(escape(outcome.result().message()))
                    .append("</td></tr>\n");
        }
        html.append("</table>\n</details>\n");
    }

    /** Per probed host: what DNS answered (the CNAME chain) and who issued the certificate it presented. */
    private static void hosts(StringBuilder html, RunReport report) {
        Map<String, HostFacts> hosts = new LinkedHashMap<>();
        for (CheckOutcome outcome : report.outcomes()) {
            Evidence e = outcome.result().evidence();
            HostFacts facts = hosts.computeIfAbsent(outcome.service() + " " + outcome.target().host(),
                    k -> new HostFacts(outcome.service(), outcome.target().host()));
            if (facts.cnameChain.isEmpty()) {
                facts.cnameChain.addAll(e.cnameChain());
            }
            facts.addresses.addAll(e.addresses());
            for (CertificateInfo certificate : e.chain()) {
                facts.issuers.add(certificate.issuer());
            }
        }
        html.append("<h2 id=\"hosts\">Hosts (").append(hosts.size()).append(")</h2>\n").append(FOLDED_TABLE)
                .append("what DNS answered and who issued each host's certificate</summary>\n")
                .append("<table>\n<tr><th>Service</th><th>Host</th><th>CNAME chain</th>")
                .append("<th>Addresses</th><th>Certificate issuers</th></tr>\n");
        for (HostFacts facts : hosts.values()) {
            html.append("<tr><td>").append(escape(facts.service)).append("</td><td class=\"mono\">")
                    .append(escape(facts.host)).append("</td><td class=\"mono\">")
                    .append(escape(String.join(" → ", facts.cnameChain))).append("</td><td class=\"mono\">")
                    .append(escape(String.join(", ", facts.addresses))).append("</td><td>")
                    .append(escape(String.join("; ", facts.issuers))).append("</td></tr>\n");
        }
        html.append("</table>\n</details>\n");
    }

    private record HostFacts(String service, String host, List<String> cnameChain, Set<String> addresses,
            Set<String> issuers) {
        HostFacts(String service, String host) {
            this(service, host, new ArrayList<>(), new LinkedHashSet<>(), new LinkedHashSet<>());
        }
    }

    /** Inline SVG bars: the light bar is a service's slowest check, the dark one inside it the median. */
    private static void latency(StringBuilder html, RunReport report) {
        List<Latency> rows = report.byService().entrySet().stream()
                .map(e -> Latency.of(e.getKey(), e.getValue())).toList();
        long scale = Math.max(1, rows.stream().mapToLong(l -> l.max().toMillis()).max().orElse(1));
        int label = 200;
        int width = 560;
        int rowHeight = 26;
        int height = rows.size() * rowHeight + 30;
        html.append("<h2 id=\"latency\">Latency by service (median and max)</h2>\n")
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"").append(label + width + 160)
                .append("\" height=\"").append(height).append("\" font-size=\"12\" font-family=\"sans-serif\">\n")
                .append("<title>Median and maximum check duration per service</title>\n");
        int y = 8;
        for (Latency row : rows) {
            long max = row.max().toMillis();
            long median = row.median().toMillis();
            html.append("<g><text x=\"0\" y=\"").append(y + 14).append("\">").append(escape(row.service()))
                    .append("</text>")
                    .append("<rect x=\"").append(label).append("\" y=\"").append(y).append("\" height=\"18\" width=\"")
                    .append(bar(max, scale, width)).append("\" fill=\"#a7c7f2\"><title>max ").append(max)
                    .append(" ms</title></rect>")
                    .append("<rect x=\"").append(label).append("\" y=\"").append(y + 4)
                    .append("\" height=\"10\" width=\"").append(bar(median, scale, width))
                    .append("\" fill=\"#1f5fbf\"><title>median ").append(median).append(" ms</title></rect>")
                    .append("<text x=\"").append(label + bar(max, scale, width) + 6).append("\" y=\"").append(y + 14)
                    .append("\">median ").append(median).append(" ms, max ").append(max).append(" ms</text></g>\n");
            y += rowHeight;
        }
        html.append("<text x=\"").append(label).append("\" y=\"").append(y + 14).append("\" fill=\"#555\">")
                .append("scale: full width = ").append(scale).append(" ms; ").append(rows.stream()
                        .mapToInt(Latency::count).sum()).append(" checks that ran</text>\n</svg>\n");
    }

    private static long bar(long millis, long scale, int width) {
        return millis == 0 ? 0 : Math.max(1, millis * width / scale);
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }
}
