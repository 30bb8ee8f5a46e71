package dev.orchard.lab;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the lab's HTTP and HTTPS origins share: the answers a test sets per path with
 * {@code respond(path, status, body)}, the count of requests, and the default answer. Both answer alike:
 * text/plain, with the origin's own Server header.
 *
 * @param <S> the server itself, which {@link #respond} returns for chaining
 */
abstract class LabOrigin<S extends LabOrigin<S>> extends LabTcpServer {

    private record Response(int status, String body) {
    }

    private final String server;
    private final Map<String, Response> byPath = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private volatile LabAnswers answers;

    /** A listener on 127.0.0.1 at a port the system picks; {@code server} names the origin in its answers. */
    LabOrigin(String name, String server) {
        super(name);
        this.server = server;
    }

    /** A listener on a socket bound elsewhere, such as a TLS server socket. */
    LabOrigin(String name, ServerSocket socket, String server) {
        super(name, socket);
        this.server = server;
    }

    /** Answers {@code GET path} with this status and body (text/plain) wherever the server acts as the origin. */
    public S respond(String path, int status, String body) {
        byPath.put(path, new Response(status, body));
        return self();
    }

    /** Answers hosts' known-answer paths (CRLs, certificates, OCSP, catalogs) from {@code value}, before any path set. */
    public S answers(LabAnswers value) {
        this.answers = value;
        return self();
    }

    /** HTTP requests received so far; on a TLS server, application data that only a validated session may carry. */
    public int requests() {
        return requests.get();
    }

    @SuppressWarnings("unchecked")
    private S self() {
        // Safe: each subclass names itself as S.
        return (S) this;
    }

    /** Reads one request and counts it. */
    final LabHttp.Request read(InputStream in) throws IOException {
        LabHttp.Request request = LabHttp.read(in);
        requests.incrementAndGet();
        return request;
    }

    /** Writes {@code host}'s known answer for {@code path} and returns true, or returns false when it has none. */
    final boolean answerKnown(String host, String path, OutputStream out) throws IOException {
        LabAnswers known = answers;
        return known != null && known.answer(host, path, out);
    }

    /** Writes the answer set for {@code path} and returns true, or returns false when none was set. */
    final boolean answerSet(String path, OutputStream out) throws IOException {
        Response response = byPath.get(path);
        if (response == null) {
            return false;
        }
        LabHttp.write(out, response.status(), response.status() == 200 ? "OK" : "Lab",
                Map.of("Content-Type", "text/plain", "Server", server), response.body());
        return true;
    }

    /** The origin's answer to a path nobody set: 200 with its own name. */
    final void answerDefault(OutputStream out) throws IOException {
        LabHttp.write(out, 200, "OK", Map.of("Content-Type", "text/plain", "Server", server), server + "\n");
    }
}
