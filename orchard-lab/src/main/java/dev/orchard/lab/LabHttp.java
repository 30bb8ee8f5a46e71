package dev.orchard.lab;

import dev.orchard.internal.HttpHead;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * The lab servers' side of HTTP/1.1: just enough to read one request and write one answer, because the lab must
 * also answer like broken middleboxes do, which a real server library would not let it.
 */
final class LabHttp {

    /** One request: method, target as sent (origin form, absolute URI or authority), headers, body. */
    record Request(String method, String target, Map<String, String> headers, byte[] body) {

        Request {
            headers = Map.copyOf(headers);
            body = body.clone();
        }

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        @Override
        public byte[] body() {
            return body.clone();
        }

        /** The host this request is for: from an absolute URI or authority target, else the Host header. */
        String host() {
            String authority;
            if (target.startsWith("http://") || target.startsWith("https://")) {
                authority = target.substring(target.indexOf("://") + 3).split("/", 2)[0];
            } else if (method.equals("CONNECT")) {
                authority = target;
            } else {
                authority = header("host") == null ? "" : header("host");
            }
            return authority.startsWith("[") ? authority.substring(1, authority.indexOf(']'))
                    : authority.split(":", 2)[0].toLowerCase(Locale.ROOT);
        }

        /** The path and query of the target, whatever its form. */
        String path() {
            if (target.startsWith("http://") || target.startsWith("https://")) {
                String rest = target.substring(target.indexOf("://") + 3);
                int slash = rest.indexOf('/');
                return slash < 0 ? "/" : rest.substring(slash);
            }
            return target;
        }
    }

    private LabHttp() {
    }

    /** Reads one request, leaving any bytes after it (such as a TLS ClientHello after CONNECT) unread. */
    static Request read(InputStream in) throws IOException {
        HttpHead head = HttpHead.read(in, 16 * 1024, "HTTP request");
        String[] requestLine = head.startLine().split(" ");
        if (requestLine.length != 3 || !requestLine[2].startsWith("HTTP/1.")) {
            throw new ProtocolException("not an HTTP request line");
        }
        Map<String, String> headers = head.headers();
        int length = 0;
        if (headers.containsKey("content-length")) {
            length = Integer.parseInt(headers.get("content-length"));
            if (length < 0 || length > 1024 * 1024) {
                throw new ProtocolException("bad Content-Length");
            }
        }
        byte[] body = in.readNBytes(length);
        if (body.length != length) {
            throw new EOFException("connection closed in the request body");
        }
        return new Request(requestLine[0], requestLine[1], headers, body);
    }

    /** Writes a complete answer with Content-Length and Connection: close. */
    static void write(OutputStream out, int status, String reason, Map<String, String> headers, byte[] body)
            throws IOException {
        StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status).append(' ').append(reason).append("\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("Content-Length: ").append(body.length).append("\r\nConnection: close\r\n\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
    }

    static void write(OutputStream out, int status, String reason, Map<String, String> headers, String body)
            throws IOException {
        write(out, status, reason, headers, body.getBytes(StandardCharsets.UTF_8));
    }
}
