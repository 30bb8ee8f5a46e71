package dev.orchard.probe;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import javax.net.ssl.SSLSocket;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * Sends one real RFC 8484 query (apple.com A, POST application/dns-message) to a DNS-over-HTTPS host over a
 * validated TLS session, because a filter can let TLS through yet rewrite or block what DoH carries. The TLS
 * session is judged exactly as {@link TlsProbe} judges it.
 */
final class DohProbe {

    static final String QUERY_NAME = "apple.com.";
    static final String PATH = "/dns-query";
    static final String MEDIA_TYPE = "application/dns-message";

    private final TrustAnchors anchors;
    private final Duration timeout;

    DohProbe(TrustAnchors anchors, Duration timeout) {
        this.anchors = Objects.requireNonNull(anchors, "anchors");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    ProbeResult probe(Route route, String host, int port) {
        long start = System.nanoTime();
        try (TimeBudget budget = TimeBudget.start(timeout)) {
            TlsHandshake.Outcome outcome = TlsHandshake.open(anchors, route, host, port, budget, start);
            if (outcome.failure() != null) {
                return outcome.failure();
            }
            SSLSocket socket = outcome.socket();
            Evidence tls = outcome.evidence();
            String url = "https://" + (port == 443 ? host : ProxyRoute.authority(host, port)) + PATH;
            Message query = query();
            byte[] wire = query.toWire();
            HttpAnswer answer;
            try {
                budget.guard(socket);
                socket.setSoTimeout(budget.remainingMillis());
                answer = HttpExchange.exchange(socket, "POST " + PATH + " HTTP/1.1\r\nHost: "
                        + (port == 443 ? host : ProxyRoute.authority(host, port)) + "\r\nUser-Agent: Orchard"
                        + "\r\nAccept: " + MEDIA_TYPE + "\r\nContent-Type: " + MEDIA_TYPE + "\r\nContent-Length: "
                        + wire.length + "\r\nConnection: close", wire);
            } catch (IOException e) {
                boolean late = e instanceof SocketTimeoutException || budget.expired();
                return ProbeResult.failed(late ? Verdict.TCP_TIMEOUT : Verdict.DOH_INVALID, "the DoH query to "
                        + url + (late ? " got no answer within " + timeout.toMillis() + " ms"
                                : " got no HTTP answer (" + SocketFailures.describe(e) + ")"),
                        TlsHandshake.since(start), tls);
            } finally {
                TimeBudget.closeQuietly(socket);
            }
            Evidence evidence = new Evidence(tls.addresses(), tls.cnameChain(), tls.apple17(), tls.connectedTo(),
                    tls.route(), tls.chain(), tls.tlsVersion(), answer.status(), answer.serverOrVia(), null);
            String problem = problem(query, answer);
            if (problem != null) {
                Evidence detailed = withDetail(evidence, problem);
                return ProbeResult.failed(Verdict.DOH_INVALID, "the DoH answer from " + url + " is not a DNS "
                        + "answer: " + problem + "; a proxy or filter rewrites DoH, allow the host unmodified",
                        TlsHandshake.since(start), detailed);
            }
            Message response = parse(answer);
            String answers = response.getSection(Section.ANSWER).stream().map(Record::rdataToString)
                    .collect(Collectors.joining(", "));
            return ProbeResult.passed("DoH query " + QUERY_NAME + " A to " + url + " answered " + answers,
                    TlsHandshake.since(start), withDetail(evidence, "answers: " + answers));
        }
    }

    /** Why the answer is not a DNS answer to {@code query}, or null when it is one. */
    private static String problem(Message query, HttpAnswer answer) {
        if (answer.status() != 200) {
            return "HTTP " + answer.status() + " " + answer.reason();
        }
        String type = answer.header("content-type");
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith(MEDIA_TYPE)) {
            return "Content-Type is " + (type == null ? "missing" : "'" + HttpExchange.printable(type) + "'")
                    + ", not " + MEDIA_TYPE;
        }
        Message response = parse(answer);
        if (response == null) {
            return "the body (" + answer.body().length + " bytes) does not parse as a DNS message";
        }
        if (!response.getHeader().getFlag(Flags.QR) || response.getHeader().getID() != query.getHeader().getID()) {
            return "the DNS message is not a response to the query sent";
        }
        if (response.getRcode() != Rcode.NOERROR) {
            return "the DNS response code is " + Rcode.string(response.getRcode());
        }
        if (response.getSection(Section.ANSWER).isEmpty()) {
            return "the DNS response has no answer section";
        }
        return null;
    }

    private static Message parse(HttpAnswer answer) {
        try {
            return new Message(answer.body());
        } catch (IOException e) {
            return null;
        }
    }

    /** {@code apple.com. A IN} with ID 0, as RFC 8484 recommends for cache friendliness. */
    static Message query() {
        try {
            Message query = Message.newQuery(Record.newRecord(Name.fromString(QUERY_NAME), Type.A, DClass.IN));
            query.getHeader().setID(0);
            return query;
        } catch (TextParseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Evidence withDetail(Evidence e, String detail) {
        return new Evidence(e.addresses(), e.cnameChain(), e.apple17(), e.connectedTo(), e.route(), e.chain(),
                e.tlsVersion(), e.httpStatus(), e.server(), detail);
    }
}
