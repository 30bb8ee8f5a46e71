package dev.orchard.probe;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * One UDP request and its first reply, over a <em>connected</em> socket: only a connected socket hears the ICMP
 * port unreachable that tells a firewall's reject from its silent drop. Shared by the NTP and QUIC probes, which
 * differ only in what they send and how they judge the reply.
 */
final class UdpExchange {

    enum Kind { REPLY, NO_RESPONSE, REFUSED }

    /** What came back: a reply's bytes, silence, or ICMP port unreachable; {@code error} says more when known. */
    record Outcome(Kind kind, byte[] reply, String error) {
    }

    private UdpExchange() {
    }

    /** Sends {@code request} to {@code target} and waits for one reply until {@code deadlineNanos}. */
    static Outcome exchange(InetSocketAddress target, byte[] request, long deadlineNanos) {
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.connect(target);
            socket.send(new DatagramPacket(request, request.length));
            byte[] buffer = new byte[2048];
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            long remaining = deadlineNanos - System.nanoTime();
            if (remaining <= 0) {
                return new Outcome(Kind.NO_RESPONSE, null, null);
            }
            socket.setSoTimeout((int) Math.max(1, TimeUnit.NANOSECONDS.toMillis(remaining)));
            socket.receive(packet);
            return new Outcome(Kind.REPLY, Arrays.copyOf(packet.getData(), packet.getLength()), null);
        } catch (PortUnreachableException e) {
            return new Outcome(Kind.REFUSED, null, "ICMP port unreachable");
        } catch (SocketTimeoutException e) {
            return new Outcome(Kind.NO_RESPONSE, null, null);
        } catch (IOException | RuntimeException e) {
            // No route, network unreachable, or a closed local interface: nothing came back either way.
            return new Outcome(Kind.NO_RESPONSE, null, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** {@code 127.0.0.1:123}, or {@code [::1]:123}: the connectedTo evidence. */
    static String hostPort(InetSocketAddress target) {
        String host = target.getAddress() == null ? target.getHostString() : target.getAddress().getHostAddress();
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + target.getPort();
    }
}
