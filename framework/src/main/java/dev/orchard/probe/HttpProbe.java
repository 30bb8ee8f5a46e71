package dev.orchard.probe;

import dev.orchard.catalog.KnownAnswer;
import java.io.IOException;
import java.net.ProtocolException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Tells whether plain HTTP reaches a host unmodified. For captive.apple.com it asks for the page devices use to
 * detect captive portals, which must contain "Success"; for a row with a {@link KnownAnswer} it asks for that
 * answer and checks its format and issuer; elsewhere any answer from the host passes, but a web filter's block
 * page does not ({@link BlockPages}). Redirects are reported, never followed. Through a proxy it sends the
 * absolute-URI request devices send, so the proxy's own refusals become proxy verdicts.
 */
final class HttpProbe {

    static final String CAPTIVE_HOST = "captive.apple.com";
    static final String CAPTIVE_PATH = "/hotspot-detect.html";

    private final Duration timeout;

    HttpProbe(Duration timeout) {
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    ProbeResult probe(Route route, String host, int port) {
        return probe(route, host, port, null);
    }

    /** Probes as above; with {@code known} (may be null), asks for the known answer and checks it. */
    ProbeResult probe(Route route, String host, int port, KnownAnswer known) {
        long start = System.nanoTime();
        boolean captive = host.equalsIgnoreCase(CAPTIVE_HOST);
        known = captive ? null : known;
        String path = captive ? CAPTIVE_PATH : known != null ? known.path() : "/";
        String authority = port == 80 ? host : ProxyRoute.authority(host, port);
        String target = "http://" + authority + path;
        ProxyRoute proxy;
        Socket socket;
        try (TimeBudget budget = TimeBudget.start(timeout)) {
            try {
                Route.Hop hop = route.openForHttp(host, port, budget.remaining());
                socket = hop.socket();
                proxy = hop.proxy();
            } catch (RouteException e) {
                return failed(e.verdict(), e.getMessage(), start, evidence(route, null, e.httpStatus(), e.server(),
                        null));
            } catch (IOException e) {
                return failed(TcpFailure.verdict(e), "cannot connect to " + host + ":" + port + " ("
                        + TcpFailure.brief(e) + ")", start, evidence(route, null, null, null, null));
            }
            String connectedTo = socket.getInetAddress() == null ? null
                    : IpLiteral.format(socket.getInetAddress(), socket.getPort());
            StringBuilder head = new StringBuilder(KnownAnswerCheck.method(known)).append(' ')
                    .append(proxy != null ? target : path).append(" HTTP/1.1\r\nHost: ").append(authority)
                    .append("\r\nUser-Agent: CaptiveNetworkSupport Orchard\r\nAccept: */*\r\nConnection: close")
                    .append(KnownAnswerCheck.extraHeaders(known));
            if (proxy != null && proxy.proxy().hasCredentials()) {
                head.append("\r\nProxy-Authorization: ").append(proxy.proxy().proxyAuthorization());
            }
            HttpAnswer answer;
            try {
                budget.guard(socket);
                socket.setSoTimeout(budget.remainingMillis());
                answer = HttpExchange.exchange(socket, head.toString(), KnownAnswerCheck.body(known));
            } catch (HttpExchange.StalledBody e) {
                return stalled(route, proxy, host, target, captive, known, e, connectedTo, start);
            } catch (IOException e) {
                Evidence evidence = evidence(route, connectedTo, null, null, null);
                if (e instanceof SocketTimeoutException || budget.expired()) {
                    return failed(Verdict.TCP_TIMEOUT, "TCP to " + host + ":" + port + " connected but no HTTP "
                            + "answer came within " + timeout.toMillis() + " ms", start, evidence);
                }
                if (e instanceof ProtocolException) {
                    return failed(Verdict.HTTP_BLOCKED, "something other than an HTTP server answered GET " + target
                            + " (" + e.getMessage() + "); a middlebox answers instead of the host", start, evidence);
                }
                return failed(Verdict.TCP_RESET, "the connection to " + host + ":" + port + " was cut before an "
                        + "HTTP answer (" + TcpFailure.brief(e) + "); a firewall or IPS resets the session",
                        start, evidence);
            } finally {
                TimeBudget.closeQuietly(socket);
            }
            return judge(route, proxy, host, KnownAnswerCheck.method(known) + " " + target, captive, known, answer,
                    connectedTo, start);
        }
    }

    private static ProbeResult judge(Route route, ProxyRoute proxy, String host, String request, boolean captive,
            KnownAnswer known, HttpAnswer answer, String connectedTo, long start) {
        int status = answer.status();
        String location = answer.header("location");
        Evidence evidence = evidence(route, connectedTo, status, answer.serverOrVia(),
                location == null ? null : "Location: " + location);
        boolean signed = BlockPageSignatures.vendor(answer).isPresent();
        if (proxy != null && (status == 407 || status == 502 || status == 503 || status == 504
                || (status == 403 && !signed))) {
            RouteException refusal = proxy.refusal(request, answer);
            return failed(refusal.verdict(), refusal.getMessage(), start, evidence);
        }
        Optional<String> blocked = BlockPages.judge(host, request, answer, captive ? null : known);
        if (blocked.isPresent() && !(captive && status / 100 == 3 && !signed)) {
            return failed(Verdict.HTTP_BLOCKED, blocked.get(), start, evidence);
        }
        String target = request.substring(request.indexOf(' ') + 1);
        if (captive) {
            if (status / 100 == 3 && location != null && !sameHost(host, location)) {
                return failed(Verdict.HTTP_CAPTIVE_PORTAL, "GET " + target + " was redirected to " + location
                        + ": a captive portal intercepts HTTP; sign the network in or exempt Apple devices", start,
                        evidence);
            }
            if (status != 200 || !answer.bodyText().contains("Success")) {
                return failed(Verdict.HTTP_CAPTIVE_PORTAL, "GET " + target + " answered " + status
                        + " without \"Success\" in the body: a captive portal intercepts HTTP; sign the network "
                        + "in or exempt Apple devices", start, evidence);
            }
            return ProbeResult.passed("GET " + target + " answered 200 with \"Success\": no captive portal",
                    TlsHandshake.since(start), evidence);
        }
        return ProbeResult.passed(request + " answered " + status + " " + answer.reason()
                + (known == null ? "" : " with " + known.describe())
                + (location == null ? "" : " (redirect to " + location + ", not followed)"),
                TlsHandshake.since(start), evidence);
    }

    /**
     * A head that arrived is an answer even when the body then stalls or breaks off: the verdict is the head's, with
     * the status in the evidence. Only captive.apple.com needs the body ("Success"); without it that check is a
     * TCP_TIMEOUT that still shows the status.
     */
    private static ProbeResult stalled(Route route, ProxyRoute proxy, String host, String target,
            boolean captive, KnownAnswer known, HttpExchange.StalledBody stall, String connectedTo, long start) {
        HttpAnswer head = stall.head();
        if ((captive || known != null) && head.status() == 200) {
            return failed(Verdict.TCP_TIMEOUT, "GET " + target + " answered " + head.status() + " " + head.reason()
                    + " but " + stall.getMessage() + ", before " + (captive ? "\"Success\"" : known.describe())
                    + " could be read; a middlebox holds the connection open", start, evidence(route, connectedTo,
                    head.status(), head.serverOrVia(), "the body did not finish"));
        }
        ProbeResult judged = judge(route, proxy, host, target, captive, known, head, connectedTo, start);
        return judged.withMessage(judged.message() + "; " + stall.getMessage() + ", the head is the answer");
    }

    private static boolean sameHost(String host, String location) {
        try {
            URI uri = URI.create(location.trim());
            return uri.getHost() == null || uri.getHost().equalsIgnoreCase(host);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Evidence evidence(Route route, String connectedTo, Integer status, String server,
            String detail) {
        return TlsHandshake.evidence(route, connectedTo, List.of(), null, status, server, detail);
    }

    private static ProbeResult failed(Verdict verdict, String message, long start, Evidence evidence) {
        return ProbeResult.failed(verdict, message, TlsHandshake.since(start), evidence);
    }
}
