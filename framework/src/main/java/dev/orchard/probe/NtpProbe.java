package dev.orchard.probe;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Asks a time server for the time with a real NTPv4 client request (RFC 5905), because Apple devices set their
 * clock from time.apple.com and certificate checks fail on a wrong clock. A reply counts only if it is a server
 * reply (mode 4) to <em>our</em> request (it echoes our transmit timestamp as its origin) from a synchronized
 * server (stratum 1 to 15): a middlebox that answers anything else is reported as such.
 */
final class NtpProbe {

    static final int PACKET_LENGTH = 48;
    static final int MODE_CLIENT = 3;
    static final int MODE_SERVER = 4;
    /** Seconds from the NTP era (1900) to the Unix epoch (1970). */
    static final long SECONDS_1900_TO_1970 = 2_208_988_800L;
    static final int ORIGIN_OFFSET = 24;
    static final int TRANSMIT_OFFSET = 40;

    private NtpProbe() {
    }

    static ProbeResult probe(String host, InetSocketAddress target, Duration timeout) {
        long start = System.nanoTime();
        String to = UdpExchange.hostPort(target);
        byte[] request = request();
        long transmit = ByteBuffer.wrap(request).getLong(TRANSMIT_OFFSET);
        UdpExchange.Outcome outcome = UdpExchange.exchange(target, request, start + timeout.toNanos());
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        return UdpExchange.unanswered("NTP", host, to, outcome, timeout, took)
                .orElseGet(() -> judge(host, to, outcome.reply(), transmit, took));
    }

    private static ProbeResult judge(String host, String to, byte[] reply, long transmit, Duration took) {
        if (reply.length < PACKET_LENGTH) {
            return invalid(host, to, "the reply is " + reply.length + " bytes, shorter than NTP's 48", null, took);
        }
        ByteBuffer packet = ByteBuffer.wrap(reply);
        int mode = reply[0] & 0x07;
        int stratum = Byte.toUnsignedInt(reply[1]);
        String detail = "stratum " + stratum + ", reference id " + referenceId(stratum, reply) + ", mode " + mode;
        if (mode != MODE_SERVER) {
            return invalid(host, to, "it is mode " + mode + ", not a server reply (mode 4)", detail, took);
        }
        long origin = packet.getLong(ORIGIN_OFFSET);
        if (origin != transmit) {
            return invalid(host, to, String.format("its origin timestamp %016x does not echo our transmit timestamp"
                    + " %016x, so it does not answer our request", origin, transmit), detail, took);
        }
        if (stratum == 0) {
            return invalid(host, to, "stratum 0, a kiss-o'-death with code " + referenceId(0, reply), detail, took);
        }
        if (stratum > 15) {
            return invalid(host, to, "stratum " + stratum + ": the server is not synchronized", detail, took);
        }
        return ProbeResult.passed(host + ": the NTP server at " + to + " answered (stratum " + stratum
                + ", reference id " + referenceId(stratum, reply) + ")", took, UdpExchange.evidence(to, detail));
    }

    private static ProbeResult invalid(String host, String to, String problem, String detail, Duration took) {
        return ProbeResult.failed(Verdict.NTP_INVALID, host + ": the reply from " + to
                + " is not a valid NTP server reply: " + problem + ": " + Verdict.NTP_INVALID.remedy(), took,
                UdpExchange.evidence(to, detail == null ? problem : detail));
    }

    /** A 48-byte NTPv4 client request whose transmit timestamp is now, with random low bits to be unguessable. */
    static byte[] request() {
        ByteBuffer packet = ByteBuffer.allocate(PACKET_LENGTH);
        packet.put(0, (byte) ((4 << 3) | MODE_CLIENT));
        packet.putLong(TRANSMIT_OFFSET, timestamp(Instant.now()) ^ (ThreadLocalRandom.current().nextInt() & 0xFFFFL));
        return packet.array();
    }

    /** An NTP timestamp: seconds since 1900 in the high 32 bits, the fraction of a second in the low 32. */
    static long timestamp(Instant instant) {
        long seconds = instant.getEpochSecond() + SECONDS_1900_TO_1970;
        long fraction = ((long) instant.getNano() << 32) / 1_000_000_000L;
        return (seconds << 32) | fraction;
    }

    /** Stratum 0 and 1 carry four ASCII characters (a KoD code, a clock source); others an IPv4 address. */
    private static String referenceId(int stratum, byte[] reply) {
        if (stratum <= 1) {
            return "\"" + new String(reply, 12, 4, StandardCharsets.US_ASCII).replace("\0", "").strip() + "\"";
        }
        return Byte.toUnsignedInt(reply[12]) + "." + Byte.toUnsignedInt(reply[13]) + "."
                + Byte.toUnsignedInt(reply[14]) + "." + Byte.toUnsignedInt(reply[15]);
    }
}
