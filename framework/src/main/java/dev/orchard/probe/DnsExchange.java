package dev.orchard.probe;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;

/**
 * Asks one DNS server several questions the way a stub resolver does: over one connected UDP socket, so that only
 * the server's own address can answer; datagrams whose id or question match no open query, or that do not parse,
 * are ignored and the wait goes on until the deadline (one stray datagram must not end a lookup). A reply marked
 * truncated is asked again over TCP; an oversized reply that is whole is read as it is (the buffer holds any
 * datagram).
 */
final class DnsExchange {

    /** The EDNS payload size we advertise, the DNS flag day 2020 value. */
    static final int EDNS_PAYLOAD = 1232;
    private static final int MAX_DATAGRAM = 65535;
    private static final int HEADER = 12;

    /**
     * What one question got: a response, or the outcome (TIMEOUT or UNREACHABLE) and why there was none.
     *
     * @param response the server's response, or null
     * @param failure TIMEOUT or UNREACHABLE when there is no response
     * @param why what happened instead, for the evidence
     */
    record Reply(Message response, DnsAnswer.Outcome failure, String why) {
    }

    private DnsExchange() {
    }

    /** A query for {@code question} with EDNS, as a resolver library sends it. */
    static Message query(Record question) {
        Message query = Message.newQuery(question);
        query.addRecord(new OPTRecord(EDNS_PAYLOAD, 0, 0), Section.ADDITIONAL);
        return query;
    }

    /** Sends every query to {@code server} and collects the replies until all came or {@code deadline} passed. */
    static List<Reply> ask(InetSocketAddress server, List<Message> queries, long deadline) {
        Reply[] replies = new Reply[queries.size()];
        boolean[] overTcp = new boolean[queries.size()];
        List<String> ignored = new ArrayList<>();
        String failure = null;
        DnsAnswer.Outcome failureOutcome = DnsAnswer.Outcome.TIMEOUT;
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.connect(server);
            for (Message query : queries) {
                byte[] wire = query.toWire();
                socket.send(new DatagramPacket(wire, wire.length));
            }
            byte[] buffer = new byte[MAX_DATAGRAM];
            while (pending(replies, overTcp)) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    break;
                }
                socket.setSoTimeout((int) Math.max(1, TimeUnit.NANOSECONDS.toMillis(remaining)));
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                socket.receive(packet);
                byte[] data = Arrays.copyOf(packet.getData(), packet.getLength());
                if (!server.equals(packet.getSocketAddress())) {
                    ignored.add("a datagram from " + packet.getSocketAddress());
                    continue;
                }
                String problem = take(queries, replies, overTcp, data);
                if (problem != null) {
                    ignored.add(problem);
                }
            }
        } catch (PortUnreachableException e) {
            failure = "ICMP port unreachable";
            failureOutcome = DnsAnswer.Outcome.UNREACHABLE;
        } catch (SocketTimeoutException e) {
            failure = null;
        } catch (IOException | RuntimeException e) {
            failure = e.getClass().getSimpleName() + ": " + e.getMessage();
            failureOutcome = DnsAnswer.Outcome.UNREACHABLE;
        }
        for (int i = 0; i < replies.length; i++) {
            if (replies[i] == null && overTcp[i]) {
                replies[i] = overTcp(server, queries.get(i), deadline);
            }
        }
        String why = failure != null ? failure : "no answer in time"
                + (ignored.isEmpty() ? "" : " (ignored " + ignored.size() + " datagram(s): " + ignored.get(0) + ")");
        for (int i = 0; i < replies.length; i++) {
            if (replies[i] == null) {
                replies[i] = new Reply(null, failureOutcome, why);
            }
        }
        return List.of(replies);
    }

    private static boolean pending(Reply[] replies, boolean[] overTcp) {
        for (int i = 0; i < replies.length; i++) {
            if (replies[i] == null && !overTcp[i]) {
                return true;
            }
        }
        return false;
    }

    /** Files {@code data} under its query; returns why it was ignored instead, or null. */
    private static String take(List<Message> queries, Reply[] replies, boolean[] overTcp, byte[] data) {
        if (data.length < HEADER) {
            return "a datagram of " + data.length + " bytes";
        }
        int id = ((data[0] & 0xFF) << 8) | (data[1] & 0xFF);
        boolean truncated = (data[2] & 0x02) != 0;
        for (int i = 0; i < queries.size(); i++) {
            Message query = queries.get(i);
            if (replies[i] != null || overTcp[i] || query.getHeader().getID() != id) {
                continue;
            }
            Message response;
            try {
                response = new Message(data);
            } catch (IOException e) {
                if (truncated) {
                    overTcp[i] = true;
                    return null;
                }
                return "a malformed reply to id " + id;
            }
            if (response.getQuestion() == null || !response.getQuestion().getName().equals(query.getQuestion()
                    .getName()) || response.getQuestion().getType() != query.getQuestion().getType()) {
                return "a reply to id " + id + " for another question";
            }
            if (response.getHeader().getFlag(Flags.TC)) {
                overTcp[i] = true;
                return null;
            }
            replies[i] = new Reply(response, null, null);
            return null;
        }
        return "a datagram with message id " + id + ", which no query of ours has";
    }

    /**
     * The same question over TCP, as a truncated UDP answer asks (RFC 7766 framing: a two-byte length). A blocking
     * socket rather than dnsjava's resolver: that would start dnsjava's selector thread and shutdown hook, which
     * outlive a Maven plugin's class realm.
     */
    private static Reply overTcp(InetSocketAddress server, Message query, long deadline) {
        long remaining = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (remaining <= 0) {
            return new Reply(null, DnsAnswer.Outcome.TIMEOUT, "truncated over UDP, no time left for TCP");
        }
        try (Socket socket = new Socket()) {
            socket.connect(server, (int) remaining);
            socket.setSoTimeout((int) Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            byte[] wire = query.toWire();
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            out.writeShort(wire.length);
            out.write(wire);
            out.flush();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            byte[] data = new byte[in.readUnsignedShort()];
            in.readFully(data);
            Message response = new Message(data);
            if (response.getHeader().getID() != query.getHeader().getID()) {
                return new Reply(null, DnsAnswer.Outcome.UNREACHABLE, "truncated over UDP, and the TCP answer has"
                        + " another message id");
            }
            return new Reply(response, null, null);
        } catch (SocketTimeoutException e) {
            return new Reply(null, DnsAnswer.Outcome.TIMEOUT, "truncated over UDP, no answer over TCP in time");
        } catch (IOException e) {
            return new Reply(null, DnsAnswer.Outcome.UNREACHABLE, "truncated over UDP, TCP failed: "
                    + TcpFailure.brief(e));
        }
    }
}
