package dev.orchard.lab;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.ThreadLocalRandom;
import org.apiguardian.api.API;

/**
 * A QUIC endpoint on loopback that answers a client Initial of an unknown version the way a QUIC server must,
 * with a Version Negotiation packet (RFC 9000 §6), or stays silent, or answers as a middlebox that mangles QUIC
 * would. Only Initials padded to 1200 bytes are answered, as real servers do.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class QuicResponder extends LabUdpServer<QuicResponder, QuicResponder.Mode, QuicResponder.Fault> {

    /** How the responder answers. */
    public enum Mode {
        /** A valid Version Negotiation listing 0x00000001 and 0x6b3343cf (QUIC v2). */
        OK,
        /** No reply at all, as when a firewall drops UDP 443. */
        SILENT,
        /** A reply that is wrong in the way {@link Fault} says. */
        INVALID
    }

    /** What is wrong with the reply in {@link Mode#INVALID}. */
    public enum Fault {
        /** The connection IDs are not swapped back: DCID is the client's DCID, SCID the client's SCID. */
        UNECHOED_CONNECTION_IDS,
        /** The version field is 1 rather than 0: not a Version Negotiation. */
        NOT_VERSION_NEGOTIATION,
        /** A Version Negotiation that offers only QUIC v2, not version 1. */
        NO_VERSION_1
    }

    static final int VERSION_1 = 0x00000001;
    static final int VERSION_2 = 0x6b3343cf;
    private static final int MIN_INITIAL = 1200;

    private QuicResponder(Mode mode, Fault fault, int port) throws IOException {
        super("lab-quic", port, mode, fault);
    }

    /** Starts answering in {@code mode}; {@link Mode#INVALID} answers without echoing the connection IDs. */
    public static QuicResponder start(Mode mode) throws IOException {
        return new QuicResponder(mode, Fault.UNECHOED_CONNECTION_IDS, 0);
    }

    /**
     * Starts answering on a given UDP port, so that UDP 443 and the TLS server's TCP port share one number and
     * one connect-to override serves both, as a host's 443 does.
     */
    public static QuicResponder start(Mode mode, int port) throws IOException {
        return new QuicResponder(mode, Fault.UNECHOED_CONNECTION_IDS, port);
    }

    /** Starts answering invalid replies of the given kind. */
    public static QuicResponder invalid(Fault fault) throws IOException {
        return new QuicResponder(Mode.INVALID, fault, 0);
    }

    @Override
    byte[] reply(byte[] datagram) {
        Mode current = mode;
        if (current == Mode.SILENT || datagram.length < MIN_INITIAL || (datagram[0] & 0x80) == 0) {
            return null;
        }
        ByteBuffer in = ByteBuffer.wrap(datagram);
        in.position(5); // first byte and version
        byte[] dcid = connectionId(in);
        byte[] scid = dcid == null ? null : connectionId(in);
        if (scid == null) {
            return null;
        }
        Fault wrong = current == Mode.INVALID ? fault : null;
        int[] versions = wrong == Fault.NO_VERSION_1 ? new int[] {VERSION_2} : new int[] {VERSION_1, VERSION_2};
        boolean swap = wrong != Fault.UNECHOED_CONNECTION_IDS;
        byte[] outDcid = swap ? scid : dcid;
        byte[] outScid = swap ? dcid : scid;
        ByteBuffer out = ByteBuffer.allocate(7 + outDcid.length + outScid.length + 4 * versions.length);
        out.put((byte) (0x80 | ThreadLocalRandom.current().nextInt(0x80))); // long header, other bits unused
        out.putInt(wrong == Fault.NOT_VERSION_NEGOTIATION ? VERSION_1 : 0);
        out.put((byte) outDcid.length).put(outDcid);
        out.put((byte) outScid.length).put(outScid);
        for (int version : versions) {
            out.putInt(version);
        }
        return out.array();
    }

    private static byte[] connectionId(ByteBuffer in) {
        if (!in.hasRemaining()) {
            return null;
        }
        int length = Byte.toUnsignedInt(in.get());
        if (length > 20 || in.remaining() < length) {
            return null;
        }
        byte[] id = new byte[length];
        in.get(id);
        return id;
    }
}
