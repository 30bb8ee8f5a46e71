package dev.orchard.sites;

import static dev.orchard.report.Html.escape;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code apple-network-aggregate.html}: the causes that recur across sites, a site × service matrix coloured by
 * each cell's worst verdict, and a drill-down per site (its failures, and its drift when a baseline was given).
 * Every site name, host, message and issuer comes from files and is escaped.
 */
final class AggregateHtml {

    static final String FILE_NAME = "apple-network-aggregate.html";
    /** Details shown per cause before "and n more". */
    private static final int DETAILS_SHOWN = 5;
    private static final int SITES_NAMED = 12;

    private AggregateHtml() {
    }

    static Path write(Aggregation aggregation, Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(render(aggregation));
        }
        return file;
    }

    static String render(Aggregation aggregation) {
        StringBuilder html = new StringBuilder(64 * 1024 + aggregation.sites.size() * 2048);
        Page.open(html, "Apple network checks across " + aggregation.sites.size() + " sites");
        html.append("<p class=\"meta\" id=\"totals\"><span>").append(aggregation.sites.size())
                .append(" sites</span><span>")
                .append(aggregation.checks()).append(" checks</span><span class=\"fail\">")
                .append(aggregation.count(r -> r.totals.failed)).append(" failed</span><span>")
                .append(aggregation.count(r -> r.totals.skipped)).append(" skipped</span>");
        if (aggregation.baseline) {
            html.append("<span class=\"new\">").append(aggregation.newFailures()).append(" new failures since the ")
                    .append("baseline</span>");
        }
        html.append("</p>\n");
        causes(html, aggregation);
        matrix(html, aggregation);
        drillDown(html, aggregation);
        skipped(html, aggregation);
        Page.close(html);
        return html.toString();
    }

    private static void causes(StringBuilder html, Aggregation aggregation) {
        Map<String, Set<String>> byVerdict = aggregation.sitesByVerdict();
        html.append("<h2 id=\"causes\">Causes across sites</h2>\n");
        if (byVerdict.isEmpty()) {
            html.append("<p>No check failed at any site.</p>\n");
            return;
        }
        List<Map.Entry<Cause, Aggregation.Spread>> causes = aggregation.causes();
        byVerdict.entrySet().stream()
                .sorted((a, b) -> b.getValue().size() != a.getValue().size()
                        ? b.getValue().size() - a.getValue().size() : a.getKey().compareTo(b.getKey()))
                .forEach(verdict -> {
                    List<Map.Entry<Cause, Aggregation.Spread>> details = causes.stream()
                            .filter(c -> c.getKey().verdict().equals(verdict.getKey())).toList();
                    int checks = details.stream().mapToInt(c -> c.getValue().checks()).sum();
                    int sites = verdict.getValue().size();
                    html.append("<div class=\"cause\"><span class=\"verdict\">").append(escape(verdict.getKey()))
                            .append("</span> at ").append(sites).append(sites == 1 ? " site" : " sites").append(" (")
                            .append(checks).append(checks == 1 ? " check" : " checks").append(')');
                    if (details.size() == 1 && !details.get(0).getKey().detail().isEmpty()) {
                        html.append(", same ").append(escape(details.get(0).getKey().detail()));
                    }
                    html.append(": ").append(names(verdict.getValue()));
                    if (details.size() > 1) {
                        html.append("<ul>");
                        details.stream().limit(DETAILS_SHOWN).forEach(d -> html.append("<li>")
                                .append(d.getValue().sites().size()).append(" sites: ")
                                .append(escape(d.getKey().detail().isEmpty() ? "no further detail"
                                        : d.getKey().detail()))
                                .append("</li>"));
                        if (details.size() > DETAILS_SHOWN) {
                            html.append("<li>... and ").append(details.size() - DETAILS_SHOWN).append(" more</li>");
                        }
                        html.append("</ul>");
                    }
                    html.append("</div>\n");
                });
    }

    private static String names(Set<String> sites) {
        StringBuilder text = new StringBuilder();
        sites.stream().limit(SITES_NAMED).forEach(s -> text.append(text.length() == 0 ? "" : ", ").append(escape(s)));
        if (sites.size() > SITES_NAMED) {
            text.append(" and ").append(sites.size() - SITES_NAMED).append(" more");
        }
        return text.toString();
    }

    private static void matrix(StringBuilder html, Aggregation aggregation) {
        List<String> services = aggregation.services();
        html.append("<h2 id=\"matrix\">Sites × services (worst verdict)</h2>\n<table class=\"matrix\">\n")
                .append("<tr><th>Site</th>")
                .append("<th>Failed</th>");
        if (aggregation.baseline) {
            html.append("<th>New</th>");
        }
        services.forEach(s -> html.append("<th class=\"svc\">").append(escape(s)).append("</th>"));
        html.append("</tr>\n");
        int index = 0;
        for (SiteRun run : aggregation.sites.values()) {
            html.append("<tr><th><a href=\"#site-").append(index++).append("\">").append(escape(run.site()))
                    .append("</a></th><td class=\"n").append(run.totals.failed > 0 ? " fail" : "").append("\">")
                    .append(run.totals.failed).append('/').append(run.totals.total).append("</td>");
            if (aggregation.baseline) {
                int fresh = run.drift == null ? 0 : run.drift.newFailures().size();
                html.append("<td class=\"n").append(fresh > 0 ? " new" : "").append("\">")
                        .append(run.drift == null ? "-" : Integer.toString(fresh)).append("</td>");
            }
            for (String service : services) {
                ServiceCell cell = run.services.get(service);
                if (cell == null) {
                    html.append("<td class=\"none\"></td>");
                    continue;
                }
                String worst = cell.worst();
                html.append("<td class=\"").append(cell.colour()).append("\" title=\"").append(escape(service))
                        .append(": ").append(cell.passed).append(" passed, ").append(cell.failed).append(" failed, ")
                        .append(cell.skipped).append(" skipped\">")
                        .append(worst.equals("OK") ? "OK" : escape(worst)).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</table>\n");
    }

    private static void drillDown(StringBuilder html, Aggregation aggregation) {
        html.append("<h2 id=\"sites\">Sites</h2>\n");
        int index = 0;
        for (SiteRun run : aggregation.sites.values()) {
            RunHeader h = run.header;
            html.append("<details id=\"site-").append(index++).append("\"").append(run.totals.failed > 0 ? " open" : "")
                    .append("><summary><b>").append(escape(run.site())).append("</b>: ").append(run.totals.failed)
                    .append(" failed, ").append(run.totals.passed).append(" passed, ").append(run.totals.skipped)
                    .append(" skipped of ").append(run.totals.total).append("; run of ").append(escape(h.startedAt()))
                    .append("</summary>\n<p class=\"meta\">").append(escape(h.catalog())).append(' ')
                    .append(escape(h.revision())).append("; file <span class=\"mono\">")
                    .append(escape(h.file().toString())).append("</span></p>\n");
            if (!run.failures.isEmpty()) {
                html.append("<table>\n<tr><th>Service</th><th>Host</th><th>Check</th><th>Verdict</th><th>Message</th>")
                        .append("</tr>\n");
                for (CheckRecord failure : run.failures) {
                    html.append("<tr><td>").append(escape(failure.service())).append("</td><td class=\"mono\">")
                            .append(escape(failure.host())).append("</td><td>").append(escape(failure.checkName()))
                            .append("</td><td class=\"verdict\">").append(escape(failure.verdict())).append("</td><td>")
                            .append(escape(failure.message())).append("</td></tr>\n");
                }
                html.append("</table>\n");
                if (run.totals.failed > run.failures.size()) {
                    html.append("<p>... and ").append(run.totals.failed - run.failures.size())
                            .append(" more failures in the site's own report</p>\n");
                }
            }
            if (run.drift != null) {
                DriftHtml.section(html, run.drift);
            }
            html.append("</details>\n");
        }
    }

    private static void skipped(StringBuilder html, Aggregation aggregation) {
        List<Aggregation.Skipped> skipped = aggregation.skippedInOrder();
        if (skipped.isEmpty()) {
            return;
        }
        html.append("<h2 id=\"skipped\">Files not aggregated (").append(skipped.size()).append(")</h2>\n<ul>\n");
        skipped.forEach(s -> html.append("<li class=\"mono\">").append(escape(s.line())).append("</li>\n"));
        html.append("</ul>\n");
    }
}
