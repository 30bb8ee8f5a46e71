package dev.orchard.report;

import dev.orchard.probe.Status;
import dev.orchard.probe.Verdict;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The failed checks that share a cause (their verdict), as the HTML page shows them: on a badly broken network
 * most failures have one or two causes, and an administrator acts on causes, not on checks.
 *
 * @param verdict the cause
 * @param failures the failed checks, in run order
 */
record CauseGroup(Verdict verdict, List<CheckOutcome> failures) {

    CauseGroup {
        failures = List.copyOf(failures);
    }

    /** The run's failures by cause, the cause that breaks the most checks first. */
    static List<CauseGroup> of(RunReport report) {
        Map<Verdict, List<CheckOutcome>> byVerdict = new EnumMap<>(Verdict.class);
        for (CheckOutcome outcome : report.outcomes()) {
            if (outcome.status() == Status.FAILED) {
                byVerdict.computeIfAbsent(outcome.result().verdict(), v -> new ArrayList<>()).add(outcome);
            }
        }
        return byVerdict.entrySet().stream().map(e -> new CauseGroup(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingInt((CauseGroup g) -> -g.failures().size())
                        .thenComparing(CauseGroup::verdict))
                .toList();
    }

    /** The services whose checks fail this way, in run order. */
    Set<String> services() {
        Set<String> services = new LinkedHashSet<>();
        failures.forEach(f -> services.add(f.service()));
        return services;
    }

    /** The probed hosts, in run order. */
    Set<String> hosts() {
        Set<String> hosts = new LinkedHashSet<>();
        failures.forEach(f -> hosts.add(f.target().host()));
        return hosts;
    }
}
