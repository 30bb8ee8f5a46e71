package dev.orchard.report;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Removes credentials from a proxy URL before a report prints it. {@code NetworkSettings} already omits them;
 * reports strip them again because a report file is shared far more widely than the build that wrote it.
 */
final class Redaction {

    private Redaction() {
    }

    /** {@code http://user:secret@proxy:3128} becomes {@code http://proxy:3128}; null stays null. */
    static String proxy(String url) {
        if (url == null) {
            return null;
        }
        int at = url.lastIndexOf('@');
        if (at < 0) {
            return url;
        }
        try {
            URI uri = new URI(url);
            if (uri.getHost() != null) {
                return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), null, null)
                        .toString();
            }
        } catch (URISyntaxException e) {
            // Not a URI: cut everything up to the '@' below.
        }
        int scheme = url.indexOf("://");
        return (scheme >= 0 && scheme < at ? url.substring(0, scheme + 3) : "") + url.substring(at + 1);
    }
}
