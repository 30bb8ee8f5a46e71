package dev.orchard.report;

import static dev.orchard.report.Html.escape;

import java.util.List;

/**
 * The top of the page: one line per cause, with how many checks it breaks and in which services, its remedy, and
 * its hosts folded after the first few. On a badly broken network this is the part an administrator reads.
 */
final class CausesSection {

    /** Hosts shown before the rest are folded. */
    static final int HOSTS_SHOWN = 4;

    private CausesSection() {
    }

    static void render(StringBuilder html, List<CauseGroup> causes) {
        html.append("<section id=\"causes\">\n<h2>Causes (").append(causes.size()).append(")</h2>\n");
        if (causes.isEmpty()) {
            html.append("<p>No check failed: there is nothing to change.</p>\n</section>\n");
            return;
        }
        html.append("<table class=\"causes\">\n<tr><th>Cause</th><th>Checks</th><th>Services</th><th>Remedy</th>")
                .append("<th>Hosts</th></tr>\n");
        for (CauseGroup cause : causes) {
            html.append("<tr><td><span class=\"verdict\">").append(cause.verdict().name()).append("</span> ")
                    .append(escape(cause.verdict().meaning())).append("</td><td class=\"n\">")
                    .append(cause.failures().size()).append("</td><td>")
                    .append(escape(String.join(", ", cause.services()))).append("</td><td>")
                    .append(escape(cause.verdict().remedy())).append("</td><td class=\"mono\">");
            folded(html, List.copyOf(cause.hosts()));
            html.append("</td></tr>\n");
        }
        html.append("</table>\n</section>\n");
    }

    /** The first hosts, then the rest inside a {@code <details>} that the page script folds. */
    static void folded(StringBuilder html, List<String> hosts) {
        html.append(escape(String.join(", ", hosts.subList(0, Math.min(HOSTS_SHOWN, hosts.size())))));
        if (hosts.size() > HOSTS_SHOWN) {
            html.append("<details class=\"more\" open><summary>and ").append(hosts.size() - HOSTS_SHOWN)
                    .append(" more</summary>").append(escape(String.join(", ", hosts.subList(HOSTS_SHOWN,
                            hosts.size())))).append("</details>");
        }
    }
}
