package dev.orchard.lab;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.Random;
import java.util.function.Function;
import org.apiguardian.api.API;

/**
 * An HTTP server or proxy on 127.0.0.1 that answers like a hostile network does: it echoes the proxy credentials
 * it was sent, puts control bytes in its status line and headers, or sends a head and then stalls the body. Every
 * answer is written byte for byte, since no well-behaved server library would write them.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class HostileHttpServer extends LabTcpServer {

    /** Where an echoing proxy puts the credentials a request carried. */
    public enum Echo {
        /** The decoded {@code user:password} in the 403 reason phrase. */
        REASON,
        /** The decoded, percent-encoded and Base64 forms in the 403 body. */
        BODY,
        /** The raw {@code Proxy-Authorization} value in the reason phrase and the Server header. */
        RAW_AUTHORIZATION
    }

    /** What every echoing answer adds to its reason phrase: a terminal escape and a forged Maven log line. */
    public static final String INJECTION = " \u001b[31m\u0007\n[INFO] BUILD SUCCESS\u0000";

    /** When the server sends its answer, and what it does after. */
    private enum Turn {
        /** After the request, then it closes. */
        ANSWER,
        /** After the request, then it holds the connection open without another byte. */
        ANSWER_THEN_STALL,
        /** At once, before reading anything, then it ends its side of the connection. */
        SPEAK_FIRST
    }

    private final Function<LabHttp.Request, byte[]> answer;
    private final Turn turn;

    private HostileHttpServer(String name, Function<LabHttp.Request, byte[]> answer, Turn turn) {
        super(name);
        this.answer = Objects.requireNonNull(answer, "answer");
        this.turn = turn;
        listen();
    }

    /** A proxy that refuses every request with 403 and echoes its Proxy-Authorization back in {@code echo}. */
    public static HostileHttpServer echoingProxy(Echo echo) {
        return new HostileHttpServer("hostile-echo-proxy", request -> echoed(request, echo), Turn.ANSWER);
    }

    /** A server that answers every request with {@code head} (status line and headers, ISO-8859-1) and no body. */
    public static HostileHttpServer answering(String head) {
        return new HostileHttpServer("hostile-http", request -> (head + "\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1), Turn.ANSWER);
    }

    /**
     * A server that sends {@code head}, announces a body of 1000 bytes, sends {@code start} and then holds the
     * connection open without another byte: a stalled body, or garbage from a broken proxy.
     */
    public static HostileHttpServer stallingBody(String head, String start) {
        return new HostileHttpServer("hostile-slow-body", request -> (head + "\r\nContent-Length: 1000\r\n\r\n"
                + start).getBytes(StandardCharsets.ISO_8859_1), Turn.ANSWER_THEN_STALL);
    }

    /**
     * A server that answers every connection with up to 4 KiB of bytes from {@code random} and closes, for fuzzing
     * the probes' parsers; half of the answers start like an HTTP status line, so that the headers get parsed too.
     */
    public static HostileHttpServer babbling(Random random) {
        return new HostileHttpServer("hostile-babble", request -> babble(random), Turn.ANSWER);
    }

    /**
     * As {@link #babbling(Random)}, but the bytes go out as soon as a connection opens and the server then ends its
     * side: for the protocols whose client waits for the server first (SSH) or whose client's first bytes are no
     * HTTP request (a TLS ClientHello), which would otherwise never get an answer to parse, only their timeout.
     */
    public static HostileHttpServer babblingFirst(Random random) {
        return new HostileHttpServer("hostile-babble-first", request -> babble(random), Turn.SPEAK_FIRST);
    }

    /**
     * As {@link #babblingFirst(Random)}, as a proxy: half of the connections get a {@code 200 Connection
     * established} head before the bytes, so that a CONNECT succeeds and what the client then reads through the
     * tunnel (the TLS handshake) is the random bytes; the other half get the bytes as the proxy's answer.
     */
    public static HostileHttpServer babblingTunnel(Random random) {
        byte[] established = "HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        return new HostileHttpServer("hostile-babble-tunnel", request -> {
            synchronized (random) {
                if (!random.nextBoolean()) {
                    return babble(random);
                }
                byte[] bytes = babble(random);
                byte[] answer = Arrays.copyOf(established, established.length + bytes.length);
                System.arraycopy(bytes, 0, answer, established.length, bytes.length);
                return answer;
            }
        }, Turn.SPEAK_FIRST);
    }

    private static byte[] babble(Random random) {
        synchronized (random) {
            byte[] bytes = new byte[random.nextInt(4096)];
            random.nextBytes(bytes);
            if (random.nextBoolean()) {
                byte[] head = ("HTTP/1.1 " + (100 + random.nextInt(500)) + " ").getBytes(StandardCharsets.US_ASCII);
                System.arraycopy(head, 0, bytes, 0, Math.min(head.length, bytes.length));
            }
            return bytes;
        }
    }

    /** {@code http://user:password@127.0.0.1:port}, as a proxy setting. */
    public String url(String user, String password) {
        return "http://" + user + ":" + password + "@127.0.0.1:" + port();
    }

    @Override
    void serve(Socket client) throws IOException {
        client.setSoTimeout(30_000);
        OutputStream out = client.getOutputStream();
        if (turn == Turn.SPEAK_FIRST) {
            out.write(answer.apply(null));
            out.flush();
            // the end of the bytes is an end of stream, and whatever the client sent is read, so that the close
            // does not turn into a reset that could overtake the bytes before the client read them
            client.shutdownOutput();
            LabAcceptor.drain(client);
            return;
        }
        LabHttp.Request request = LabHttp.read(client.getInputStream());
        out.write(answer.apply(request));
        out.flush();
        if (turn == Turn.ANSWER_THEN_STALL) {
            // Not another byte: wait until the client gives up, or the server closes.
            client.setSoTimeout(0);
            while (client.getInputStream().read() >= 0) {
                continue;
            }
        }
    }

    private static byte[] echoed(LabHttp.Request request, Echo echo) {
        String raw = request.header("proxy-authorization");
        String given = raw == null ? "" : raw;
        String decoded = given.startsWith("Basic ")
                ? new String(Base64.getDecoder().decode(given.substring(6).strip()), StandardCharsets.UTF_8) : given;
        String encoded = URLEncoder.encode(decoded, StandardCharsets.UTF_8);
        String head;
        String body = "";
        switch (echo) {
            case REASON -> head = "HTTP/1.1 403 Forbidden for " + decoded + INJECTION + "\r\nServer: echo-proxy";
            case BODY -> {
                head = "HTTP/1.1 403 Forbidden" + INJECTION + "\r\nServer: echo-proxy";
                body = "<p>user " + decoded + " (" + encoded + ", " + given + ") may not pass</p>";
            }
            default -> head = "HTTP/1.1 403 Denied " + given + INJECTION + "\r\nServer: " + given;
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return (head + "\r\nContent-Length: " + bytes.length + "\r\nConnection: close\r\n\r\n" + body)
                .getBytes(StandardCharsets.UTF_8);
    }
}
