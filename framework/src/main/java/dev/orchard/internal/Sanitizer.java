package dev.orchard.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * The one owner of text that came from outside: a server's status line, headers and banners, DNS names, certificate
 * names, catalog and configuration values. Every such string passes through {@link #clean} before it reaches a
 * message, evidence, a console line, a report file or a log, because Orchard runs on hostile networks and reads
 * files users download. Cleaning does three things, in this order:
 * <ol>
 * <li>redacts every credential the run knows ({@link #rememberCredentials}): {@code user:password}, its Base64
 * {@code Basic} form, the percent-encoded forms and the password alone;</li>
 * <li>escapes control characters as {@code \xNN} (C0, DEL, C1) and characters that reorder or break lines
 * (U+2028, U+2029, bidi controls, lone surrogates, U+FFFE/U+FFFF) as {@code \\uNNNN}, so that a forged line such as
 * {@code [INFO] BUILD SUCCESS} can never start a line of its own and every report stays valid XML;</li>
 * <li>caps the length, ending the text with a marker that says how much was cut.</li>
 * </ol>
 * Credentials are kept process-wide: a run knows them once its proxy is parsed, and every writer, including the
 * Maven log, must redact them without being handed them.
 */
@API(status = INTERNAL)
public final class Sanitizer {

    /** What replaces a redacted secret. */
    public static final String MASK = "****";
    /** The default cap: one message or evidence line. */
    public static final int LINE = 1000;
    /** The cap for file content quoted in an error message. */
    public static final int QUOTE = 80;
    /** Passwords shorter than this are not redacted on their own (only in their longer forms): "a" would mask every a. */
    static final int MIN_BARE_SECRET = 3;

    private static volatile Map<String, String> secrets = Map.of();

    private Sanitizer() {
    }

    /** Remembers the credentials in a proxy URL's user-info, if it has any; a URL that cannot be read is ignored. */
    public static void rememberUrl(String url) {
        if (url == null) {
            return;
        }
        String trimmed = url.strip();
        int scheme = trimmed.indexOf("://");
        int at = trimmed.lastIndexOf('@');
        if (at < 0 || at < scheme) {
            return;
        }
        String userInfo = trimmed.substring(scheme < 0 ? 0 : scheme + 3, at);
        String rawUserInfo = userInfo;
        try {
            String parsed = new URI(trimmed).getRawUserInfo();
            if (parsed != null) {
                rawUserInfo = parsed;
            }
        } catch (URISyntaxException e) {
            // Not a URI: the text before '@' is still the secret.
        }
        int colon = rawUserInfo.indexOf(':');
        String rawUser = colon < 0 ? rawUserInfo : rawUserInfo.substring(0, colon);
        String rawPassword = colon < 0 ? "" : rawUserInfo.substring(colon + 1);
        rememberCredentials(decode(rawUser), decode(rawPassword));
        add(rawUserInfo, rawUser + ":" + MASK, 1);
        add(rawPassword, MASK, MIN_BARE_SECRET);
    }

    /** Remembers a user and password (plain text); every form of them is redacted from now on. */
    public static synchronized void rememberCredentials(String user, String password) {
        if (password == null || password.isEmpty()) {
            return;
        }
        String who = user == null ? "" : user;
        String pair = who + ":" + password;
        Map<String, String> forms = new LinkedHashMap<>();
        byte[] pairBytes = pair.getBytes(StandardCharsets.UTF_8);
        forms.put(Base64.getEncoder().encodeToString(pairBytes), MASK);
        forms.put(Base64.getEncoder().withoutPadding().encodeToString(pairBytes), MASK);
        forms.put(Base64.getUrlEncoder().withoutPadding().encodeToString(pairBytes), MASK);
        forms.put(pair, who + ":" + MASK);
        for (String encodedPassword : percentForms(password)) {
            for (String encodedUser : percentForms(who)) {
                forms.put(encodedUser + ":" + encodedPassword, encodedUser + ":" + MASK);
            }
        }
        forms.forEach((secret, replacement) -> add(secret, replacement, 1));
        add(password, MASK, MIN_BARE_SECRET);
        for (String encoded : percentForms(password)) {
            add(encoded, MASK, MIN_BARE_SECRET);
        }
    }

    private static synchronized void add(String secret, String replacement, int minLength) {
        if (secret == null || secret.length() < minLength || secrets.containsKey(secret)) {
            return;
        }
        Map<String, String> next = new LinkedHashMap<>(secrets);
        next.put(secret, replacement);
        // Longest first, so that "alice:pw" is masked as a pair before "pw" alone.
        List<Map.Entry<String, String>> sorted = new ArrayList<>(next.entrySet());
        sorted.sort(Comparator.comparingInt((Map.Entry<String, String> e) -> e.getKey().length()).reversed());
        Map<String, String> ordered = new LinkedHashMap<>();
        sorted.forEach(e -> ordered.put(e.getKey(), e.getValue()));
        secrets = ordered;
    }

    /** The percent-encoded spellings of {@code text}: upper- and lower-case hex, space as %20 and as +. */
    private static List<String> percentForms(String text) {
        String form = URLEncoder.encode(text, StandardCharsets.UTF_8);
        List<String> forms = new ArrayList<>();
        for (String s : List.of(form, form.replace("+", "%20"))) {
            forms.add(s);
            forms.add(lowerHex(s));
        }
        forms.add(text);
        return forms.stream().distinct().toList();
    }

    private static String lowerHex(String encoded) {
        StringBuilder out = new StringBuilder(encoded);
        for (int i = out.indexOf("%"); i >= 0 && i + 2 < out.length(); i = out.indexOf("%", i + 1)) {
            out.replace(i + 1, i + 3, out.substring(i + 1, i + 3).toLowerCase(Locale.ROOT));
        }
        return out.toString();
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    /** Redacts, escapes and caps at {@link #LINE} characters; null stays null. */
    public static String clean(String text) {
        return clean(text, LINE);
    }

    /** Redacts, escapes and caps at {@code max} characters, marker included; null stays null. */
    public static String clean(String text, int max) {
        if (text == null) {
            return null;
        }
        return cap(escape(redact(text)), max);
    }

    /** Like {@link #clean(String, int)} for each line, keeping the line breaks: for our own multi-line messages. */
    public static String cleanLines(String text, int maxPerLine) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        String[] lines = redact(text).split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            out.append(i == 0 ? "" : "\n").append(cap(escape(lines[i]), maxPerLine));
        }
        return out.toString();
    }

    /** File or wire content quoted in an error: escaped, redacted, at most {@link #QUOTE} characters. */
    public static String quote(String text) {
        return clean(text, QUOTE);
    }

    /** Replaces every remembered credential, longest form first. */
    public static String redact(String text) {
        if (text == null) {
            return null;
        }
        String result = text;
        for (Map.Entry<String, String> secret : secrets.entrySet()) {
            if (result.contains(secret.getKey())) {
                result = result.replace(secret.getKey(), secret.getValue());
            }
        }
        return result;
    }

    /** Escapes what a terminal, a log reader or an XML parser would act on; everything else is kept. */
    public static String escape(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = null;
            if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
                replacement = String.format(Locale.ROOT, "\\x%02X", (int) c);
            } else if (c == 0x2028 || c == 0x2029 || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)
                    || c == 0xFFFE || c == 0xFFFF || loneSurrogate(text, i)) {
                replacement = String.format(Locale.ROOT, "\\u%04X", (int) c);
            } else if (Character.isHighSurrogate(c)) {
                if (out != null) {
                    out.append(c).append(text.charAt(i + 1));
                }
                i++;
                continue;
            }
            if (replacement != null && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                out.append(replacement != null ? replacement : String.valueOf(c));
            }
        }
        return out == null ? text : out.toString();
    }

    private static boolean loneSurrogate(String text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
        }
        return Character.isLowSurrogate(c);
    }

    /**
     * At most {@code max} characters: a longer text keeps its start and ends with {@code …[N more chars]}. The
     * marker counts towards {@code max}, so capping twice changes nothing.
     */
    public static String cap(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int digits = Integer.toString(text.length()).length();
        int keep = Math.max(0, max - "…[ more chars]".length() - digits);
        if (keep > 0 && Character.isHighSurrogate(text.charAt(keep - 1))) {
            keep--;
        }
        return text.substring(0, keep) + "…[" + (text.length() - keep) + " more chars]";
    }

    /** A URL without its {@code user:password@}: {@code http://alice:pw@proxy:3128} becomes {@code http://proxy:3128}. */
    public static String withoutCredentials(String url) {
        if (url == null) {
            return null;
        }
        int scheme = url.indexOf("://");
        int at = url.lastIndexOf('@');
        if (at < 0 || at < scheme) {
            return url;
        }
        return (scheme < 0 ? "" : url.substring(0, scheme + 3)) + url.substring(at + 1);
    }
}
