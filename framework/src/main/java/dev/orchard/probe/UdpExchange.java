package dev.orchard.probe;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
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

    /**
     * The failed result of an exchange that got no reply: a reject (ICMP port unreachable) or silence; empty when a
     * reply came, for the probe to judge. {@code protocol} names what was asked ("NTP").
     */
    static Optional<ProbeResult> unanswered(String protocol, String host, String to, Outcome outcome,
            Duration timeout, Duration took) {
        switch (outcome.kind()) {
            case REFUSED:
                return Optional.of(ProbeResult.failed(Verdict.UDP_REFUSED, host + ": " + to + " answered " + protocol
                        + " with ICMP port unreachable: " + Verdict.UDP_REFUSED.remedy(), took,
                        evidence(to, "ICMP port unreachable")));
            case NO_RESPONSE:
                return Optional.of(ProbeResult.failed(Verdict.UDP_NO_RESPONSE, host + ": no " + protocol
                        + " reply from " + to + " within " + timeout.toMillis() + " ms: "
                        + Verdict.UDP_NO_RESPONSE.remedy(), took, evidence(to, outcome.error())));
            case REPLY:
            default:
                return Optional.empty();
        }
    }

    /** The evidence of a UDP exchange: where it went (always direct) and what was seen. */
    static Evidence evidence(String to, String detail) {
        return new Evidence(null, null, null, to, "direct", null, null, null, null, detail);
    }

    /** {@code 127.0.0.1:123}, or {@code [::1]:123}: the connectedTo evidence. */
    static String hostPort(InetSocketAddress target) {
        return TcpProbe.format(target);
    }
}
