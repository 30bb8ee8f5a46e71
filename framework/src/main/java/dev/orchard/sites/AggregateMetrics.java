package dev.orchard.sites;

import dev.orchard.probe.Status;
import dev.orchard.report.OpenMetricsFile;
import java.util.Map;
import java.util.Set;

/**
 * {@code apple-network-aggregate.prom}: per site its totals, run time and, per service, the failed checks and
 * the worst verdict; per verdict how many sites it failed at. No per-check series: a thousand sites × 500 checks
 * would be half a million series. Series ≈ sites × (services × 2 + 6) + verdicts + 2 (docs/sites.md).
 */
final class AggregateMetrics {

    static final String FILE_NAME = "apple-network-aggregate.prom";

    private AggregateMetrics() {
    }

    static OpenMetricsFile metrics(Aggregation aggregation) {
        OpenMetricsFile file = new OpenMetricsFile();
        file.gauge("apple_network_aggregate_sites", "Sites whose results were aggregated.")
                .sample(aggregation.sites.size()).done();
        file.gauge("apple_network_aggregate_files_skipped", "Results files that were corrupt, foreign or superseded.")
                .sample(aggregation.skipped.size()).done();
        OpenMetricsFile.Gauge checks = file.gauge("apple_network_site_checks", "A site's checks by final status.");
        OpenMetricsFile.Gauge started = file.seconds("apple_network_site_run_timestamp_seconds",
                "When the site's aggregated run started, as a Unix time.");
        OpenMetricsFile.Gauge failed = file.gauge("apple_network_site_service_failed_checks",
                "Failed checks of a service at a site.");
        OpenMetricsFile.Gauge worst = file.gauge("apple_network_site_service_status",
                "A service at a site: 1 all passed, 0 some failed, -1 some skipped; verdict is the worst.");
        OpenMetricsFile.Gauge fresh = file.gauge("apple_network_site_new_failures",
                "Checks failing at a site that did not fail in its baseline.");
        for (SiteRun run : aggregation.sites.values()) {
            String site = run.site();
            checks.byStatus(run.totals.passed, run.totals.failed, run.totals.skipped, "site", site);
            started.sample(Aggregation.instant(run.header.startedAt()).toEpochMilli() / 1000.0, "site", site);
            for (Map.Entry<String, ServiceCell> service : run.services.entrySet()) {
                ServiceCell cell = service.getValue();
                failed.sample(cell.failed, "site", site, "service", service.getKey());
                Status status = switch (cell.colour()) {
                    case "fail" -> Status.FAILED;
                    case "skip" -> Status.SKIPPED;
                    default -> Status.PASSED;
                };
                worst.sample(OpenMetricsFile.value(status), "site", site, "service", service.getKey(), "verdict",
                        cell.worst());
            }
            if (run.drift != null) {
                fresh.sample(run.drift.newFailures().size(), "site", site);
            }
        }
        checks.done();
        started.done();
        failed.done();
        worst.done();
        fresh.done();
        OpenMetricsFile.Gauge causes = file.gauge("apple_network_cause_sites",
                "Sites where at least one check failed with this verdict.");
        for (Map.Entry<String, Set<String>> verdict : aggregation.sitesByVerdict().entrySet()) {
            causes.sample(verdict.getValue().size(), "verdict", verdict.getKey());
        }
        causes.done();
        return file;
    }
}
