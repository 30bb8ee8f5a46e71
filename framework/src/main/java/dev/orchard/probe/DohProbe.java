package dev.orchard.probe;

import dev.orchard.internal.Sanitizer;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.TrustManager;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
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
 * Sends one real RFC 8484 query (apple.com A, POST application/dns-message) to a DNS-over-HTTPS host with OkHttp
 * over the route, because a filter can let TLS through yet rewrite or block what DoH carries. The certificate is
 * judged as {@link TlsProbe} judges it (same anchors, same recorder, same verdicts).
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
        String target = host + ":" + port;
        ChainRecorder recorder = new ChainRecorder(anchors.trustManager(), host);
        RouteSocketFactory sockets = new RouteSocketFactory(route, host, port);
        OkHttpClient client;
        try {
            client = client(recorder, sockets);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot make a TLS client context", e);
        }
        Message query = query();
        HttpUrl url = new HttpUrl.Builder().scheme("https").host(host).port(port).encodedPath(PATH).build();
        Request request = new Request.Builder().url(url).header("Accept", MEDIA_TYPE)
                .post(RequestBody.create(query.toWire(), MediaType.get(MEDIA_TYPE))).build();
        try (Response response = client.newCall(request).execute()) {
            byte[] body;
            try (InputStream in = response.body().byteStream()) {
                body = in.readNBytes(HttpExchange.MAX_BODY);
            }
            String server = response.header("Server") != null ? response.header("Server") : response.header("Via");
            Evidence evidence = evidence(route, sockets, recorder, response.handshake() == null ? null
                    : response.handshake().tlsVersion().javaName(), response.code(), server, null);
            String problem = problem(query, response.code(), response.message(), response.header("Content-Type"),
                    body);
            if (problem != null) {
                return ProbeResult.failed(Verdict.DOH_INVALID, "the DoH answer from " + url + " is not a DNS "
                        + "answer: " + problem + "; a proxy or filter rewrites DoH, allow the host unmodified",
                        TlsHandshake.since(start), withDetail(evidence, problem));
            }
            String answers = parse(body).getSection(Section.ANSWER).stream().map(Record::rdataToString)
                    .collect(Collectors.joining(", "));
            return ProbeResult.passed("DoH query " + QUERY_NAME + " A to " + url + " answered " + answers,
                    TlsHandshake.since(start), withDetail(evidence, "answers: " + answers));
        } catch (IOException e) {
            return failure(e, route, sockets, recorder, target, url, start);
        } finally {
            client.connectionPool().evictAll();
        }
    }

    private ProbeResult failure(IOException e, Route route, RouteSocketFactory sockets, ChainRecorder recorder,
            String target, HttpUrl url, long start) {
        Evidence evidence = evidence(route, sockets, recorder, null, null, null, recorder.reason());
        RouteException refusal = sockets.refusal();
        if (refusal != null) {
            return ProbeResult.failed(refusal.verdict(), refusal.getMessage(), TlsHandshake.since(start),
                    evidence(route, sockets, recorder, null, refusal.httpStatus(), refusal.server(), null));
        }
        if (sockets.opened() == null) {
            IOException cause = sockets.connectFailure() != null ? sockets.connectFailure() : e;
            return ProbeResult.failed(TcpFailure.verdict(cause), "cannot connect to " + target + " ("
                    + TcpFailure.brief(cause) + ")", TlsHandshake.since(start), evidence);
        }
        boolean late = e instanceof InterruptedIOException;
        if (e instanceof SSLPeerUnverifiedException && !recorder.chain().isEmpty()) {
            X509Certificate leaf = recorder.chain().get(0);
            return ProbeResult.failed(Verdict.TLS_HOSTNAME_MISMATCH, TlsHandshake.mismatchMessage(target,
                    "the certificate names " + ChainRecorder.names(leaf) + ", not " + target.split(":")[0]),
                    TlsHandshake.since(start), evidence);
        }
        if (recorder.outcome() != ChainRecorder.Outcome.TRUSTED) {
            return TlsHandshake.failure(recorder, e, late, anchors, target, timeout, start, evidence);
        }
        return ProbeResult.failed(late ? Verdict.TCP_TIMEOUT : Verdict.DOH_INVALID, "the DoH query to " + url
                + (late ? " got no answer within " + timeout.toMillis() + " ms"
                        : " got no HTTP answer (" + TcpFailure.brief(e) + ")"),
                TlsHandshake.since(start), evidence);
    }

    /** A client for one query: sockets from the route, trust from the recorder, no pooling, no retries. */
    private OkHttpClient client(ChainRecorder recorder, RouteSocketFactory sockets)
            throws GeneralSecurityException {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {recorder}, null);
        return sockets.client(timeout)
                .sslSocketFactory(context.getSocketFactory(), recorder)
                .build();
    }

    /** Why the answer is not a DNS answer to {@code query}, or null when it is one. */
    private static String problem(Message query, int status, String reason, String type, byte[] body) {
        if (status != 200) {
            return "HTTP " + status + " " + reason;
        }
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith(MEDIA_TYPE)) {
            return "Content-Type is " + (type == null ? "missing" : "'" + Sanitizer.quote(type) + "'")
                    + ", not " + MEDIA_TYPE;
        }
        Message response = parse(body);
        if (response == null) {
            return "the body (" + body.length + " bytes) does not parse as a DNS message";
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

    private static Message parse(byte[] body) {
        try {
            return new Message(body);
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

    private static Evidence evidence(Route route, RouteSocketFactory sockets, ChainRecorder recorder,
            String version, Integer status, String server, String detail) {
        Socket opened = sockets.opened();
        String connectedTo = opened == null || opened.getInetAddress() == null ? null
                : IpLiteral.format(opened.getInetAddress(), opened.getPort());
        return TlsHandshake.evidence(route, connectedTo, TlsHandshake.chain(recorder.chain()), version, status,
                server, detail);
    }

    private static Evidence withDetail(Evidence e, String detail) {
        return new Evidence(e.addresses(), e.cnameChain(), e.apple17(), e.connectedTo(), e.route(), e.chain(),
                e.tlsVersion(), e.httpStatus(), e.server(), detail);
    }
}
