package dev.orchard.probe;

import dev.orchard.catalog.Transport;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * One check of one host: {@code dns}, or a kind on a port and transport such as {@code tls 443/tcp}. A dns check
 * (and the run's pac check) has port 0 and no transport. A port check may be restricted to one IP family
 * ({@code tcp 443 (IPv6)}); without one it connects to the host's addresses in the resolver's order, as before
 * families were checked apart.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Check(CheckKind kind, int port, Transport transport, IpFamily family) {

    public Check {
        Objects.requireNonNull(kind, "kind");
        if (kind == CheckKind.DNS || kind == CheckKind.PAC) {
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

    /** The check of the run's proxy auto-config file. */
    public static Check pac() {
        return new Check(CheckKind.PAC, 0, null);
    }

    /**
     * The name tests and reports show: {@code dns}, {@code tcp 443}, {@code tls 443/tcp}, {@code ntp 123/udp}, and
     * {@code tcp 443 (IPv6)} for a check of one family.
     */
    public String displayName() {
        if (transport == null) {
            return kind.tag();
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
     * Reads {@link #idSegment()} back: {@code dns}, {@code pac}, {@code tls-443-tcp}, {@code tls-443-tcp-ipv6}. The
     * IPv4 half's id names no family (see {@link #idSegment()}); its tags do.
     */
    public static Check ofIdSegment(String segment) {
        if (segment.equals("dns")) {
            return dns();
        }
        if (segment.equals(CheckKind.PAC.tag())) {
            return pac();
        }
        String[] parts = segment.split("-");
        if (parts.length == 3 || parts.length == 4) {
            Optional<Transport> transport = Transport.parse(parts[2]);
            Optional<IpFamily> family = parts.length == 4 ? Optional.ofNullable(IpFamily.parse(parts[3]))
                    : Optional.empty();
            for (CheckKind kind : CheckKind.values()) {
                if (kind != CheckKind.DNS && kind != CheckKind.PAC && kind.tag().equals(parts[0])
                        && transport.isPresent() && parts[1].matches("\\d{1,5}")
                        && (parts.length == 3 || family.isPresent())) {
                    return new Check(kind, Integer.parseInt(parts[1]), transport.get(), family.orElse(null));
                }
            }
        }
        throw new IllegalArgumentException("'" + segment + "' is not a check id; expected dns, pac or"
                + " kind-port-transport[-family] such as tls-443-tcp");
    }

    /**
     * A stable id segment, safe in JUnit unique ids: {@code dns}, {@code tls-443-tcp}, and {@code tls-443-tcp-ipv6}
     * for the IPv6 half. The IPv4 half keeps the id the check had before families were checked apart, so history
     * keyed by unique id carries on.
     */
    public String idSegment() {
        if (transport == null) {
            return kind.tag();
        }
        String id = kind.tag() + "-" + port + "-" + transport.tag();
        return family == IpFamily.IPV6 ? id + "-" + family.tag() : id;
    }
}
