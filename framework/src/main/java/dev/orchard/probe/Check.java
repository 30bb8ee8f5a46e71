package dev.orchard.probe;

import dev.orchard.catalog.Transport;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * One check of one host: {@code dns}, or a kind on a port and transport such as {@code tls 443/tcp}. A dns check
 * has port 0 and no transport. A port check may be restricted to one IP family ({@code tcp 443 (IPv6)}); without
 * one it connects to the host's addresses in the resolver's order, as before families were checked apart.
 */
public record Check(CheckKind kind, int port, Transport transport, IpFamily family) {

    public Check {
        Objects.requireNonNull(kind, "kind");
        if (kind == CheckKind.DNS) {
            port = 0;
            transport = null;
            family = null;
        } else {
            Objects.requireNonNull(transport, "transport");
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
        }
    }

    /** A check of any family. */
    public Check(CheckKind kind, int port, Transport transport) {
        this(kind, port, transport, null);
    }

    /** The same check restricted to {@code wanted} (null: any family). */
    public Check withFamily(IpFamily wanted) {
        return new Check(kind, port, transport, wanted);
    }

    public static Check dns() {
        return new Check(CheckKind.DNS, 0, null);
    }

    /**
     * The name tests and reports show: {@code dns}, {@code tcp 443}, {@code tls 443/tcp}, {@code ntp 123/udp}, and
     * {@code tcp 443 (IPv6)} for a check of one family.
     */
    public String displayName() {
        if (kind == CheckKind.DNS) {
            return "dns";
        }
        String name = kind == CheckKind.TCP ? "tcp " + port : kind.tag() + " " + port + "/" + transport.tag();
        return family == null ? name : name + " (" + family.label() + ")";
    }

    /** The check's own tags: its kind and, for port checks, its transport and family. */
    public Set<String> tags() {
        Set<String> tags = new LinkedHashSet<>();
        tags.add(kind.tag());
        if (transport != null) {
            tags.add(transport.tag());
        }
        if (family != null) {
            tags.add(family.tag());
        }
        return tags;
    }

    /**
     * A stable id segment, safe in JUnit unique ids: {@code dns}, {@code tls-443-tcp}, and {@code tls-443-tcp-ipv6}
     * for the IPv6 half. The IPv4 half keeps the id the check had before families were checked apart, so history
     * keyed by unique id carries on; the two halves never share a host, so their ids stay apart.
     */
    public String idSegment() {
        if (kind == CheckKind.DNS) {
            return "dns";
        }
        String id = kind.tag() + "-" + port + "-" + transport.tag();
        return family == IpFamily.IPV6 ? id + "-" + family.tag() : id;
    }
}
