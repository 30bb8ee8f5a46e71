package dev.orchard.probe;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import dev.orchard.catalog.Endpoint;
import dev.orchard.catalog.ProxySupport;
import dev.orchard.catalog.Transport;
import dev.orchard.lab.LabDnsServer;
import dev.orchard.lab.LabProxy;
import dev.orchard.lab.LabSshServer;
import dev.orchard.lab.LabTlsServer;
import dev.orchard.lab.NtpResponder;
import dev.orchard.lab.QuicResponder;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NetworkTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(1);

    @Test
    void checkRoutesDirectlyAfterResolving() throws IOException {
        try (LabDnsServer dns = LabDnsServer.start().address("gateway.push.apple.com", "17.188.0.1");
                LabSshServer server = LabSshServer.start();
                Network network = Network.builder().loopbackOnly(true).timeout(TIMEOUT).dnsServer(dns.address())
                        .connectTo(List.of(server.connectTo("gateway.push.apple.com", 2197))).build()) {
            Endpoint endpoint = Endpoint.builder("push", "gateway.push.apple.com").ports(2197)
                    .proxy(ProxySupport.NO).build();
            ProbeResult result = network.check(endpoint, "gateway.push.apple.com",
                    new Check(CheckKind.TCP, 2197, Transport.TCP));
            assertThat(result.message(), result.verdict(), is(Verdict.OK));
            assertThat(result.evidence().route(), is("direct"));
            assertThat(result.evidence().addresses(), is(List.of("17.188.0.1")));
            assertThat(result.evidence().connectedTo(), is("127.0.0.1:" + server.port()));
            assertThat(dns.queries("gateway.push.apple.com"), is(2));
        }
    }

    @Test
    void loopbackOnlyRefusesUdpToRealAddressesWithoutSending() throws IOException {
        try (LabDnsServer dns = LabDnsServer.start().address("time.apple.com", "17.253.4.125");
                Network network = Network.builder().loopbackOnly(true).timeout(TIMEOUT).dnsServer(dns.address())
                        .build()) {
            ProbeResult result = network.ntp("time.apple.com");
            assertThat(result.verdict(), is(Verdict.UDP_NO_RESPONSE));
            assertThat(result.message(), containsString("the lab forbids connecting to 17.253.4.125:123"));
            assertThat(result.evidence().connectedTo(), is("17.253.4.125:123"));
        }
    }

    @Test
    void loopbackOnlyRefusesNonLoopbackResolvers() {
        try (Network network = Network.builder().loopbackOnly(true).timeout(TIMEOUT)
                .dnsServers(List.of("192.0.2.53")).build()) {
            ProbeResult result = network.dns("gdmf.apple.com");
            assertThat(result.verdict(), is(Verdict.DNS_TIMEOUT));
            assertThat(result.message(), containsString("the lab forbids querying 192.0.2.53:53"));
        }
    }

    @Test
    void udpChecksResolveThenFollowConnectTo() throws IOException {
        try (LabDnsServer dns = LabDnsServer.start().address("time.apple.com", "17.253.4.125")
                        .address("www.apple.com", "17.253.144.10");
                NtpResponder ntp = NtpResponder.start(NtpResponder.Mode.OK);
                QuicResponder quic = QuicResponder.start(QuicResponder.Mode.SILENT);
                Network network = Network.builder().loopbackOnly(true).timeout(TIMEOUT).dnsServer(dns.address())
                        .connectTo(List.of("time.apple.com:123:127.0.0.1:" + ntp.address().getPort(),
                                "www.apple.com:443:127.0.0.1:" + quic.address().getPort()))
                        .build()) {
            ProbeResult time = network.ntp("time.apple.com");
            assertThat(time.message(), time.verdict(), is(Verdict.OK));
            assertThat(time.evidence().addresses(), is(List.of("17.253.4.125")));
            assertThat(ntp.requests(), is(1));

            Endpoint web = Endpoint.builder("web", "www.apple.com").ports(443).transports(Transport.UDP).build();
            ProbeResult dropped = network.check(web, "www.apple.com", new Check(CheckKind.QUIC, 443, Transport.UDP));
            assertThat(dropped.verdict(), is(Verdict.UDP_NO_RESPONSE));
            assertThat(quic.requests(), is(1));
        }
    }

    /**
     * With a proxy, the convenience TLS check goes through it on 443 only, and catalog rows only when the row is
     * proxy-capable and the port is 80 or 443; everything else goes direct, through the connect-to override.
     */
    @Test
    void onlyWebPortsOfProxyCapableRowsGoThroughTheProxy() throws IOException {
        LabTrust trust = LabTrust.create();
        String host = "gdmf.apple.com";
        try (LabDnsServer dns = LabDnsServer.start().address(host, "17.253.0.1");
                LabTlsServer tls = LabTlsServer.start(trust.certificates());
                LabProxy proxy = LabProxy.start(trust.certificates(), Map.of(host + ":443", tls.address()));
                Network network = Network.builder().loopbackOnly(true).timeout(TIMEOUT).dnsServer(dns.address())
                        .trustAnchorsPem(trust.certificates().rootPem()).proxy(proxy.url())
                        .connectTo(List.of(host + ":8443:127.0.0.1:" + tls.port(),
                                host + ":443:127.0.0.1:" + tls.port())).build()) {
            String viaProxy = "proxy 127.0.0.1:" + proxy.port();

            ProbeResult on443 = network.tls(host, 443);
            assertThat(on443.message(), on443.verdict(), is(Verdict.OK));
            assertThat(on443.evidence().route(), is(viaProxy));
            ProbeResult on8443 = network.tls(host, 8443);
            assertThat(on8443.message(), on8443.verdict(), is(Verdict.OK));
            assertThat(on8443.evidence().route(), is("direct"));
            assertThat(proxy.requests(host), is(1));

            Check tls443 = new Check(CheckKind.TLS, 443, Transport.TCP);
            Endpoint capable = Endpoint.builder("mdm", host).ports(443).proxy(ProxySupport.YES).build();
            Endpoint directOnly = Endpoint.builder("mdm", host).ports(443).proxy(ProxySupport.NO).build();
            assertThat(network.check(capable, host, tls443).evidence().route(), is(viaProxy));
            assertThat(network.check(directOnly, host, tls443).evidence().route(), is("direct"));
            assertThat(network.check(capable, host, new Check(CheckKind.TLS, 8443, Transport.TCP)).evidence()
                    .route(), is("direct"));
            assertThat(proxy.requests(host), is(2));
        }
    }
}
