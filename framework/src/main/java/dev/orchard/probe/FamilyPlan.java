package dev.orchard.probe;

import dev.orchard.ConfigurationKeys;
import dev.orchard.internal.Sanitizer;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.apiguardian.api.API;

/**
 * Which IP families a run checks apart, decided before the run so that each half is a test of its own that
 * {@code -DexcludedGroups=ipv6} can leave out. Both families are checked apart when {@code apple-network.ipFamilies}
 * allows both (the default) and this machine has a route for both; a machine with one family keeps one check
 * per port, tagged with that family, named exactly as before. {@code ipFamilies=ipv4} or {@code ipv6} checks only
 * that family's half ({@code tcp 443 (IPv4)}), whatever the host resolves to.
 *
 * <p>Whether a host has addresses of a family is known only once its DNS answers: a half whose family the host
 * lacks ends skipped ({@link Verdict#FAMILY_UNAVAILABLE}), and proxied checks run once, in the IPv4 half.
 *
 * @param families the families each port check is split into, in order; empty to keep one check of any family
 * @param implicit the family a check of any family is tagged with (the only one this machine routes), or null
 */
@API(status = API.Status.EXPERIMENTAL, since = "1.0")
public record FamilyPlan(List<IpFamily> families, IpFamily implicit) {

    /** Where route lookups point (Apple's own addresses); a connected UDP socket sends nothing to them. */
    private static final List<String> PROBE_ADDRESSES = List.of("17.253.144.10", "2403:300::1");

    public FamilyPlan {
        families = List.copyOf(families);
    }

    /** One check of any family per port, untagged: what code that never asked about families gets. */
    public static FamilyPlan any() {
        return new FamilyPlan(List.of(), null);
    }

    /**
     * The plan for the real network: the configured families, split where this machine can use both (an address
     * of the family on an interface, a route to Apple's ranges, or a connect-to override of that family). Each
     * host's half is then checked against a route to the host's own address.
     */
    public static FamilyPlan forNetwork(Set<IpFamily> configured, List<String> connectTo) {
        Set<IpFamily> routable = Routes.configuredFamilies();
        for (String probe : PROBE_ADDRESSES) {
            InetAddress address = IpLiteral.parse(probe).orElseThrow();
            if (Routes.reachable(address)) {
                routable.add(IpFamily.of(address));
            }
        }
        try {
            ConnectTo.parseAll(connectTo).forEach(o -> routable.add(IpFamily.of(o.address())));
        } catch (IllegalArgumentException e) {
            // the network's own validation reports a bad override, naming the key
        }
        return of(configured, routable);
    }

    /** The plan for these configured and routable families. */
    public static FamilyPlan of(Set<IpFamily> configured, Set<IpFamily> routable) {
        if (configured.size() == 1) {
            return new FamilyPlan(List.copyOf(configured), null);
        }
        if (routable.containsAll(configured)) {
            return new FamilyPlan(List.of(IpFamily.IPV4, IpFamily.IPV6), null);
        }
        return new FamilyPlan(List.of(), routable.size() == 1 ? routable.iterator().next() : null);
    }

    /**
     * The families {@code apple-network.ipFamilies} names: {@code ipv4,ipv6} (the default), {@code ipv4} or
     * {@code ipv6}. The one place the key is read.
     */
    public static Set<IpFamily> configured(Function<String, Optional<String>> parameters) {
        Optional<String> value = parameters.apply(ConfigurationKeys.IP_FAMILIES).filter(v -> !v.isBlank());
        if (value.isEmpty()) {
            return EnumSet.allOf(IpFamily.class);
        }
        Set<IpFamily> families = new LinkedHashSet<>();
        for (String part : value.get().split(",")) {
            IpFamily family = IpFamily.parse(part);
            if (family == null) {
                throw new IllegalArgumentException(ConfigurationKeys.IP_FAMILIES + ": '" + Sanitizer.quote(value.get())
                        + "' is not a list of IP families; expected ipv4,ipv6 (the default), ipv4 or ipv6");
            }
            families.add(family);
        }
        return EnumSet.copyOf(families);
    }

    /** The checks a host gets under this plan: dns once, and each port check once per planned family. */
    public List<Check> apply(List<Check> checks) {
        if (families.isEmpty()) {
            return checks;
        }
        List<Check> out = new ArrayList<>();
        for (Check check : checks) {
            if (check.kind() == CheckKind.DNS || check.kind() == CheckKind.PAC) {
                out.add(check);
            } else {
                families.forEach(family -> out.add(check.withFamily(family)));
            }
        }
        return out;
    }

    /** The tags a check gets besides its own: the machine's one family, for a check of any family. */
    public Set<String> extraTags(Check check) {
        return implicit != null && check.kind() != CheckKind.DNS && check.kind() != CheckKind.PAC
                && check.family() == null
                ? Set.of(implicit.tag()) : Set.of();
    }
}
