package dev.orchard.lab;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apiguardian.api.API;

/**
 * An NTP server on loopback that answers like a healthy time server, like one a firewall drops, or like a
 * middlebox that mangles NTP. Point an NTP check at {@link #address()} (for example with a connect-to override
 * {@code time.apple.com:123:127.0.0.1:PORT}).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class NtpResponder extends LabUdpServer<NtpResponder, NtpResponder.Mode, NtpResponder.Fault> {

    /** How the responder answers. */
    public enum Mode {
        /** A valid server reply: mode 4, stratum 2, our origin timestamp echoed. */
        OK,
        /** No reply at all, as when a firewall drops UDP 123. */
        SILENT,
        /** A reply that is wrong in the way {@link Fault} says. */
        INVALID
    }

    /** What is wrong with the reply in {@link Mode#INVALID}. */
    public enum Fault {
        /** The reply says mode 3 (client) instead of 4 (server). */
        WRONG_MODE,
        /** The reply's origin timestamp is not the request's transmit timestamp. */
        UNECHOED_ORIGIN,
        /** Stratum 0: a kiss-o'-death, "RATE". */
        STRATUM_ZERO
    }

    private static final int LENGTH = 48;
    private static final long SECONDS_1900_TO_1970 = 2_208_988_800L;

    private NtpResponder(Mode mode, Fault fault) throws IOException {
        super("lab-ntp", 0, mode, fault);
    }

    /** Starts answering in {@code mode}; {@link Mode#INVALID} answers with the wrong mode. */
    public static NtpResponder start(Mode mode) throws IOException {
        return new NtpResponder(mode, Fault.WRONG_MODE);
    }

    /** Starts answering invalid replies of the given kind. */
    public static NtpResponder invalid(Fault fault) throws IOException {
        return new NtpResponder(Mode.INVALID, fault);
    }

    @Override
    byte[] reply(byte[] request) {
        Mode current = mode;
        if (current == Mode.SILENT || request.length < LENGTH) {
            return null;
        }
        Fault wrong = current == Mode.INVALID ? fault : null;
        long now = timestamp(Instant.now());
        ByteBuffer reply = ByteBuffer.allocate(LENGTH);
        int replyMode = wrong == Fault.WRONG_MODE ? 3 : 4;
        reply.put(0, (byte) ((4 << 3) | replyMode));
        reply.put(1, (byte) (wrong == Fault.STRATUM_ZERO ? 0 : 2));
        reply.put(2, request[2]); // poll
        reply.put(3, (byte) -20); // precision, about a microsecond
        reply.putInt(4, 0x0000_0100); // root delay
        reply.putInt(8, 0x0000_0200); // root dispersion
        if (wrong == Fault.STRATUM_ZERO) {
            reply.put(12, "RATE".getBytes(StandardCharsets.US_ASCII));
        } else {
            reply.put(12, new byte[] {127, 0, 0, 1}); // reference id: the upstream server's IPv4 address
        }
        long transmit = ByteBuffer.wrap(request).getLong(40);
        reply.putLong(16, now); // reference timestamp
        reply.putLong(24, wrong == Fault.UNECHOED_ORIGIN ? transmit + 1 : transmit); // origin
        reply.putLong(32, now); // receive
        reply.putLong(40, now); // transmit
        return reply.array();
    }

    private static long timestamp(Instant instant) {
        long seconds = instant.getEpochSecond() + SECONDS_1900_TO_1970;
        return (seconds << 32) | (((long) instant.getNano() << 32) / 1_000_000_000L);
    }
}
