package dev.orchard.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * The head of one HTTP/1.1 message (start line and headers), read byte by byte so that nothing after the blank
 * line is consumed: a probe must leave the TLS bytes that follow a CONNECT answer unread, and the lab the
 * ClientHello that follows a CONNECT request. The probes' client and the lab's servers share this one reader.
 *
 * @param startLine the request or status line as sent
 * @param headers header names lower-cased, the first value of a repeated header kept
 */
@API(status = INTERNAL)
public record HttpHead(String startLine, Map<String, String> headers) {

    public HttpHead {
        headers = Map.copyOf(headers);
    }

    /**
     * Reads one head of at most {@code maxBytes}; {@code what} names the message in errors ("HTTP answer").
     *
     * @throws EOFException when the stream ends before the blank line
     * @throws ProtocolException when the head is longer than {@code maxBytes}
     */
    public static HttpHead read(InputStream in, int maxBytes, String what) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                if (head.size() == 0) {
                    throw new EOFException("the connection closed before any " + what);
                }
                throw new EOFException("the connection closed in the middle of the " + what + "'s headers");
            }
            head.write(b);
            if (head.size() > maxBytes) {
                throw new ProtocolException("the " + what + "'s headers exceed " + maxBytes + " bytes");
            }
            matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3))
                    ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.putIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim());
            }
        }
        return new HttpHead(lines[0], headers);
    }

    /** The header's first value, or null; the name in any case. */
    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }
}
