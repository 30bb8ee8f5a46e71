package dev.orchard.probe;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

/**
 * Checks that QUIC (UDP 443) reaches a host without a handshake: a client Initial with a reserved version
 * (RFC 9000 §15, {@code 0x?a?a?a?a}) obliges any QUIC server to answer with a Version Negotiation packet
 * (§6, §17.2.1) that echoes our connection IDs and lists the versions it speaks. That proves the path both
 * ways, and a reply that is not such a packet shows a middlebox in the way.
 */
final class QuicProbe {

    /** Servers ignore Initials in datagrams shorter than this (RFC 9000 §14.1), so we pad to it. */
    static final int MIN_INITIAL = 1200;
    static final int VERSION_1 = 0x00000001;

    private QuicProbe() {
    }

    static ProbeResult probe(String host, InetSocketAddress target, Duration timeout) {
        long start = System.nanoTime();
        String to = UdpExchange.hostPort(target);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int version = (random.nextInt() & 0xF0F0F0F0) | 0x0A0A0A0A;
        byte[] dcid = randomBytes(8 + random.nextInt(13));
        byte[] scid = randomBytes(8 + random.nextInt(13));
        UdpExchange.Outcome outcome = UdpExchange.exchange(target, initial(version, dcid, scid),
                start + timeout.toNanos());
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        return UdpExchange.unanswered("QUIC", host, to, outcome, timeout, took)
                .orElseGet(() -> judge(host, to, outcome.reply(), version, dcid, scid, took));
    }

    private static ProbeResult judge(String host, String to, byte[] reply, int sent, byte[] dcid, byte[] scid,
            Duration took) {
        ByteBuffer packet = ByteBuffer.wrap(reply);
        if (reply.length < 7) {
            return invalid(host, to, "the reply is " + reply.length + " bytes, too short for a QUIC long header",
                    took);
        }
        int first = Byte.toUnsignedInt(packet.get());
        if ((first & 0x80) == 0) {
            return invalid(host, to, String.format("its first byte 0x%02x has a short header", first), took);
        }
        int version = packet.getInt();
        if (version != 0) {
            return invalid(host, to, String.format("its version is 0x%08x, not 0: it is not a Version Negotiation",
                    version), took);
        }
        byte[] replyDcid = connectionId(packet);
        byte[] replyScid = replyDcid == null ? null : connectionId(packet);
        if (replyScid == null) {
            return invalid(host, to, "its connection IDs are cut short", took);
        }
        if (!Arrays.equals(replyDcid, scid)) {
            return invalid(host, to, "its destination connection ID " + hex(replyDcid)
                    + " does not echo our source connection ID " + hex(scid), took);
        }
        if (!Arrays.equals(replyScid, dcid)) {
            return invalid(host, to, "its source connection ID " + hex(replyScid)
                    + " does not echo our destination connection ID " + hex(dcid), took);
        }
        if (packet.remaining() == 0 || packet.remaining() % 4 != 0) {
            return invalid(host, to, "its version list is " + packet.remaining() + " bytes, not a non-empty"
                    + " multiple of 4", took);
        }
        List<Integer> versions = new ArrayList<>();
        while (packet.hasRemaining()) {
            versions.add(packet.getInt());
        }
        String offered = "versions offered: " + versions.stream().map(QuicProbe::version)
                .collect(Collectors.joining(", "));
        if (versions.contains(sent)) {
            return invalid(host, to, "it offers the reserved version " + version(sent) + " we sent (" + offered
                    + ")", took);
        }
        if (!versions.contains(VERSION_1)) {
            return invalid(host, to, "it does not offer QUIC version 1 (" + offered + ")", took);
        }
        return ProbeResult.passed(host + ": " + to + " answered with a QUIC Version Negotiation (" + offered + ")",
                took, UdpExchange.evidence(to, offered));
    }

    private static ProbeResult invalid(String host, String to, String problem, Duration took) {
        return ProbeResult.failed(Verdict.QUIC_INVALID, host + ": the reply from " + to
                + " is not a valid QUIC Version Negotiation: " + problem + ": " + Verdict.QUIC_INVALID.remedy(),
                took, UdpExchange.evidence(to, problem));
    }

    /**
     * A long-header Initial (§17.2.2) with the given version and connection IDs, an empty token, a 4-byte packet
     * number and random payload, padded to {@link #MIN_INITIAL} bytes.
     */
    static byte[] initial(int version, byte[] dcid, byte[] scid) {
        ByteBuffer packet = ByteBuffer.allocate(MIN_INITIAL);
        packet.put((byte) 0xC3); // long header, fixed bit, type Initial, 4-byte packet number
        packet.putInt(version);
        packet.put((byte) dcid.length).put(dcid);
        packet.put((byte) scid.length).put(scid);
        packet.put((byte) 0); // token length 0
        int length = packet.remaining() - 2;
        packet.putShort((short) (0x4000 | length)); // 2-byte variable-length integer
        packet.put(randomBytes(packet.remaining()));
        return packet.array();
    }

    /** A length-prefixed connection ID, or null when the packet ends first or it exceeds 20 bytes. */
    static byte[] connectionId(ByteBuffer packet) {
        if (!packet.hasRemaining()) {
            return null;
        }
        int length = Byte.toUnsignedInt(packet.get());
        if (length > 20 || packet.remaining() < length) {
            return null;
        }
        byte[] id = new byte[length];
        packet.get(id);
        return id;
    }

    static String version(int version) {
        return String.format("0x%08x", version);
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }

    private static String hex(byte[] bytes) {
        return bytes.length == 0 ? "(empty)" : HexFormat.of().formatHex(bytes);
    }
}
