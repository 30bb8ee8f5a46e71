package dev.orchard.probe;

import dev.orchard.internal.HttpHead;
import dev.orchard.internal.Sanitizer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ProtocolException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A minimal HTTP/1.1 client exchange over a socket a {@link Route} opened. Probes write the exact request form
 * (absolute URI to a proxy, origin form to a host) and must read a CONNECT answer without consuming the TLS bytes
 * that follow it, which a general client cannot promise.
 */
final class HttpExchange {

    static final int MAX_HEAD = 16 * 1024;
    static final int MAX_BODY = 64 * 1024;

    private HttpExchange() {
    }

    /** Writes {@code head} (request line and headers, without the blank line) and {@code body}, reads the answer. */
    static HttpAnswer exchange(Socket socket, String head, byte[] body) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write((head + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        if (body != null) {
            out.write(body);
        }
        out.flush();
        InputStream in = socket.getInputStream();
        HttpAnswer answer = readHead(in);
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        try {
            readBody(in, answer, received);
        } catch (IOException e) {
            throw new StalledBody(new HttpAnswer(answer.status(), answer.reason(), answer.headers(),
                    received.toByteArray()), e);
        }
        return new HttpAnswer(answer.status(), answer.reason(), answer.headers(), received.toByteArray());
    }

    /**
     * The status line and headers arrived, the body did not finish (it stalled, or the connection broke). The head
     * is still an answer: {@link #head()} carries it, with the part of the body that came.
     */
    static final class StalledBody extends IOException {

        private static final long serialVersionUID = 1L;

        private final transient HttpAnswer head;

        StalledBody(HttpAnswer head, IOException cause) {
            super("the body stopped after " + head.body().length + " bytes (" + TcpFailure.brief(cause) + ")",
                    cause);
            this.head = head;
        }

        HttpAnswer head() {
            return head;
        }
    }

    /** Reads a status line and headers byte by byte, leaving everything after the blank line unread. */
    static HttpAnswer readHead(InputStream in) throws IOException {
        HttpHead head = HttpHead.read(in, MAX_HEAD, "HTTP answer");
        String statusLine = head.startLine();
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.") || !parts[1].matches("\\d{3}")) {
            throw new ProtocolException("not an HTTP answer: '" + Sanitizer.quote(statusLine) + "'");
        }
        return new HttpAnswer(Integer.parseInt(parts[1]), parts.length > 2 ? parts[2] : "", head.headers(),
                new byte[0]);
    }

    /** Reads the body per Content-Length, else until the server closes; at most {@link #MAX_BODY} bytes. */
    private static void readBody(InputStream in, HttpAnswer answer, ByteArrayOutputStream body) throws IOException {
        long limit = MAX_BODY;
        String length = answer.header("content-length");
        if (length != null) {
            try {
                limit = Math.min(MAX_BODY, Long.parseLong(length));
            } catch (NumberFormatException e) {
                throw new ProtocolException("the HTTP answer has an invalid Content-Length '" + Sanitizer.quote(length)
                        + "'");
            }
        }
        if (answer.status() == 204 || answer.status() == 304 || (answer.status() >= 100 && answer.status() < 200)) {
            limit = 0;
        }
        byte[] buffer = new byte[4096];
        while (body.size() < limit) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, limit - body.size()));
            if (n < 0) {
                break;
            }
            body.write(buffer, 0, n);
        }
    }
}
