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
 * @param site where the run checked ({@code apple-network.site}); this machine's host name when null or blank
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record RunReport(String catalogName, String catalogRevision, Instant startedAt, Duration duration,
        NetworkSettings settings, List<CheckOutcome> outcomes, String site) {

    public RunReport {
        Objects.requireNonNull(catalogName, "catalogName");
        catalogRevision = catalogRevision == null ? "" : catalogRevision;
        Objects.requireNonNull(startedAt, "startedAt");
        duration = duration == null ? Duration.ZERO : duration;
        Objects.requireNonNull(settings, "settings");
        outcomes = List.copyOf(outcomes);
        site = SiteName.of(site);
    }

    /** A run at this machine's site (its host name). */
    public RunReport(String catalogName, String catalogRevision, Instant startedAt, Duration duration,
            NetworkSettings settings, List<CheckOutcome> outcomes) {
        this(catalogName, catalogRevision, startedAt, duration, settings, outcomes, null);
    }

    /** The same run, at another site. */
    public RunReport withSite(String name) {
        return new RunReport(catalogName, catalogRevision, startedAt, duration, settings, outcomes, name);
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
