package dev.orchard.lab;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;
import org.apiguardian.api.API;

/**
 * A DNS server on 127.0.0.1 that answers as a hostile or broken network does: before each real answer it sends a
 * datagram with a wrong message id and a forged answer from another port, and the real answer only after a delay;
 * or it answers with a well-formed reply far larger than 512 bytes and no TC flag. Every name gets A records in
 * 192.0.2.0/24 (documentation addresses); AAAA queries get no data.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class HostileDnsServer implements AutoCloseable {

    /** How the server misbehaves. */
    public enum Mode {
        /** A wrong id, then a right id from another port, then the real answer {@link #DELAY_MILLIS} later. */
        STRAY_IDS,
        /** One well-formed answer of {@link #OVERSIZED_RECORDS} A records, over UDP, without TC. */
        OVERSIZED,
        /** An empty answer with TC over UDP; the {@link #OVERSIZED_RECORDS} records over TCP on the same port. */
        TRUNCATED,
        /**
         * Random bytes for any datagram (DNS, NTP, QUIC alike), most of them carrying the request's first two bytes
         * (a DNS id), for fuzzing the probes' parsers; a DNS query then gets its real answer, so that a resolver
         * that rightly ignores the garbage is answered rather than left to its timeout.
         */
        GARBAGE
    }

    public static final int DELAY_MILLIS = 200;
    public static final int OVERSIZED_RECORDS = 200;
    /** The address every name resolves to first. */
    public static final String ADDRESS = "192.0.2.1";

    private final DatagramSocket socket;
    private final DatagramSocket forger;
    private final Mode mode;
    private final ScheduledExecutorService later;
    private final Thread thread;
    private final ServerSocket tcp;
    private final Thread tcpThread;

    private final Random random;

    private HostileDnsServer(Mode mode, Random random) throws SocketException {
        this.mode = mode;
        this.random = random;
        Sockets bound = Sockets.bind(mode == Mode.TRUNCATED);
        this.socket = bound.udp();
        this.tcp = bound.tcp();
        this.forger = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        this.later = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "hostile-dns-later");
            t.setDaemon(true);
            return t;
        });
        this.thread = new Thread(this::serve, "hostile-dns-" + socket.getLocalPort());
        thread.setDaemon(true);
        thread.start();
        if (tcp != null) {
            this.tcpThread = new Thread(this::serveTcp, "hostile-dns-tcp-" + socket.getLocalPort());
            tcpThread.setDaemon(true);
            tcpThread.start();
        } else {
            this.tcpThread = null;
        }
    }

    /** A UDP socket on loopback and, when asked, a TCP listener on the same port number, as a resolver has. */
    private record Sockets(DatagramSocket udp, ServerSocket tcp) {

        static Sockets bind(boolean withTcp) throws SocketException {
            InetAddress loopback = InetAddress.getLoopbackAddress();
            if (!withTcp) {
                return new Sockets(new DatagramSocket(new InetSocketAddress(loopback, 0)), null);
            }
            // the system picks a free TCP port; its UDP twin may be taken, so a few ports are tried
            SocketException last = null;
            for (int attempt = 0; attempt < 20; attempt++) {
                ServerSocket listener;
                try {
                    listener = new ServerSocket(0, 50, loopback);
                } catch (IOException e) {
                    throw new SocketException("cannot listen on TCP: " + e.getMessage());
                }
                try {
                    return new Sockets(new DatagramSocket(new InetSocketAddress(loopback, listener.getLocalPort())),
                            listener);
                } catch (SocketException e) {
                    last = e;
                    try {
                        listener.close();
                    } catch (IOException ignored) {
                        // a listener that never accepted has nothing to flush
                    }
                }
            }
            throw last;
        }
    }

    private void serveTcp() {
        while (!tcp.isClosed()) {
            try (Socket client = tcp.accept()) {
                client.setSoTimeout(10_000);
                DataInputStream in = new DataInputStream(client.getInputStream());
                byte[] query = new byte[in.readUnsignedShort()];
                in.readFully(query);
                byte[] wire = answer(new Message(query), OVERSIZED_RECORDS).toWire();
                DataOutputStream out = new DataOutputStream(client.getOutputStream());
                out.writeShort(wire.length);
                out.write(wire);
                out.flush();
            } catch (IOException e) {
                // closed, or a client that went away
            }
        }
    }

    public static HostileDnsServer start(Mode mode) throws IOException {
        return new HostileDnsServer(mode, new Random(0));
    }

    /** A {@link Mode#GARBAGE} server whose bytes come from {@code random}. */
    public static HostileDnsServer garbage(Random random) throws IOException {
        return new HostileDnsServer(Mode.GARBAGE, random);
    }

    /** 127.0.0.1 and the port, as a resolver setting. */
    public InetSocketAddress address() {
        return new InetSocketAddress(socket.getLocalAddress(), socket.getLocalPort());
    }

    private void serve() {
        byte[] buffer = new byte[4096];
        while (!socket.isClosed()) {
            try {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                socket.receive(packet);
                if (mode == Mode.GARBAGE) {
                    byte[] reply = new byte[random.nextInt(1500)];
                    random.nextBytes(reply);
                    if (reply.length >= 2 && packet.getLength() >= 2 && random.nextInt(4) > 0) {
                        reply[0] = packet.getData()[0];
                        reply[1] = packet.getData()[1];
                    }
                    socket.send(new DatagramPacket(reply, reply.length, packet.getSocketAddress()));
                }
                Message query = new Message(java.util.Arrays.copyOf(packet.getData(), packet.getLength()));
                if (query.getQuestion() == null) {
                    // an NTP or QUIC datagram may parse as a DNS header without a question: nothing to answer
                    continue;
                }
                InetSocketAddress client = (InetSocketAddress) packet.getSocketAddress();
                Message answer = answer(query, mode == Mode.OVERSIZED ? OVERSIZED_RECORDS
                        : mode == Mode.TRUNCATED ? 0 : 1);
                if (mode == Mode.TRUNCATED) {
                    answer.getHeader().setFlag(Flags.TC);
                }
                if (mode == Mode.STRAY_IDS) {
                    Message stray = answer(query, 1);
                    stray.getHeader().setID((query.getHeader().getID() + 1) & 0xFFFF);
                    send(socket, stray, client);
                    send(forger, answer(query, 1), client);
                    later.schedule(() -> send(socket, answer, client), DELAY_MILLIS, TimeUnit.MILLISECONDS);
                } else {
                    send(socket, answer, client);
                }
            } catch (IOException | RuntimeException e) {
                // closed, or a datagram that is not DNS: nothing to answer
            }
        }
    }

    private static Message answer(Message query, int records) throws IOException {
        Message answer = new Message(query.getHeader().getID());
        answer.getHeader().setFlag(Flags.QR);
        answer.getHeader().setFlag(Flags.RD);
        answer.getHeader().setFlag(Flags.RA);
        Record question = query.getQuestion();
        answer.addRecord(question, Section.QUESTION);
        if (question.getType() == Type.A) {
            for (int i = 0; i < records; i++) {
                answer.addRecord(new ARecord(question.getName(), DClass.IN, 60,
                        InetAddress.getByAddress(new byte[] {(byte) 192, 0, 2, (byte) (1 + i % 250)})),
                        Section.ANSWER);
            }
        }
        return answer;
    }

    private static void send(DatagramSocket from, Message message, InetSocketAddress to) {
        byte[] wire = message.toWire();
        try {
            from.send(new DatagramPacket(wire, wire.length, to));
        } catch (IOException e) {
            // the client is gone
        }
    }

    @Override
    public void close() {
        socket.close();
        forger.close();
        if (tcp != null) {
            try {
                tcp.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
        later.shutdownNow();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
