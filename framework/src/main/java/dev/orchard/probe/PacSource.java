package dev.orchard.probe;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where the PAC file comes from, as {@code apple-network.pac} says: an {@code http(s)://} URL, a {@code file:}
 * path, or {@code auto} for WPAD through the resolver's search domains.
 *
 * @param url the URL to fetch, or null
 * @param file the file to read, or null
 */
record PacSource(URI url, Path file) {

    static final String EXPECTED = "expected an http(s):// URL, a file: path, or auto (WPAD)";

    boolean auto() {
        return url == null && file == null;
    }

    /** Reads the key's value; a bad one is an error naming the key, the value and what was expected. */
    static PacSource parse(String key, String value) {
        String given = value.strip();
        if (given.equalsIgnoreCase("auto")) {
            return new PacSource(null, null);
        }
        String lower = given.toLowerCase(Locale.ROOT);
        if (lower.startsWith("file:")) {
            Path path;
            try {
                path = given.startsWith("file://") ? Path.of(new URI(given)) : Path.of(given.substring(5));
            } catch (URISyntaxException | IllegalArgumentException e) {
                throw new IllegalArgumentException(key + ": '" + given + "' is not a file path; " + EXPECTED);
            }
            if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
                throw new IllegalArgumentException(key + ": '" + given + "' does not exist or cannot be read; "
                        + EXPECTED);
            }
            return new PacSource(null, path);
        }
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            try {
                URI uri = new URI(given);
                if (uri.getHost() == null) {
                    throw new URISyntaxException(given, "no host");
                }
                return new PacSource(uri, null);
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException(key + ": '" + shown(given) + "' is not a URL with a host; "
                        + EXPECTED);
            }
        }
        throw new IllegalArgumentException(key + ": '" + shown(given) + "' " + "is not a PAC location; " + EXPECTED);
    }

    /** How reports name the PAC: the URL without credentials, the file, or {@code auto (WPAD)}. */
    String describe() {
        if (file != null) {
            return "file:" + file;
        }
        return url == null ? "auto (WPAD)" : shown(url.toString());
    }

    /** A URL with any user-info removed, so a password never reaches a report. */
    private static String shown(String text) {
        int scheme = text.indexOf("://");
        int at = text.indexOf('@');
        int slash = scheme < 0 ? -1 : text.indexOf('/', scheme + 3);
        if (scheme < 0 || at < 0 || (slash >= 0 && at > slash)) {
            return text;
        }
        return text.substring(0, scheme + 3) + text.substring(at + 1);
    }
}
