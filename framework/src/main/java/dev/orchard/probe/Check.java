package dev.orchard.probe;

import dev.orchard.catalog.Transport;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * One check of one host: {@code dns}, or a kind on a port and transport such as {@code tls 443/tcp}. A dns check
 * (and the run's pac check) has port 0 and no transport.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Check(CheckKind kind, int port, Transport transport) {

    public Check {
        Objects.requireNonNull(kind, "kind");
        if (kind == CheckKind.DNS || kind == CheckKind.PAC) {
            port = 0;
            transport = null;
        } else {
            Objects.requireNonNull(transport, "transport");
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
        }
    }

    public static Check dns() {
        return new Check(CheckKind.DNS, 0, null);
    }

    /** The check of the run's proxy auto-config file. */
    public static Check pac() {
        return new Check(CheckKind.PAC, 0, null);
    }

    /** The name tests and reports show: {@code dns}, {@code tcp 443}, {@code tls 443/tcp}, {@code ntp 123/udp}. */
    public String displayName() {
        if (transport == null) {
            return kind.tag();
        }
        return kind == CheckKind.TCP ? "tcp " + port : kind.tag() + " " + port + "/" + transport.tag();
    }

    /** The check's own tags: its kind and, for port checks, its transport. */
    public Set<String> tags() {
        Set<String> tags = new LinkedHashSet<>();
        tags.add(kind.tag());
        if (transport != null) {
            tags.add(transport.tag());
        }
        return tags;
    }

    /** Reads {@link #idSegment()} back: {@code dns}, {@code tls-443-tcp}. */
    public static Check ofIdSegment(String segment) {
        if (segment.equals("dns")) {
            return dns();
        }
        String[] parts = segment.split("-");
        if (parts.length == 3) {
            for (CheckKind kind : CheckKind.values()) {
                java.util.Optional<Transport> transport = Transport.parse(parts[2]);
                if (kind != CheckKind.DNS && kind.tag().equals(parts[0]) && transport.isPresent()
                        && parts[1].matches("\\d{1,5}")) {
                    return new Check(kind, Integer.parseInt(parts[1]), transport.get());
                }
            }
        }
        throw new IllegalArgumentException("'" + segment + "' is not a check id; expected dns or kind-port-transport"
                + " such as tls-443-tcp");
    }

    /** A stable id segment, safe in JUnit unique ids: {@code dns}, {@code tls-443-tcp}. */
    public String idSegment() {
        return transport == null ? kind.tag() : kind.tag() + "-" + port + "-" + transport.tag();
    }
}
