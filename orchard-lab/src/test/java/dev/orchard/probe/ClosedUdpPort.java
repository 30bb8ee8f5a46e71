package dev.orchard.probe;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/** A loopback UDP port that was just free: datagrams to it draw a real ICMP port unreachable. */
final class ClosedUdpPort {

    private ClosedUdpPort() {
    }

    static InetSocketAddress get() throws IOException {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            return new InetSocketAddress(InetAddress.getLoopbackAddress(), socket.getLocalPort());
        }
    }
}
