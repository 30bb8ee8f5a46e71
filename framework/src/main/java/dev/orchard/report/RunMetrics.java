package dev.orchard.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The metrics of one run ({@code apple-network-results.prom}): per check a status and a duration, per run its
 * start time, duration and totals. Labels are fixed and few (see docs/sites.md): series per run = 2 x checks + 7,
 * about 1,100 for Apple's whole list. The {@code verdict} label is on the status only, so a changing verdict
 * replaces one series rather than multiplying the durations.
 */
final class RunMetrics {

    static final String FILE_NAME = "apple-network-results.prom";

    private RunMetrics() {
    }

    static OpenMetricsFile metrics(RunReport report) {
        String site = report.site();
        OpenMetricsFile file = new OpenMetricsFile();
        OpenMetricsFile.Gauge status = file.gauge("apple_network_check_status",
                "Final status of an Apple network check: 1 passed, 0 failed, -1 skipped; verdict names the cause.");
        OpenMetricsFile.Gauge duration = file.seconds("apple_network_check_duration_seconds",
                "How long the final attempt of an Apple network check took; 0 when skipped.");
        for (CheckOutcome outcome : report.outcomes()) {
            List<String> labels = checkLabels(site, outcome);
            duration.sample(outcome.result().duration().toMillis() / 1000.0, labels.toArray(String[]::new));
            labels.add("verdict");
            labels.add(outcome.result().verdict().name());
            status.sample(OpenMetricsFile.value(outcome.status()), labels.toArray(String[]::new));
        }
        status.done();
        duration.done();
        Summary s = report.summary();
        file.seconds("apple_network_run_timestamp_seconds", "When the run started, as a Unix time.")
                .sample(report.startedAt().toEpochMilli() / 1000.0, "site", site).done();
        file.seconds("apple_network_run_duration_seconds", "How long the run took.")
                .sample(report.duration().toMillis() / 1000.0, "site", site).done();
        file.gauge("apple_network_run_checks", "Checks of the run by final status.")
                .byStatus(s.passed(), s.failed(), s.skipped(), "site", site).done();
        file.gauge("apple_network_run_flaky_checks", "Checks that passed only on a rerun (also counted as passed).")
                .sample(s.flaky(), "site", site).done();
        return file;
    }

    /**
     * site, service, host, port ("" for dns), check, family ("" where unknown): the labels that name a check; the
     * family keeps a dual-stack host's IPv4 and IPv6 halves apart.
     */
    private static List<String> checkLabels(String site, CheckOutcome outcome) {
        var check = outcome.target().check();
        List<String> labels = new ArrayList<>(List.of("site", site, "service", outcome.service(), "host",
                outcome.target().host(), "port", check.transport() == null ? "" : Integer.toString(check.port()),
                "check", check.kind().tag(), "family", outcome.family().map(f -> f.tag()).orElse("")));
        return labels;
    }
}
