package dev.orchard.probe;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

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

    /**
     * The families this machine has an address of on an interface that is up, other than loopback and link-local
     * ones: what getaddrinfo's AI_ADDRCONFIG, and so a device's resolver, asks before it uses a family at all. A
     * network with no default route (an office that reaches only its own ranges) still counts.
     */
    static Set<IpFamily> configuredFamilies() {
        Set<IpFamily> families = EnumSet.noneOf(IpFamily.class);
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nic.isUp() || nic.isLoopback()) {
                    continue;
                }
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    if (!address.isLoopbackAddress() && !address.isLinkLocalAddress()
                            && !address.isAnyLocalAddress()) {
                        families.add(IpFamily.of(address));
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // no interface list: the route lookups decide alone
        }
        return families;
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
