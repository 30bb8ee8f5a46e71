package dev.orchard.probe;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * An IP address family. Devices on a dual-stack network use both, preferring IPv6 (Happy Eyeballs), so a path
 * that works over one family says nothing about the other; checks that a family restricts carry one.
 */
@API(status = API.Status.EXPERIMENTAL, since = "1.0")
public enum IpFamily {
    IPV4("IPv4"),
    IPV6("IPv6");

    private final String label;

    IpFamily(String label) {
        this.label = label;
    }

    /** The JUnit tag and the JSON value: {@code ipv4}, {@code ipv6}. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** How names and messages spell it: {@code IPv4}, {@code IPv6}. */
    public String label() {
        return label;
    }

    /** The other family. */
    public IpFamily other() {
        return this == IPV4 ? IPV6 : IPV4;
    }

    public static IpFamily of(InetAddress address) {
        return address instanceof Inet4Address ? IPV4 : IPV6;
    }

    /** The addresses of this family, in their order. */
    public List<InetAddress> filter(List<InetAddress> addresses) {
        return addresses.stream().filter(a -> of(a) == this).toList();
    }

    /** The family a tag or configuration value names ({@code ipv4}, {@code IPv6}), or null for none. */
    static IpFamily parse(String text) {
        String wanted = text.strip().toLowerCase(Locale.ROOT);
        for (IpFamily family : values()) {
            if (family.tag().equals(wanted)) {
                return family;
            }
        }
        return null;
    }
}
