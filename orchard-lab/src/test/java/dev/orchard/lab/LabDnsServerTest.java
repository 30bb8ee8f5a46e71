package dev.orchard.lab;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/** The lab DNS server, spoken to with dnsjava's own client over real loopback UDP and TCP. */
class LabDnsServerTest {

    @Test
    void servesUdpAndTcpOnTheSamePortOfLoopback() throws IOException {
        try (LabDnsServer dns = LabDnsServer.start().address("www.apple.com", "17.253.144.10")) {
            assertThat(dns.address().getAddress().isLoopbackAddress(), is(true));
            assertThat(dns.address().getPort(), not(0));
            assertThat(dns.hostAndPort(), equalTo("127.0.0.1:" + dns.address().getPort()));

            Message udp = client(dns, false).send(query("www.apple.com", Type.A));
            Message tcp = client(dns, true).send(query("www.apple.com", Type.A));

            for (Message answer : List.of(udp, tcp)) {
                assertThat(answer.getRcode(), is(Rcode.NOERROR));
                List<Record> records = answer.getSection(Section.ANSWER);
                assertThat(records.size(), is(1));
                assertThat(((ARecord) records.get(0)).getAddress().getHostAddress(), equalTo("17.253.144.10"));
            }
            assertThat(dns.queries("www.apple.com"), is(2));
            assertThat(dns.tcpQueries("www.apple.com"), is(1));
        }
    }

    @Test
    void truncatedNamesSetTcOverUdpOnly() throws IOException {
        try (LabDnsServer dns = LabDnsServer.start().truncated("big.apple.com", "17.1.1.1")) {
            SimpleResolver udpOnly = client(dns, false);
            udpOnly.setIgnoreTruncation(true);

            Message udp = udpOnly.send(query("big.apple.com", Type.A));
            Message tcp = client(dns, true).send(query("big.apple.com", Type.A));

            assertThat(udp.getHeader().getFlag(Flags.TC), is(true));
            assertThat(udp.getSection(Section.ANSWER).size(), is(0));
            assertThat(tcp.getHeader().getFlag(Flags.TC), is(false));
            assertThat(tcp.getSection(Section.ANSWER).size(), is(1));
        }
    }

    @Test
    void unknownNamesAreNxdomainAndExactNamesBeatWildcards() throws IOException {
        try (LabDnsServer dns = LabDnsServer.start().address("*.push.apple.com", "17.188.1.1")
                .nxdomain("blocked.push.apple.com")) {
            SimpleResolver client = client(dns, false);

            assertThat(client.send(query("nothing.example.test", Type.A)).getRcode(), is(Rcode.NXDOMAIN));
            assertThat(client.send(query("blocked.push.apple.com", Type.A)).getRcode(), is(Rcode.NXDOMAIN));
            Message wild = client.send(query("a.b.push.apple.com", Type.A));
            assertThat(wild.getRcode(), is(Rcode.NOERROR));
            assertThat(wild.getSection(Section.ANSWER).get(0).getName(), equalTo(Name.fromString("a.b.push.apple.com.")));
        }
    }

    @Test
    void rejectsNamesAndAddressesThatAreNotLiterals() throws IOException {
        try (LabDnsServer dns = LabDnsServer.start()) {
            IllegalArgumentException notIp = assertThrows(IllegalArgumentException.class,
                    () -> dns.address("www.apple.com", "www.example.test"));
            assertThat(notIp.getMessage(), containsString("not an IP address literal"));
            IllegalArgumentException notName = assertThrows(IllegalArgumentException.class,
                    () -> dns.nxdomain("bad..name"));
            assertThat(notName.getMessage(), containsString("bad..name"));
        }
    }

    @Test
    void closeFreesThePort() throws IOException {
        LabDnsServer dns = LabDnsServer.start();
        InetSocketAddress address = dns.address();
        dns.close();

        try (DatagramSocket udp = new DatagramSocket(address);
                ServerSocket tcp = new ServerSocket(address.getPort(), 50, InetAddress.getLoopbackAddress())) {
            assertThat(udp.getLocalPort(), is(address.getPort()));
            assertThat(tcp.getLocalPort(), is(address.getPort()));
        }
    }

    private static SimpleResolver client(LabDnsServer dns, boolean tcp) {
        SimpleResolver resolver = new SimpleResolver(dns.address());
        resolver.setTCP(tcp);
        resolver.setTimeout(Duration.ofSeconds(2));
        return resolver;
    }

    private static Message query(String name, int type) throws IOException {
        return Message.newQuery(Record.newRecord(Name.fromString(name, Name.root), type, DClass.IN));
    }
}
