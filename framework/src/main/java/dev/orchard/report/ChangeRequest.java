package dev.orchard.report;

import dev.orchard.catalog.Endpoint;
import dev.orchard.probe.Check;
import dev.orchard.probe.Status;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The changes that would fix a run's failed checks, one per distinct (change, host, port, transport): what an
 * administrator pastes into a ticket for the firewall, proxy or DNS filter team. A wildcard row's change names the
 * row's pattern as Apple writes it, because firewall and filter rules take patterns; passed and skipped checks
 * call for no change (a skipped check's prerequisite carries the change).
 *
 * @param changes in the order of {@link ChangeKind}, then host, port and transport
 */
record ChangeRequest(List<Change> changes) {

    /** How many failed checks a reason names before it only counts the rest. */
    private static final int CHECKS_NAMED = 8;

    ChangeRequest {
        changes = List.copyOf(changes);
    }

    /**
     * One change.
     *
     * @param kind what to change
     * @param host the row's host or wildcard pattern
     * @param port the port; null for a DNS change
     * @param transport {@code tcp} or {@code udp}; null for a DNS change
     * @param services the services whose checks it fixes, in run order
     * @param verdicts the verdicts of those checks, in run order
     * @param checks the failed checks it fixes ({@code 1-courier.push.apple.com tcp 5223}), in run order
     */
    record Change(ChangeKind kind, String host, Integer port, String transport, List<String> services,
            List<String> verdicts, List<String> checks, String reason) {

        Change {
            services = List.copyOf(services);
            verdicts = List.copyOf(verdicts);
            checks = List.copyOf(checks);
        }

        /** {@code *.push.apple.com 5223/tcp}, or the host alone for a DNS change: one line of a ticket. */
        String line() {
            return port == null ? host : host + " " + port + "/" + transport;
        }
    }

    static ChangeRequest of(RunReport report) {
        Map<String, Builder> byKey = new LinkedHashMap<>();
        for (CheckOutcome outcome : report.outcomes()) {
            if (outcome.status() != Status.FAILED) {
                continue;
            }
            ChangeKind.of(outcome.result().verdict()).ifPresent(kind -> {
                Endpoint row = outcome.target().endpoint();
                Check check = outcome.target().check();
                Integer port = check.transport() == null ? null : check.port();
                String transport = check.transport() == null ? null : check.transport().tag();
                String key = kind.id() + "|" + row.pattern() + "|" + port + "|" + transport;
                byKey.computeIfAbsent(key, k -> new Builder(kind, row.pattern(), port, transport)).add(outcome);
            });
        }
        return new ChangeRequest(byKey.values().stream().map(Builder::build)
                .sorted(Comparator.comparing(Change::kind).thenComparing(Change::host)
                        .thenComparing(Change::port, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparing(Change::transport, Comparator.nullsFirst(Comparator.naturalOrder())))
                .toList());
    }

    /** The changes of one kind. */
    List<Change> of(ChangeKind kind) {
        return changes.stream().filter(c -> c.kind() == kind).toList();
    }

    private static final class Builder {
        private final ChangeKind kind;
        private final String host;
        private final Integer port;
        private final String transport;
        private final Set<String> services = new LinkedHashSet<>();
        private final Set<String> verdicts = new LinkedHashSet<>();
        private final Set<String> meanings = new LinkedHashSet<>();
        private final Set<String> checks = new LinkedHashSet<>();

        Builder(ChangeKind kind, String host, Integer port, String transport) {
            this.kind = kind;
            this.host = Objects.requireNonNull(host);
            this.port = port;
            this.transport = transport;
        }

        void add(CheckOutcome outcome) {
            services.add(outcome.service());
            verdicts.add(outcome.result().verdict().name());
            meanings.add(outcome.result().verdict().meaning());
            checks.add(outcome.target().name());
        }

        Change build() {
            List<String> named = new ArrayList<>(checks).subList(0, Math.min(CHECKS_NAMED, checks.size()));
            String reason = String.join("; ", meanings) + "; failed: " + String.join(", ", named)
                    + (checks.size() > named.size() ? " and " + (checks.size() - named.size()) + " more" : "");
            return new Change(kind, host, port, transport, List.copyOf(services), List.copyOf(verdicts),
                    List.copyOf(checks), reason);
        }
    }
}
