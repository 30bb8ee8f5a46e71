package dev.orchard.report;

import dev.orchard.probe.NetworkSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One run, as every report shows it: which catalog, when, how the network was set up, and one outcome per check
 * in the order the checks were planned.
 *
 * @param catalogName the catalog's name
 * @param catalogRevision the article revision the catalog follows, such as {@code 2024-11}
 * @param startedAt when the first check started
 * @param duration how long the run took
 * @param settings the network settings, without proxy credentials
 * @param outcomes one per check
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record RunReport(String catalogName, String catalogRevision, Instant startedAt, Duration duration,
        NetworkSettings settings, List<CheckOutcome> outcomes) {

    public RunReport {
        Objects.requireNonNull(catalogName, "catalogName");
        catalogRevision = catalogRevision == null ? "" : catalogRevision;
        Objects.requireNonNull(startedAt, "startedAt");
        duration = duration == null ? Duration.ZERO : duration;
        Objects.requireNonNull(settings, "settings");
        outcomes = List.copyOf(outcomes);
    }

    public Summary summary() {
        return Summary.of(outcomes);
    }

    /** The outcomes by service id, services in the order they first appear. */
    public Map<String, List<CheckOutcome>> byService() {
        Map<String, List<CheckOutcome>> groups = new LinkedHashMap<>();
        for (CheckOutcome outcome : outcomes) {
            groups.computeIfAbsent(outcome.service(), s -> new ArrayList<>()).add(outcome);
        }
        groups.replaceAll((service, list) -> List.copyOf(list));
        return Collections.unmodifiableMap(groups);
    }
}
