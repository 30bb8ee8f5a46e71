package dev.orchard.lab;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Arrays;

/**
 * One lab server seen from [::1]: TCP and UDP on one port of ::1, passed on to the same lab server on 127.0.0.1,
 * so a host served on both families reaches the same TLS, HTTP, SSH, NTP and QUIC servers over IPv6 without each
 * server binding twice. TLS passes through untouched, so SNI and certificates are the server's own.
 */
final class LabRelay implements AutoCloseable {

    /** [::1], the IPv6 loopback address. */
    static final InetAddress IPV6_LOOPBACK = InetAddress.getLoopbackAddress() instanceof java.net.Inet6Address v6
            ? v6 : ipv6Loopback();

    private static final int UDP_ANSWER_MILLIS = 2000;
    private static final int ATTEMPTS = 10;

    private final LabAcceptor tcp;
    private final UdpResponder udp;

    private LabRelay(LabAcceptor tcp, UdpResponder udp) {
        this.tcp = tcp;
        this.udp = udp;
    }

    /** Starts relaying [::1]:someport to {@code target} (a 127.0.0.1 address). */
    static LabRelay to(InetSocketAddress target) {
        IOException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            ServerSocket server = bindTcp();
            try {
                UdpResponder udp = new UdpResponder("lab-relay6-udp", IPV6_LOOPBACK, server.getLocalPort(),
                        datagram -> forward(datagram, target));
                LabAcceptor tcp = new LabAcceptor("relay6", server, connection -> pipe(connection, target)).start();
                return new LabRelay(tcp, udp);
            } catch (BindException e) {
                LabAcceptor.closeQuietly(server);
                last = e;
            } catch (IOException e) {
                LabAcceptor.closeQuietly(server);
                throw new IllegalStateException("the lab could not relay [::1] to " + target + ": " + e.getMessage(),
                        e);
            }
        }
        throw new IllegalStateException("the lab found no port of ::1 free for both TCP and UDP", last);
    }

    /** [::1] and the relay's port. */
    InetSocketAddress address() {
        return tcp.address();
    }

    static ServerSocket bindTcp() {
        try {
            return new ServerSocket(0, 1024, IPV6_LOOPBACK);
        } catch (IOException e) {
            throw new IllegalStateException("the lab could not listen on ::1 (is IPv6 loopback disabled?): "
                    + e.getMessage(), e);
        }
    }

    private static void pipe(Socket client, InetSocketAddress target) throws IOException, InterruptedException {
        try (Socket server = new Socket()) {
            server.connect(target, 5000);
            Thread back = new Thread(() -> copy(server, client), "orchard-lab-relay6-back");
            back.setDaemon(true);
            back.start();
            copy(client, server);
            back.join();
        }
    }

    /** Copies until the source ends, then half-closes the sink so the other side sees the end too. */
    private static void copy(Socket from, Socket to) {
        byte[] buffer = new byte[16384];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                out.write(buffer, 0, n);
                out.flush();
            }
            to.shutdownOutput();
        } catch (IOException e) {
            LabAcceptor.closeQuietly(to);
            LabAcceptor.closeQuietly(from);
        }
    }

    private static byte[] forward(byte[] datagram, InetSocketAddress target) {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            socket.setSoTimeout(UDP_ANSWER_MILLIS);
            socket.send(new DatagramPacket(datagram, datagram.length, target));
            byte[] buffer = new byte[65535];
            DatagramPacket answer = new DatagramPacket(buffer, buffer.length);
            socket.receive(answer);
            return Arrays.copyOf(answer.getData(), answer.getLength());
        } catch (SocketTimeoutException e) {
            return null;
        } catch (IOException e) {
            return null;
        }
    }

    private static InetAddress ipv6Loopback() {
        try {
            return InetAddress.getByAddress("localhost", new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1});
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        tcp.close();
        udp.close();
    }
}
