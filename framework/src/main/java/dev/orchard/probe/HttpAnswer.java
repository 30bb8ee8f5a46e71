package dev.orchard.probe;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An HTTP response as a probe saw it: status, headers (names lower-cased, first value kept) and the start of the
 * body.
 */
record HttpAnswer(int status, String reason, Map<String, String> headers, byte[] body) {

    HttpAnswer {
        headers = Map.copyOf(headers);
        body = body.clone();
    }

    String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** The Server header, else the Via header: who answered. */
    String serverOrVia() {
        String server = header("server");
        return server != null ? server : header("via");
    }

    String bodyText() {
        return new String(body, StandardCharsets.ISO_8859_1);
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof HttpAnswer that && status == that.status && reason.equals(that.reason)
                && headers.equals(that.headers) && Arrays.equals(body, that.body);
    }

    @Override
    public int hashCode() {
        return 31 * List.of(status, reason, headers).hashCode() + Arrays.hashCode(body);
    }

    @Override
    public String toString() {
        return "HttpAnswer[" + status + " " + reason + ", " + headers + ", " + body.length + " body bytes]";
    }
}
