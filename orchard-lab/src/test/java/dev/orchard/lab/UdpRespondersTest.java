package dev.orchard.lab;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/** The NTP and QUIC responders bind loopback, publish their port and free it on close. */
class UdpRespondersTest {

    @Test
    void ntpResponderBindsLoopbackAndFreesItsPort() throws IOException {
        NtpResponder ntp = NtpResponder.start(NtpResponder.Mode.OK);
        InetSocketAddress address = ntp.address();
        assertThat(address.getAddress().isLoopbackAddress(), is(true));
        assertThat(address.getPort(), not(0));
        ntp.close();

        try (DatagramSocket again = new DatagramSocket(address)) {
            assertThat(again.getLocalPort(), is(address.getPort()));
        }
    }

    @Test
    void quicResponderBindsLoopbackAndFreesItsPort() throws IOException {
        QuicResponder quic = QuicResponder.start(QuicResponder.Mode.OK);
        InetSocketAddress address = quic.address();
        assertThat(address.getAddress().isLoopbackAddress(), is(true));
        quic.close();

        try (DatagramSocket again = new DatagramSocket(address)) {
            assertThat(again.getLocalPort(), is(address.getPort()));
        }
    }
}
