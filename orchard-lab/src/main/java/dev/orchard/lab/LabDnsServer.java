package dev.orchard.lab;

import dev.orchard.probe.IpLiteral;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.BindException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apiguardian.api.API;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Address;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * A DNS server on loopback that answers like the recursive resolver of a network under test: healthy, filtering
 * (NXDOMAIN, sinkhole addresses, stripped records), failing (SERVFAIL, REFUSED), dropping (silent) or truncating.
 * It serves UDP and TCP on the same port, as a real resolver does, so that a probe's TCP retry of a truncated
 * answer reaches it. Names the zone does not know are NXDOMAIN.
 *
 * <pre>{@code
 * try (LabDnsServer dns = LabDnsServer.start()
 *         .cname("updates.cdn-apple.com", "updates.g.aaplimg.com")
 *         .address("updates.g.aaplimg.com", "17.253.37.203")
 *         .nxdomain("mesu.apple.com")) {
 *     Network network = Network.builder().dnsServers(List.of(dns.hostAndPort())).build();
 * }
 * }</pre>
 *
 * <p>Names may be wildcards such as {@code *.push.apple.com}; an exact name wins over a wildcard. Answers for a
 * CNAME carry the whole chain and the final addresses, as a recursive resolver's do, so a chain that dangles or
 * loops is served as such. The zone may be changed while the server runs.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class LabDnsServer implements AutoCloseable {

    private static final long TTL = 60;
    private static final int MAX_CHAIN = 32;
    private static final int BIND_ATTEMPTS = 50;
    private static final long JOIN_MILLIS = 2_000;

    /** Set once by {@link #start()}, before the server is handed out. */
    private UdpResponder udp;
    private ServerSocket tcp;
    private final Map<Name, Entry> zone = new ConcurrentHashMap<>();
    private final Map<Name, AtomicInteger> queries = new ConcurrentHashMap<>();
    private final Map<Name, AtomicInteger> tcpQueries = new ConcurrentHashMap<>();
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private LabDnsServer() {
    }

    /** Binds UDP and TCP on one free port of 127.0.0.1 and starts answering on daemon threads. */
    public static LabDnsServer start() throws IOException {
        LabDnsServer server = new LabDnsServer();
        IOException last = null;
        for (int attempt = 0; attempt < BIND_ATTEMPTS; attempt++) {
            // A whole catalog resolves at once: a deep buffer keeps a burst of queries from being dropped.
            UdpResponder udp = new UdpResponder("lab-dns-udp", 0, 4 << 20, query -> server.answer(query, false));
            ServerSocket tcp = new ServerSocket();
            try {
                tcp.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), udp.address().getPort()), 50);
                server.udp = udp;
                server.tcp = tcp;
                server.daemon("lab-dns-tcp-" + tcp.getLocalPort(), server::acceptTcp);
                return server;
            } catch (IOException clash) {
                // Another process holds the TCP side of the UDP port we got: try another port.
                tcp.close();
                udp.close();
                if (!(clash instanceof BindException)) {
                    throw clash;
                }
                last = clash;
            }
        }
        throw new IOException("no port of 127.0.0.1 was free for both UDP and TCP after " + BIND_ATTEMPTS
                + " attempts", last);
    }

    /** The address and port to use as the DNS server. */
    public InetSocketAddress address() {
        return udp.address();
    }

    /** {@code 127.0.0.1:port}, the form {@code apple-network.dnsServers} takes. */
    public String hostAndPort() {
        InetSocketAddress address = udp.address();
        return IpLiteral.format(address.getAddress(), address.getPort());
    }

    /** Answers {@code name} with these A and AAAA addresses (IP literals); none gives NOERROR without data. */
    public LabDnsServer address(String name, String... ips) {
        return put(name, new Entry(Kind.ADDRESS, literals(ips), null));
    }

    /** Answers {@code name} with a CNAME to {@code target}, followed the way a recursive resolver follows it. */
    public LabDnsServer cname(String name, String target) {
        return put(name, new Entry(Kind.CNAME, List.of(), parse(target)));
    }

    /** Answers NXDOMAIN, as a DNS filter that blocks the name does. */
    public LabDnsServer nxdomain(String name) {
        return put(name, new Entry(Kind.NXDOMAIN, List.of(), null));
    }

    /** Answers NOERROR without records: the name exists but has no address. */
    public LabDnsServer nodata(String name) {
        return put(name, new Entry(Kind.ADDRESS, List.of(), null));
    }

    /** Answers SERVFAIL, as a resolver that cannot reach its upstream does. */
    public LabDnsServer servfail(String name) {
        return put(name, new Entry(Kind.SERVFAIL, List.of(), null));
    }

    /** Answers REFUSED, as a resolver that does not serve the client does. */
    public LabDnsServer refused(String name) {
        return put(name, new Entry(Kind.REFUSED, List.of(), null));
    }

    /** Never answers queries for {@code name}, over UDP or TCP, as when a firewall drops them. */
    public LabDnsServer silent(String name) {
        return put(name, new Entry(Kind.SILENT, List.of(), null));
    }

    /** Over UDP answers with the TC flag and no records; over TCP answers with these addresses. */
    public LabDnsServer truncated(String name, String... ips) {
        return put(name, new Entry(Kind.TRUNCATED, literals(ips), null));
    }

    /** How many queries for {@code name} arrived, over UDP and TCP, of any type. */
    public int queries(String name) {
        AtomicInteger count = queries.get(parse(name));
        return count == null ? 0 : count.get();
    }

    /** How many queries for {@code name} arrived over TCP. */
    public int tcpQueries(String name) {
        AtomicInteger count = tcpQueries.get(parse(name));
        return count == null ? 0 : count.get();
    }

    /**
     * Stops answering and frees the port and every thread. Waits for the threads to end, because the JDK frees a
     * socket's port only once the thread blocked on it has left; afterwards the port can be bound again.
     */
    @Override
    public void close() {
        closed = true;
        udp.close();
        try {
            tcp.close();
        } catch (IOException ignored) {
            // Closing a listening socket has nothing left to report.
        }
        for (Socket connection : connections) {
            closeQuietly(connection);
        }
        for (Thread thread : threads) {
            join(thread);
        }
    }

    static void join(Thread thread) {
        if (thread == Thread.currentThread()) {
            return;
        }
        try {
            thread.join(JOIN_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "LabDnsServer[" + hostAndPort() + "]";
    }

    private LabDnsServer put(String name, Entry entry) {
        zone.put(parse(name), entry);
        return this;
    }

    private void daemon(String name, Runnable body) {
        Thread thread = new Thread(() -> {
            try {
                body.run();
            } finally {
                threads.remove(Thread.currentThread());
            }
        }, name);
        thread.setDaemon(true);
        threads.add(thread);
        thread.start();
    }

    private void acceptTcp() {
        while (!closed) {
            try {
                Socket connection = tcp.accept();
                connections.add(connection);
                daemon("lab-dns-tcp-connection", () -> serveTcp(connection));
            } catch (IOException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    /** Serves length-prefixed messages (RFC 1035 §4.2.2) until the client closes the connection. */
    private void serveTcp(Socket connection) {
        try (connection) {
            DataInputStream in = new DataInputStream(connection.getInputStream());
            DataOutputStream out = new DataOutputStream(connection.getOutputStream());
            while (!closed) {
                int length = in.readUnsignedShort();
                byte[] query = in.readNBytes(length);
                if (query.length < length) {
                    return;
                }
                byte[] reply = answer(query, true);
                if (reply != null) {
                    out.writeShort(reply.length);
                    out.write(reply);
                    out.flush();
                }
            }
        } catch (IOException endOfConnection) {
            // The client closed the connection, or the server is closing.
        } finally {
            connections.remove(connection);
        }
    }

    /** The wire reply to a wire query, or null for none (unparsable query, or a silent name). */
    private byte[] answer(byte[] wire, boolean overTcp) {
        Message query;
        try {
            query = new Message(wire);
        } catch (IOException unparsable) {
            return null;
        }
        Record question = query.getQuestion();
        if (question == null) {
            return null;
        }
        Name qname = question.getName();
        queries.computeIfAbsent(qname, n -> new AtomicInteger()).incrementAndGet();
        if (overTcp) {
            tcpQueries.computeIfAbsent(qname, n -> new AtomicInteger()).incrementAndGet();
        }
        Message response = new Message(query.getHeader().getID());
        response.getHeader().setFlag(Flags.QR);
        response.getHeader().setFlag(Flags.RA);
        if (query.getHeader().getFlag(Flags.RD)) {
            response.getHeader().setFlag(Flags.RD);
        }
        response.addRecord(question, Section.QUESTION);
        int rcode = resolve(qname, question.getType(), overTcp, response);
        if (rcode < 0) {
            return null;
        }
        response.getHeader().setRcode(rcode);
        return response.toWire();
    }

    /**
     * Fills the answer section the way a recursive resolver would, following CNAMEs; returns the rcode, or -1
     * for no reply at all.
     */
    private int resolve(Name qname, int qtype, boolean overTcp, Message response) {
        Name current = qname;
        Set<Name> seen = new HashSet<>();
        seen.add(qname);
        for (int hop = 0; hop <= MAX_CHAIN; hop++) {
            Entry entry = lookup(current);
            if (entry == null) {
                return Rcode.NXDOMAIN;
            }
            switch (entry.kind) {
                case SILENT:
                    return -1;
                case NXDOMAIN:
                    return Rcode.NXDOMAIN;
                case SERVFAIL:
                    return Rcode.SERVFAIL;
                case REFUSED:
                    return Rcode.REFUSED;
                case TRUNCATED:
                    if (!overTcp) {
                        response.removeAllRecords(Section.ANSWER);
                        response.getHeader().setFlag(Flags.TC);
                        return Rcode.NOERROR;
                    }
                    addAddresses(current, qtype, entry.addresses, response);
                    return Rcode.NOERROR;
                case ADDRESS:
                    addAddresses(current, qtype, entry.addresses, response);
                    return Rcode.NOERROR;
                case CNAME:
                    response.addRecord(new CNAMERecord(current, DClass.IN, TTL, entry.target), Section.ANSWER);
                    if (qtype == Type.CNAME || !seen.add(entry.target)) {
                        return Rcode.NOERROR;
                    }
                    current = entry.target;
                    break;
                default:
                    throw new IllegalStateException(entry.kind.name());
            }
        }
        return Rcode.NOERROR;
    }

    private static void addAddresses(Name owner, int qtype, List<InetAddress> addresses, Message response) {
        for (InetAddress address : addresses) {
            boolean v4 = address instanceof Inet4Address;
            if (qtype == Type.A && v4) {
                response.addRecord(new ARecord(owner, DClass.IN, TTL, address), Section.ANSWER);
            } else if (qtype == Type.AAAA && !v4) {
                response.addRecord(new AAAARecord(owner, DClass.IN, TTL, address), Section.ANSWER);
            }
        }
    }

    /** The exact name's entry, else the closest enclosing wildcard's. */
    private Entry lookup(Name name) {
        Entry exact = zone.get(name);
        if (exact != null) {
            return exact;
        }
        for (int labels = 1; labels < name.labels() - 1; labels++) {
            Entry wildcard = zone.get(name.wild(labels));
            if (wildcard != null) {
                return wildcard;
            }
        }
        return null;
    }

    private static Name parse(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a DNS name was expected, got " + (name == null ? "null" : "\"\""));
        }
        try {
            return Name.fromString(name, Name.root);
        } catch (TextParseException e) {
            throw new IllegalArgumentException("\"" + name + "\" is not a DNS name: " + e.getMessage(), e);
        }
    }

    private static List<InetAddress> literals(String... ips) {
        List<InetAddress> addresses = new ArrayList<>();
        for (String ip : ips) {
            try {
                addresses.add(Address.getByAddress(ip));
            } catch (UnknownHostException | RuntimeException e) {
                throw new IllegalArgumentException(
                        "\"" + ip + "\" is not an IP address literal (expected e.g. 17.253.144.10 or 2620:149::1)", e);
            }
        }
        return List.copyOf(addresses);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Nothing left to report when closing.
        }
    }

    private enum Kind { ADDRESS, CNAME, NXDOMAIN, SERVFAIL, REFUSED, SILENT, TRUNCATED }

    private record Entry(Kind kind, List<InetAddress> addresses, Name target) {
    }
}
