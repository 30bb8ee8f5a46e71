package dev.orchard.lab;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * A UDP socket on 127.0.0.1:0 that answers each datagram with what {@code reply} makes of it (null: no answer),
 * on one daemon thread. The NTP and QUIC responders differ only in that function.
 */
final class UdpResponder implements AutoCloseable {

    private final DatagramSocket socket;
    private final UnaryOperator<byte[]> reply;
    private final AtomicInteger requests = new AtomicInteger();
    private final Thread thread;
    private volatile boolean closed;

    /** Binds a given port (0: any), so a UDP service can share a port number with a TCP one. */
    UdpResponder(String name, int port, UnaryOperator<byte[]> reply) throws IOException {
        this(name, port, 0, reply);
    }

    /** As above, with a receive buffer of {@code receiveBuffer} bytes (0: the system's default). */
    UdpResponder(String name, int port, int receiveBuffer, UnaryOperator<byte[]> reply) throws IOException {
        this(name, InetAddress.getLoopbackAddress(), port, receiveBuffer, reply);
    }

    /** On another loopback address, such as [::1] for a host the lab serves over IPv6. */
    UdpResponder(String name, InetAddress bind, int port, UnaryOperator<byte[]> reply) throws IOException {
        this(name, bind, port, 0, reply);
    }

    private UdpResponder(String name, InetAddress bind, int port, int receiveBuffer, UnaryOperator<byte[]> reply)
            throws IOException {
        this.socket = new DatagramSocket(new InetSocketAddress(bind, port));
        if (receiveBuffer > 0) {
            socket.setReceiveBufferSize(receiveBuffer);
        }
        this.reply = reply;
        this.thread = new Thread(this::serve, name + "-" + socket.getLocalPort());
        thread.setDaemon(true);
        thread.start();
    }

    InetSocketAddress address() {
        return new InetSocketAddress(socket.getLocalAddress(), socket.getLocalPort());
    }

    int requests() {
        return requests.get();
    }

    private void serve() {
        byte[] buffer = new byte[65535];
        while (!closed) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
                requests.incrementAndGet();
                byte[] answer = reply.apply(Arrays.copyOf(packet.getData(), packet.getLength()));
                if (answer != null) {
                    socket.send(new DatagramPacket(answer, answer.length, packet.getSocketAddress()));
                }
            } catch (IOException | RuntimeException e) {
                if (closed) {
                    return;
                }
                // One bad datagram or a client gone away must not stop the responder.
            }
        }
    }

    /** Closes the socket and waits for the thread, since the JDK frees the port only once it has left. */
    @Override
    public void close() {
        closed = true;
        socket.close();
        LabDnsServer.join(thread);
    }
}
