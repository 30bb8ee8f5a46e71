package dev.orchard.lab;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLHandshakeException;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.tls.HandshakeCertificates;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** Exercises the lab servers with a real client (OkHttp) whose DNS only ever answers loopback. */
class LabServersTest {

    private static LabCertificates lab;

    @BeforeAll
    static void certificates() {
        lab = LabCertificates.create();
    }

    /** A client that trusts {@code root}, reaches every name at loopback, and never asks a real resolver. */
    private static OkHttpClient client(okhttp3.tls.HeldCertificate root, Proxy proxy) {
        HandshakeCertificates trust = new HandshakeCertificates.Builder()
                .addTrustedCertificate(root.certificate()).build();
        return new OkHttpClient.Builder()
                .sslSocketFactory(trust.sslSocketFactory(), trust.trustManager())
                .dns(host -> List.of(InetAddress.getLoopbackAddress()))
                .proxy(proxy == null ? Proxy.NO_PROXY : proxy)
                .followRedirects(false)
                .build();
    }

    @Test
    void leavesCarryTheHostAndChainToTheLabAppleRoot() throws Exception {
        var leaf = lab.leaf("gdmf.apple.com");
        assertThat(leaf.certificate().getSubjectX500Principal().getName(), is("CN=gdmf.apple.com"));
        assertThat(leaf.certificate().getSubjectAlternativeNames().stream().map(n -> n.get(1)).toList(),
                contains("gdmf.apple.com"));
        assertThat(leaf.certificate().getIssuerX500Principal().getName(),
                containsString(LabCertificates.APPLE_INTERMEDIATE));
        lab.appleIntermediate().certificate().verify(lab.appleRoot().certificate().getPublicKey());
        leaf.certificate().verify(lab.appleIntermediate().certificate().getPublicKey());
        assertThat(lab.rootPem(), containsString("-----BEGIN CERTIFICATE-----"));
        assertThat(lab.interceptedLeaf(LabCertificates.ZSCALER_CA, "gdmf.apple.com").certificate()
                .getIssuerX500Principal().getName(), containsString("Zscaler Root CA (Orchard lab)"));
    }

    @Test
    void theTlsServerPicksTheLeafBySniAndAnswersDohGet() throws Exception {
        try (LabTlsServer server = LabTlsServer.start(lab)) {
            Message query = Message.newQuery(Record.newRecord(Name.fromString("apple.com."), Type.A, DClass.IN));
            String dns = Base64.getUrlEncoder().withoutPadding().encodeToString(query.toWire());
            Request request = new Request.Builder()
                    .url("https://doh.dns.apple.com:" + server.port() + "/dns-query?dns=" + dns).build();
            try (Response response = client(lab.appleRoot(), null).newCall(request).execute()) {
                assertThat(response.code(), is(200));
                assertThat(response.header("Content-Type"), is(LabTlsServer.DNS_MESSAGE));
                assertThat(response.handshake().peerCertificates().get(0).toString(),
                        containsString("CN=doh.dns.apple.com"));
                Message answer = new Message(response.body().bytes());
                assertThat(answer.getSection(Section.ANSWER), hasSize(1));
                assertThat(((ARecord) answer.getSection(Section.ANSWER).get(0)).getAddress(),
                        is(InetAddress.getLoopbackAddress()));
            }
            assertThat(server.requests(), is(1));
        }
    }

    @Test
    void theTlsServerServesConfiguredPaths() throws Exception {
        try (LabTlsServer server = LabTlsServer.start(lab).respond("/status", 503, "maintenance")) {
            Request request = new Request.Builder().url("https://gdmf.apple.com:" + server.port() + "/status").build();
            try (Response response = client(lab.appleRoot(), null).newCall(request).execute()) {
                assertThat(response.code(), is(503));
                assertThat(response.body().string(), is("maintenance"));
            }
        }
    }

    @Test
    void theHttpServerAnswersApplesSuccessPageForCaptiveAppleCom() throws Exception {
        try (LabHttpServer server = LabHttpServer.start(LabHttpServer.Mode.NORMAL)) {
            Request request = new Request.Builder()
                    .url("http://captive.apple.com:" + server.port() + "/hotspot-detect.html").build();
            try (Response response = client(lab.appleRoot(), null).newCall(request).execute()) {
                // OkHttp sends Host with the port; the lab keys on the host name alone
                assertThat(response.code(), is(200));
                assertThat(response.body().string(), is(LabHttpServer.SUCCESS_PAGE));
            }
        }
    }

    @Test
    void theProxyTunnelsDeniesAndCountsPerHost() throws Exception {
        try (LabTlsServer origin = LabTlsServer.start(lab);
                LabProxy proxy = LabProxy.start(lab, Map.of("gdmf.apple.com:443", origin.address()))) {
            proxy.policy("blocked.apple.com", LabProxy.Policy.DENY);
            OkHttpClient client = client(lab.appleRoot(), new Proxy(Proxy.Type.HTTP, proxy.address()));
            try (Response response = client.newCall(new Request.Builder()
                    .url("https://gdmf.apple.com/").build()).execute()) {
                assertThat(response.code(), is(200));
            }
            assertThrows(IOException.class, () -> client.newCall(new Request.Builder()
                    .url("https://blocked.apple.com/").build()).execute().close());
            assertThat(proxy.requests("gdmf.apple.com"), is(1));
            assertThat(proxy.requests("blocked.apple.com"), is(1));
            assertThat(origin.connections(), is(1));
        }
    }

    @Test
    void theProxyInterceptsWithItsOwnCaAndRelaysToTheHost() throws Exception {
        try (LabTlsServer origin = LabTlsServer.start(lab);
                LabProxy proxy = LabProxy.start(lab, Map.of("gdmf.apple.com:443", origin.address()))) {
            proxy.defaultPolicy(LabProxy.Policy.INTERCEPT).interceptWith(LabCertificates.ZSCALER_CA);
            Proxy via = new Proxy(Proxy.Type.HTTP, proxy.address());
            Request request = new Request.Builder().url("https://gdmf.apple.com/").build();
            assertThrows(SSLHandshakeException.class,
                    () -> client(lab.appleRoot(), via).newCall(request).execute().close());
            try (Response response = client(lab.inspectionCa(LabCertificates.ZSCALER_CA), via).newCall(request)
                    .execute()) {
                assertThat(response.code(), is(200));
                assertThat(response.body().string(), is("Orchard lab TLS origin\n"));
                assertThat(response.handshake().peerCertificates().get(0).toString(),
                        containsString("Zscaler Root CA (Orchard lab)"));
            }
            assertThat(origin.requests(), is(1));
        }
    }

    @Test
    void theProxyNeverConnectsToANonLoopbackUpstream() throws Exception {
        InetSocketAddress elsewhere = new InetSocketAddress(InetAddress.getByAddress(new byte[] {(byte) 192, 0, 2, 1}),
                443);
        try (LabProxy proxy = LabProxy.start(lab, key -> elsewhere)) {
            OkHttpClient client = client(lab.appleRoot(), new Proxy(Proxy.Type.HTTP, proxy.address()));
            IOException e = assertThrows(IOException.class, () -> client.newCall(new Request.Builder()
                    .url("https://gdmf.apple.com/").build()).execute().close());
            assertThat(e.getMessage(), containsString("502"));
        }
    }

    /** Each request's upstream socket is let go when it ends, not kept until the proxy closes. */
    @Test
    void theProxyReleasesUpstreamSocketsWhenRequestsEnd() throws Exception {
        try (LabHttpServer origin = LabHttpServer.start(LabHttpServer.Mode.NORMAL);
                LabProxy proxy = LabProxy.start(lab, Map.of("captive.apple.com:80", origin.address()))) {
            for (int i = 0; i < 5; i++) {
                try (Socket socket = new Socket()) {
                    socket.connect(proxy.address(), 2000);
                    socket.setSoTimeout(5000);
                    socket.getOutputStream().write(("GET http://captive.apple.com/hotspot-detect.html HTTP/1.1\r\n"
                            + "Host: captive.apple.com\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.ISO_8859_1));
                    String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
                    assertThat(answer, containsString("Success"));
                }
            }
            assertThat("every socket let go within 5 s", proxy.awaitNoOpenSockets(Duration.ofSeconds(5)), is(true));
            assertThat(origin.requests(), is(5));
        }
    }
}
