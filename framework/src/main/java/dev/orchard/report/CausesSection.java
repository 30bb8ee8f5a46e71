package dev.orchard.report;

import static dev.orchard.report.Html.escape;

import java.util.List;

/**
 * The top of the page: one line per cause, with how many checks it breaks and in which services, its remedy, and
 * its hosts folded after the first few. On a badly broken network this is the part an administrator reads.
 */
final class CausesSection {

    /** Hosts, or services, shown before the rest are folded. */
    static final int SHOWN = 4;

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
                    .append(cause.failures().size()).append("</td><td>");
            folded(html, List.copyOf(cause.services()));
            html.append("</td><td>").append(escape(cause.verdict().remedy())).append("</td><td class=\"mono\">");
            folded(html, List.copyOf(cause.hosts()));
            html.append("</td></tr>\n");
        }
        html.append("</table>\n</section>\n");
    }

    /**
     * The first names, then the rest inside a {@code <details>} that the page script folds. Each name is one
     * unbreakable span, so a host name never wraps at its hyphens.
     */
    static void folded(StringBuilder html, List<String> names) {
        names(html, names.subList(0, Math.min(SHOWN, names.size())));
        if (names.size() > SHOWN) {
            html.append("<details class=\"more\" open><summary>and ").append(names.size() - SHOWN)
                    .append(" more</summary><span>");
            names(html, names.subList(SHOWN, names.size()));
            html.append("</span></details>");
        }
    }

    private static void names(StringBuilder html, List<String> names) {
        for (int i = 0; i < names.size(); i++) {
            html.append(i == 0 ? "" : ", ").append("<span class=\"name\">").append(escape(names.get(i)))
                    .append("</span>");
        }
    }
}
