package dev.orchard.lab;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The answers a test set per path with {@code respond(path, status, body)} on a lab origin, so that the HTTP and
 * TLS origins answer configured paths alike: text/plain, with the origin's own Server header.
 */
final class CannedResponses {

    private record Response(int status, String body) {
    }

    private final String server;
    private final Map<String, Response> byPath = new ConcurrentHashMap<>();

    CannedResponses(String server) {
        this.server = server;
    }

    void put(String path, int status, String body) {
        byPath.put(path, new Response(status, body));
    }

    /** Writes the answer set for {@code path} and returns true, or returns false when none was set. */
    boolean answer(String path, OutputStream out) throws IOException {
        Response response = byPath.get(path);
        if (response == null) {
            return false;
        }
        LabHttp.write(out, response.status(), response.status() == 200 ? "OK" : "Lab",
                Map.of("Content-Type", "text/plain", "Server", server), response.body());
        return true;
    }
}
