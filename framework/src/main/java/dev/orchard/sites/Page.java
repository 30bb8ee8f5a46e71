package dev.orchard.sites;

import static dev.orchard.report.Html.escape;

import dev.orchard.report.Html;

/**
 * The frame of the sites' pages: like the run's {@code index.html}, self-contained (inline CSS, no script, no
 * external asset) under a Content-Security-Policy that forbids loading anything.
 */
final class Page {

    /** The sites' own rules, after {@code Html.BASE_STYLE}: wider, denser tables. */
    static final String STYLE = """
            body{max-width:1400px}th,td{padding:3px 8px}
            h3{font-size:15px;margin:14px 0 4px}
            table.matrix td{font-family:ui-monospace,monospace;font-size:11px;white-space:nowrap}
            table.matrix th.svc{writing-mode:vertical-rl;transform:rotate(180deg);font-weight:600;font-size:12px}
            .off{background:#eee;color:#777}.none{background:#fafafa}
            .cause{border-left:5px solid #d70015;background:#fff6f5;padding:6px 12px;margin:8px 0}
            details{margin:4px 0}summary{cursor:pointer}.new{color:#8a1010;font-weight:700}
            """;

    private Page() {
    }

    static void open(StringBuilder html, String title) {
        Html.open(html, title, STYLE, null, null);
        html.append("<h1>").append(escape(title)).append("</h1>\n");
    }

    static void close(StringBuilder html) {
        html.append("</body>\n</html>\n");
    }
}
