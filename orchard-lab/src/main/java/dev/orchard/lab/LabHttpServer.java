package dev.orchard.lab;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A lab plain-HTTP server on 127.0.0.1: an origin that also answers captive.apple.com's detection page, or, in its
 * other modes, the captive portal or web filter that answers in the origin's place on real networks.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class LabHttpServer extends LabOrigin<LabHttpServer> {

    public enum Mode {
        /** The origin: captive.apple.com's Success page, other paths 200 or as configured. */
        NORMAL,
        /** A captive portal that redirects every request to its login page on another host. */
        CAPTIVE_PORTAL_REDIRECT,
        /** A captive portal that answers every request with its login page. */
        CAPTIVE_PORTAL_PAGE,
        /** A web filter that answers every request with a 403 block page naming itself in Server and Via. */
        BLOCK_PAGE
    }

    /** What captive.apple.com/hotspot-detect.html answers when nothing is in the way. */
    public static final String SUCCESS_PAGE = "<HTML><HEAD><TITLE>Success</TITLE></HEAD><BODY>Success</BODY></HTML>\n";
    public static final String PORTAL_LOGIN = "http://portal.orchard.invalid/login";
    public static final String FILTER_SERVER = "Orchard lab web filter";
    public static final String FILTER_VIA = "1.1 webfilter.orchard.invalid (Orchard lab web filter)";

    private final Mode mode;

    private LabHttpServer(Mode mode) {
        super("lab-http", "Orchard lab origin");
        this.mode = mode;
        listen();
    }

    public static LabHttpServer start(Mode mode) {
        return new LabHttpServer(Objects.requireNonNull(mode, "mode"));
    }

    @Override
    void serve(Socket socket) throws IOException {
        socket.setSoTimeout(30_000);
        LabHttp.Request request = read(socket.getInputStream());
        var out = socket.getOutputStream();
        switch (mode) {
            case CAPTIVE_PORTAL_REDIRECT -> LabHttp.write(out, 302, "Found", Map.of("Location", PORTAL_LOGIN,
                    "Server", "Orchard lab captive portal"), "<html><body>Redirecting to sign-in</body></html>\n");
            case CAPTIVE_PORTAL_PAGE -> LabHttp.write(out, 200, "OK", Map.of("Content-Type", "text/html",
                    "Server", "Orchard lab captive portal"),
                    "<html><head><title>Sign in to the guest network</title></head><body>Sign in</body></html>\n");
            case BLOCK_PAGE -> LabHttp.write(out, 403, "Forbidden", Map.of("Content-Type", "text/html",
                    "Server", FILTER_SERVER, "Via", FILTER_VIA),
                    "<html><body>Access to this site is blocked by policy.</body></html>\n");
            default -> origin(request, out);
        }
    }

    private void origin(LabHttp.Request request, OutputStream out) throws IOException {
        String path = request.path();
        if (answerKnown(request.host(), path, out)) {
            return;
        }
        if (answerSet(path, out)) {
            return;
        }
        if (request.host().equals("captive.apple.com") && path.equals("/hotspot-detect.html")) {
            LabHttp.write(out, 200, "OK", Map.of("Content-Type", "text/html"), SUCCESS_PAGE);
        } else {
            answerDefault(out);
        }
    }
}
