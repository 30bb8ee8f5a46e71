package dev.orchard.report;

import dev.orchard.probe.CheckKind;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Apple's advice for firewalls that take only addresses: allow 17.0.0.0/8, the whole IPv4 block assigned to Apple,
 * and the IPv6 ranges 2403:300::/32, 2620:149::/32 and 2a01:b740::/32 (added to the article in July 2025). The
 * change request adds it as a note where a whole family of rows fails the same way: when at least two rows need a
 * firewall change and their hosts resolved into Apple's ranges, one range rule fixes them all. Hosts outside the ranges (CDN names) are named, since the ranges do not cover them.
 */
final class AppleRanges {

    static final String IPV4 = "17.0.0.0/8";
    /** The /32 prefixes, as their first two hextets. */
    private static final Map<String, int[]> IPV6 = new LinkedHashMap<>();

    static {
        IPV6.put("2403:300::/32", new int[] {0x2403, 0x300});
        IPV6.put("2620:149::/32", new int[] {0x2620, 0x149});
        IPV6.put("2a01:b740::/32", new int[] {0x2a01, 0xb740});
    }

    /** How many rows must fail the same way before one range rule is worth suggesting. */
    private static final int FAMILY = 2;

    private AppleRanges() {
    }

    /** True for an address literal (as evidence writes it) in Apple's IPv4 block or IPv6 ranges. */
    static boolean contains(String address) {
        if (!address.contains(":")) {
            return address.startsWith("17.");
        }
        String[] hextets = address.toLowerCase(Locale.ROOT).split(":", -1);
        if (hextets.length < 3 || hextets[0].isEmpty() || hextets[1].isEmpty()) {
            return false;
        }
        try {
            int first = Integer.parseInt(hextets[0], 16);
            int second = Integer.parseInt(hextets[1], 16);
            return IPV6.values().stream().anyMatch(p -> p[0] == first && p[1] == second);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * The note for the firewall-allow block, or empty when fewer than two rows need a firewall change or their
     * hosts' addresses are unknown. Addresses come from each host's dns check in the same run.
     */
    static Optional<String> firewallNote(RunReport report, List<ChangeRequest.Change> firewall) {
        Map<String, Set<String>> addresses = new LinkedHashMap<>();
        for (CheckOutcome outcome : report.outcomes()) {
            if (outcome.target().check().kind() == CheckKind.DNS) {
                addresses.computeIfAbsent(outcome.target().host(), h -> new LinkedHashSet<>())
                        .addAll(outcome.result().evidence().addresses());
            }
        }
        Set<String> rows = new LinkedHashSet<>();
        Set<String> outside = new LinkedHashSet<>();
        boolean inside = false;
        for (ChangeRequest.Change change : firewall) {
            rows.add(change.host());
            for (String check : change.checks()) {
                String host = check.substring(0, check.indexOf(' '));
                for (String address : addresses.getOrDefault(host, Set.of())) {
                    if (contains(address)) {
                        inside = true;
                    } else {
                        outside.add(host);
                    }
                }
            }
        }
        if (rows.size() < FAMILY || !inside) {
            return Optional.empty();
        }
        String note = rows.size() + " rows fail the same way. Apple's advice: a firewall that takes host names may "
                + "allow *.apple.com; one that takes only addresses should allow outbound connections to " + IPV4
                + " (the whole block is Apple's) and, for IPv6, to " + String.join(", ", IPV6.keySet())
                + ", on the ports below.";
        if (!outside.isEmpty()) {
            note += " These hosts resolved outside Apple's ranges and need rules by name: " + String.join(", ", outside)
                    + ".";
        }
        return Optional.of(note);
    }
}
