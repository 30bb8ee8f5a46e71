package dev.orchard.sites;

import static dev.orchard.report.Html.escape;

/**
 * The frame of the sites' pages: like the run's {@code index.html}, self-contained (inline CSS, no script, no
 * external asset) under a Content-Security-Policy that forbids loading anything.
 */
final class Page {

    static final String STYLE = """
            body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:24px auto;max-width:1400px;\
            color:#1d1d1f;padding:0 16px}
            h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 8px;border-bottom:1px solid #ddd}
            h3{font-size:15px;margin:14px 0 4px}.meta{color:#555;margin:0 0 12px}.meta span{margin-right:18px}
            table{border-collapse:collapse;margin:6px 0 12px}th,td{border:1px solid #ddd;padding:3px 8px;\
            text-align:left;vertical-align:top}th{background:#f5f5f7}td.n{text-align:right}
            table.matrix td{font-family:ui-monospace,monospace;font-size:11px;white-space:nowrap}
            table.matrix th.svc{writing-mode:vertical-rl;transform:rotate(180deg);font-weight:600;font-size:12px}
            .pass{background:#d8f5dc;color:#0b5d1e}.fail{background:#ffd9d6;color:#8a1010}\
            .skip{background:#fff2c6;color:#6b5200}.off{background:#eee;color:#777}.none{background:#fafafa}
            .cause{border-left:5px solid #d70015;background:#fff6f5;padding:6px 12px;margin:8px 0}
            .verdict{font-family:ui-monospace,monospace;font-weight:700}.mono{font-family:ui-monospace,monospace;\
            font-size:12px}details{margin:4px 0}summary{cursor:pointer}.new{color:#8a1010;font-weight:700}
            """;

    private Page() {
    }

    static void open(StringBuilder html, String title) {
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; ")
                .append("style-src 'unsafe-inline'\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(escape(title)).append("</title>\n<style>\n").append(STYLE)
                .append("</style>\n</head>\n<body>\n<h1>").append(escape(title)).append("</h1>\n");
    }

    static void close(StringBuilder html) {
        html.append("</body>\n</html>\n");
    }
}
