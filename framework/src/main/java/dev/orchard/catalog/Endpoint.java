package dev.orchard.catalog;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * One row of the article: a host pattern, its ports and transports, the platforms that use it and whether it
 * works through a proxy. Wildcard rows name the concrete {@link ProbeHost}s that stand in for them.
 *
 * @param service the id of the {@link Service} (table) the row belongs to
 * @param pattern the host, or {@code *.domain}
 * @param ports the ports, in the article's order
 * @param transports TCP, UDP or both
 * @param os the platforms; empty where the article names none (administrators' browsers)
 * @param description English description; empty where the article has none (see {@link #errata()})
 * @param descriptionFr the article's French text
 * @param proxy whether the host works through a proxy
 * @param notes remarks for administrators
 * @param probeHosts the concrete hosts probed; for a plain host, the host itself
 * @param tlsPorts the ports on which a TLS handshake is checked
 * @param extraTags tags beyond those derived from the fields, such as {@code push}
 * @param errata where this row departs from the article's text
 * @param disabledReason why a site disabled this row; null when enabled
 * @param location where the row was written
 * @param answer what a healthy answer of the host looks like, checked by its http (or tls) check; null for none
 */
@API(status = API.Status.STABLE, since = "0.1")
public record Endpoint(
        String service,
        String pattern,
        List<Integer> ports,
        List<Transport> transports,
        Set<OperatingSystem> os,
        String description,
        String descriptionFr,
        ProxySupport proxy,
        List<String> notes,
        List<ProbeHost> probeHosts,
        List<Integer> tlsPorts,
        List<String> extraTags,
        List<Erratum> errata,
        String disabledReason,
        Location location,
        KnownAnswer answer) {

    /** Ports on which Apple's services speak TLS unless a row says otherwise. */
    public static final Set<Integer> DEFAULT_TLS_PORTS = Set.of(443, 5223, 2197);

    public Endpoint {
        Validation.requireServiceId(service);
        Validation.requirePattern("host", pattern);
        if (ports == null || ports.isEmpty()) {
            throw new IllegalArgumentException("ports of " + pattern + " must not be empty");
        }
        ports.forEach(p -> Validation.requirePort("port", p));
        if (new LinkedHashSet<>(ports).size() != ports.size()) {
            throw new IllegalArgumentException("ports of " + pattern + " repeat a port: " + ports);
        }
        ports = List.copyOf(ports);
        if (transports == null || transports.isEmpty()) {
            throw new IllegalArgumentException("transports of " + pattern + " must not be empty");
        }
        transports = List.copyOf(new LinkedHashSet<>(transports));
        os = os == null || os.isEmpty() ? Set.of() : java.util.Collections.unmodifiableSet(EnumSet.copyOf(os));
        description = description == null ? "" : description.strip();
        descriptionFr = descriptionFr == null ? "" : descriptionFr.strip();
        Objects.requireNonNull(proxy, "proxy");
        notes = notes == null ? List.of() : List.copyOf(notes);
        if (probeHosts == null || probeHosts.isEmpty()) {
            if (pattern.startsWith("*.")) {
                throw new IllegalArgumentException("wildcard " + pattern
                        + " needs at least one probe host, a concrete host that devices use under it");
            }
            probeHosts = List.of(new ProbeHost(pattern, "the row names this host"));
        } else {
            for (ProbeHost probe : probeHosts) {
                if (!probe.isCoveredBy(pattern)) {
                    throw new IllegalArgumentException("probe host " + probe.host() + " is not covered by " + pattern
                            + (pattern.startsWith("*.") ? "; a *.domain pattern covers names under the domain, not the domain itself" : ""));
                }
            }
            probeHosts = List.copyOf(probeHosts);
        }
        if (tlsPorts == null) {
            List<Integer> derived = new ArrayList<>();
            if (transports.contains(Transport.TCP)) {
                ports.stream().filter(DEFAULT_TLS_PORTS::contains).forEach(derived::add);
            }
            tlsPorts = List.copyOf(derived);
        } else {
            for (Integer p : tlsPorts) {
                if (!ports.contains(p)) {
                    throw new IllegalArgumentException("TLS port " + p + " of " + pattern + " is not one of its ports " + ports);
                }
            }
            tlsPorts = List.copyOf(tlsPorts);
        }
        extraTags = extraTags == null ? List.of() : extraTags.stream().map(Validation::requireTag).toList();
        errata = errata == null ? List.of() : List.copyOf(errata);
        disabledReason = disabledReason == null || disabledReason.isBlank() ? null : disabledReason.strip();
        location = location == null ? Location.unknown() : location;
    }

    /** A row without a known answer. */
    public Endpoint(String service, String pattern, List<Integer> ports, List<Transport> transports,
            Set<OperatingSystem> os, String description, String descriptionFr, ProxySupport proxy, List<String> notes,
            List<ProbeHost> probeHosts, List<Integer> tlsPorts, List<String> extraTags, List<Erratum> errata,
            String disabledReason, Location location) {
        this(service, pattern, ports, transports, os, description, descriptionFr, proxy, notes, probeHosts, tlsPorts,
                extraTags, errata, disabledReason, location, null);
    }

    public Optional<KnownAnswer> knownAnswer() {
        return Optional.ofNullable(answer);
    }

    /** A copy whose host answers as {@code known} describes. */
    public Endpoint withAnswer(KnownAnswer known) {
        return new Endpoint(service, pattern, ports, transports, os, description, descriptionFr, proxy, notes,
                probeHosts, tlsPorts, extraTags, errata, disabledReason, location, known);
    }

    public boolean isWildcard() {
        return pattern.startsWith("*.");
    }

    /** How a probed host of this row is shown: {@code *.push.apple.com → 1-courier.push.apple.com}, or the host. */
    public String label(String probedHost) {
        return pattern.equals(probedHost) ? probedHost : pattern + " → " + probedHost;
    }

    public boolean isDisabled() {
        return disabledReason != null;
    }

    public Optional<String> disabled() {
        return Optional.ofNullable(disabledReason);
    }

    /** The tags every check of this row carries: service, platforms, proxy support, then extra tags. */
    public Set<String> tags() {
        Set<String> tags = new LinkedHashSet<>();
        tags.add(service);
        os.forEach(o -> tags.add(o.tag()));
        tags.add(proxy.tag());
        tags.addAll(extraTags);
        return java.util.Collections.unmodifiableSet(tags);
    }

    public Optional<Erratum> erratum(String field) {
        return errata.stream().filter(e -> e.field().equals(field)).findFirst();
    }

    /** A copy that a site disabled, with its reason. */
    public Endpoint disable(String reason) {
        Validation.requireText("reason for disabling " + pattern, reason);
        return new Endpoint(service, pattern, ports, transports, os, description, descriptionFr, proxy, notes,
                probeHosts, tlsPorts, extraTags, errata, reason, location, answer);
    }

    /** A copy with more probe hosts, as a site catalog adds them. */
    public Endpoint withMoreProbeHosts(List<ProbeHost> more) {
        List<ProbeHost> all = new ArrayList<>(probeHosts);
        for (ProbeHost probe : more) {
            if (all.stream().noneMatch(p -> p.host().equals(probe.host()))) {
                all.add(probe);
            }
        }
        return new Endpoint(service, pattern, ports, transports, os, description, descriptionFr, proxy, notes,
                all, tlsPorts, extraTags, errata, disabledReason, location, answer);
    }

    public static Builder builder(String service, String pattern) {
        return new Builder(service, pattern);
    }

    /** Builds endpoints in code, for site tests and the importer. */
    public static final class Builder {
        private final String service;
        private final String pattern;
        private List<Integer> ports = List.of(443);
        private List<Transport> transports = List.of(Transport.TCP);
        private Set<OperatingSystem> os = Set.of();
        private String description = "";
        private String descriptionFr = "";
        private ProxySupport proxy = ProxySupport.NOT_STATED;
        private List<String> notes = List.of();
        private List<ProbeHost> probeHosts = List.of();
        private List<Integer> tlsPorts;
        private List<String> extraTags = List.of();
        private List<Erratum> errata = List.of();
        private Location location = Location.unknown();
        private KnownAnswer answer;

        private Builder(String service, String pattern) {
            this.service = service;
            this.pattern = pattern;
        }

        public Builder ports(Integer... values) {
            this.ports = List.of(values);
            return this;
        }

        public Builder ports(List<Integer> values) {
            this.ports = values;
            return this;
        }

        public Builder transports(Transport... values) {
            this.transports = List.of(values);
            return this;
        }

        public Builder transports(List<Transport> values) {
            this.transports = values;
            return this;
        }

        public Builder os(Set<OperatingSystem> values) {
            this.os = values;
            return this;
        }

        public Builder os(OperatingSystem... values) {
            this.os = Set.of(values);
            return this;
        }

        public Builder description(String english, String french) {
            this.description = english;
            this.descriptionFr = french;
            return this;
        }

        public Builder description(String english) {
            return description(english, "");
        }

        public Builder proxy(ProxySupport value) {
            this.proxy = value;
            return this;
        }

        public Builder notes(List<String> values) {
            this.notes = values;
            return this;
        }

        public Builder probeHosts(List<ProbeHost> values) {
            this.probeHosts = values;
            return this;
        }

        public Builder probeHost(String host, String reason) {
            List<ProbeHost> all = new ArrayList<>(probeHosts);
            all.add(new ProbeHost(host, reason));
            this.probeHosts = all;
            return this;
        }

        public Builder tlsPorts(List<Integer> values) {
            this.tlsPorts = values;
            return this;
        }

        public Builder tags(String... values) {
            this.extraTags = List.of(values);
            return this;
        }

        public Builder tags(List<String> values) {
            this.extraTags = values;
            return this;
        }

        public Builder errata(List<Erratum> values) {
            this.errata = values;
            return this;
        }

        public Builder location(Location value) {
            this.location = value;
            return this;
        }

        public Builder answer(KnownAnswer value) {
            this.answer = value;
            return this;
        }

        public Endpoint build() {
            return new Endpoint(service, pattern, ports, transports, os, description, descriptionFr, proxy, notes,
                    probeHosts, tlsPorts, extraTags, errata, null, location, answer);
        }
    }
}
