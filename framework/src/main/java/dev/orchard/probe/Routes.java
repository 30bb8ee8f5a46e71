package dev.orchard.probe;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * Whether this machine has a route to an address, asked without sending a packet: connecting a UDP socket only
 * makes the kernel pick a route and a source address. A dual-stack host is checked per family only where the
 * machine could use both, as a device's Happy Eyeballs only tries a family it has a route for.
 */
final class Routes {

    /** The port the lookup names; nothing is ever sent to it. */
    private static final int DISCARD = 9;

    private Routes() {
    }

    static boolean reachable(InetAddress address) {
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.connect(new InetSocketAddress(address, DISCARD));
            return socket.isConnected();
        } catch (IOException | UncheckedIOException | SecurityException e) {
            return false;
        }
    }
}
