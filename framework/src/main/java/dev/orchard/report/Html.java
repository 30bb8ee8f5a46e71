package dev.orchard.report;

import dev.orchard.internal.Sanitizer;

/**
 * Escapes text for HTML element content and quoted attributes; catalog text and hostnames are untrusted. Text is
 * first cleaned by {@link Sanitizer} (credentials redacted, control characters and lone surrogates escaped).
 */
@org.apiguardian.api.API(status = org.apiguardian.api.API.Status.INTERNAL, since = "0.1")
public final class Html {

    /** The rules every page shares: type, headings, the meta line, tables, the status colours and verdicts. */
    static final String BASE_STYLE = """
            body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:24px auto;max-width:1200px;\
            color:#1d1d1f;padding:0 16px}
            h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 8px;border-bottom:1px solid #ddd}
            .meta{color:#555;margin:0 0 12px}.meta span{margin-right:18px}
            table{border-collapse:collapse;margin:6px 0 12px}th,td{border:1px solid #ddd;padding:4px 10px;\
            text-align:left;vertical-align:top}th{background:#f5f5f7}td.n{text-align:right}
            .pass{background:#d8f5dc;color:#0b5d1e}.fail{background:#ffd9d6;color:#8a1010}\
            .skip{background:#fff2c6;color:#6b5200}
            .verdict{font-family:ui-monospace,monospace;font-weight:700}\
            .mono{font-family:ui-monospace,monospace;font-size:12px}
            """;

    private Html() {
    }

    /**
     * Opens a self-contained page, up to {@code <body>}: nothing to load, under a Content-Security-Policy that
     * allows inline styles ({@link #BASE_STYLE}, then {@code style}) and, when {@code scriptSource} is not null,
     * that one script, {@code headScript}, in the head.
     */
    public static void open(StringBuilder html, String title, String style, String scriptSource, String headScript) {
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; ")
                .append("style-src 'unsafe-inline'").append(scriptSource == null ? "" : "; script-src " + scriptSource)
                .append("\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(escape(title)).append("</title>\n")
                .append("<style>\n").append(BASE_STYLE).append(style).append("</style>\n")
                .append(scriptSource == null ? "" : "<script>" + headScript + "</script>\n")
                .append("</head>\n<body>\n");
    }

    /** The text, safe between tags and inside double-quoted attributes. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        String clean = Sanitizer.clean(text, Integer.MAX_VALUE);
        StringBuilder out = new StringBuilder(clean.length() + 16);
        for (int i = 0; i < clean.length(); ) {
            int cp = clean.codePointAt(i);
            i += Character.charCount(cp);
            switch (cp) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                case '\n', '\t', '\r' -> out.appendCodePoint(cp);
                default -> {
                    boolean unfit = cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || Character.isSurrogate((char) cp)
                            && cp <= 0xFFFF;
                    out.appendCodePoint(unfit ? 0xFFFD : cp);
                }
            }
        }
        return out.toString();
    }
}
