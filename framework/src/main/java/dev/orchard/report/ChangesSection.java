package dev.orchard.report;

import static dev.orchard.report.Html.escape;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The change request on the page: one copyable text block per change kind, one {@code host port/transport} line
 * each, ready to paste into a ticket for the team that runs the firewall, the proxy or the DNS filter. The same
 * rows, with services, verdicts and reasons, are in {@code apple-network-changes.csv}.
 */
final class ChangesSection {

    private ChangesSection() {
    }

    static void render(StringBuilder html, RunReport report, ChangeRequest request) {
        html.append("<section id=\"changes\">\n<h2>Changes to request (").append(request.changes().size())
                .append(")</h2>\n");
        if (request.changes().isEmpty()) {
            html.append("<p>None.</p>\n</section>\n");
            return;
        }
        html.append("<p class=\"meta\">One line per host (or Apple's wildcard pattern) and port. With services, ")
                .append("verdicts and reasons in <code>").append(ChangesCsv.FILE_NAME).append("</code>.</p>\n");
        for (ChangeKind kind : ChangeKind.values()) {
            List<ChangeRequest.Change> changes = request.of(kind);
            if (changes.isEmpty()) {
                continue;
            }
            Set<String> lines = new LinkedHashSet<>();
            for (ChangeRequest.Change change : changes) {
                lines.add(kind == ChangeKind.OTHER ? change.line() + "  # " + String.join(" ", change.verdicts())
                        : change.line());
            }
            String id = "change-" + kind.id();
            html.append("<div class=\"change\"><h3>").append(escape(kind.title())).append(" <code>")
                    .append(kind.id()).append("</code> (").append(lines.size()).append(")</h3>\n<p class=\"meta\">")
                    .append(escape(kind.meaning())).append("</p>\n");
            if (kind == ChangeKind.FIREWALL_ALLOW) {
                FirewallRangeNote.firewallNote(report, changes).ifPresent(note -> html.append("<p class=\"note\">")
                        .append(escape(note)).append("</p>\n"));
            }
            html.append("<button type=\"button\" class=\"copy\" data-for=\"").append(id).append("\" hidden>Copy")
                    .append("</button>\n<pre id=\"").append(id).append("\">")
                    .append(escape(String.join("\n", lines))).append("</pre></div>\n");
        }
        html.append("</section>\n");
    }
}
