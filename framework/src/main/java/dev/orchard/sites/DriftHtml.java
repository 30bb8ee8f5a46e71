package dev.orchard.sites;

import static dev.orchard.report.Html.escape;

import java.util.List;
import java.util.Map;

/** Drift as HTML: a section of the aggregate page per site, or the page {@code apple-network-drift.html}. */
final class DriftHtml {

    static final String FILE_NAME = "apple-network-drift.html";

    private DriftHtml() {
    }

    static String page(Drift drift, String site) {
        StringBuilder html = new StringBuilder(8192);
        Page.open(html, "Apple network drift at " + site);
        section(html, drift);
        Page.close(html);
        return html.toString();
    }

    static void section(StringBuilder html, Drift drift) {
        html.append("<p class=\"meta\" id=\"drift\">Compared with ").append(escape(drift.baseline()));
        if (!drift.baselineStartedAt().isEmpty()) {
            html.append(" (run of ").append(escape(drift.baselineStartedAt())).append(')');
        }
        html.append(": ").append(escape(drift.headline())).append("</p>\n");
        for (Map.Entry<String, List<Drift.Change>> section : drift.sections().entrySet()) {
            List<Drift.Change> changes = section.getValue();
            if (changes.isEmpty()) {
                continue;
            }
            html.append("<h3>").append(escape(section.getKey())).append(" (").append(changes.size())
                    .append(")</h3>\n<table>\n<tr><th>Service</th><th>Host</th><th>Check</th><th>Before</th>")
                    .append("<th>Now</th></tr>\n");
            changes.stream().limit(Drift.SHOWN).forEach(c -> html.append("<tr><td>").append(escape(c.service()))
                    .append("</td><td class=\"mono\">").append(escape(c.host())).append("</td><td>")
                    .append(escape(c.check())).append("</td><td class=\"mono\">").append(escape(c.before()))
                    .append("</td><td class=\"mono\">").append(escape(c.after())).append("</td></tr>\n"));
            html.append("</table>\n");
            if (changes.size() > Drift.SHOWN) {
                html.append("<p>... and ").append(changes.size() - Drift.SHOWN).append(" more</p>\n");
            }
        }
        if (!drift.newIssuers().isEmpty()) {
            html.append("<h3>New certificate issuers (").append(drift.newIssuers().size()).append(")</h3>\n<ul>");
            drift.newIssuers().forEach(i -> html.append("<li class=\"mono new\">").append(escape(i)).append("</li>"));
            html.append("</ul>\n");
        }
    }
}
