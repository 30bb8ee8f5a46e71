package dev.orchard.report;

import dev.orchard.internal.Sanitizer;

/**
 * Escapes text for HTML element content and quoted attributes; catalog text and hostnames are untrusted. Text is
 * first cleaned by {@link Sanitizer} (credentials redacted, control characters and lone surrogates escaped).
 */
@org.apiguardian.api.API(status = org.apiguardian.api.API.Status.INTERNAL, since = "0.1")
public final class Html {

    private Html() {
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
