package dev.orchard.probe;

import java.net.InetAddress;
import java.util.List;

/**
 * What resolving a host gave: the dns check's result and, when it passed, the addresses that port checks use.
 */
record DnsResolution(ProbeResult result, List<InetAddress> addresses) {

    DnsResolution {
        addresses = List.copyOf(addresses);
    }
}
