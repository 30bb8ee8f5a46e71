package dev.orchard.report;

import dev.orchard.probe.AppleRanges;
import dev.orchard.probe.CheckKind;
import dev.orchard.probe.IpFamily;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Apple's advice for firewalls that take only addresses: allow Apple's published ranges ({@link AppleRanges}, their
 * one owner). The change request adds it as a note where a whole family of rows fails the same way: when at least
 * two rows need a firewall change and their hosts resolved into Apple's ranges, one range rule fixes them all. Hosts
 * outside the ranges (CDN names) are named, since the ranges do not cover them.
 */
final class FirewallRangeNote {

    /** How many rows must fail the same way before one range rule is worth suggesting. */
    private static final int FAMILY = 2;

    private FirewallRangeNote() {
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
                    if (AppleRanges.contains(address)) {
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
                + "allow *.apple.com; one that takes only addresses should allow outbound connections to "
                + AppleRanges.describe(IpFamily.IPV4) + " (the whole block is Apple's) and, for IPv6, to "
                + AppleRanges.describe(IpFamily.IPV6)
                + ", on the ports below.";
        if (!outside.isEmpty()) {
            note += " These hosts resolved outside Apple's ranges and need rules by name: " + String.join(", ", outside)
                    + ".";
        }
        return Optional.of(note);
    }
}
