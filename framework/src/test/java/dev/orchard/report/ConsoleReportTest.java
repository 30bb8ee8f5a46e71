package dev.orchard.report;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;

import dev.orchard.probe.CheckTarget;
import dev.orchard.probe.NetworkSettings;
import dev.orchard.probe.Verdict;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConsoleReportTest {

    @Test
    void theHeaderGivesTheWorstCase() {
        // 10 checks; the courier host has 5 (two rounds of 4), plus dns -> tcp -> tls: 2 + 2 = 4 waves.
        ConsoleReport console = ConsoleReport.plan(Runs.targets(), Runs.settings(null));

        assertThat(console.header(), is("Checking 10 checks of 2 services; worst case ~20.0 s (5.0 s timeout x 4 waves)"));
    }

    @Test
    void lowParallelismMeansMoreWaves() {
        NetworkSettings one = new NetworkSettings(List.of(), null, "default", List.of(), Duration.ofMillis(1500), 1);

        assertThat(ConsoleReport.plan(Runs.targets(), one).header(),
                is("Checking 10 checks of 2 services; worst case ~18.0 s (1.5 s timeout x 12 waves)"));
    }

    @Test
    void aServiceReportsProgressWhenItsLastCheckCompletes() {
        RunReport run = Runs.mixed(null);
        ConsoleReport console = ConsoleReport.plan(Runs.targets(), run.settings());
        List<String> lines = new ArrayList<>();
        List<Integer> after = new ArrayList<>();

        List<CheckOutcome> outcomes = run.outcomes();
        for (int i = 0; i < outcomes.size(); i++) {
            CheckTarget target = outcomes.get(i).target();
            Optional<String> line = console.completed(target, outcomes.get(i).result());
            if (line.isPresent()) {
                lines.add(line.get());
                after.add(i);
            }
        }

        assertThat(after, contains(4, 9));
        assertThat(lines, contains(
                "[1/2] mdm: 5 checks, 3 passed, 1 failed, 1 skipped; slowest 5.0 s",
                "[2/2] device-setup: 5 checks, 2 passed, 1 failed, 2 skipped; slowest 0.0 s"));
    }

    @Test
    void eachServiceLineAppearsOnceWhenResultsArriveFromManyThreads() throws Exception {
        RunReport run = Runs.mixed(null);
        ConsoleReport console = ConsoleReport.plan(Runs.targets(), run.settings());
        List<String> lines = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<?>> done = new ArrayList<>();
            for (CheckOutcome outcome : run.outcomes()) {
                done.add(pool.submit(() -> console.completed(outcome.target(), outcome.result()).ifPresent(lines::add)));
            }
            for (java.util.concurrent.Future<?> future : done) {
                future.get(10, java.util.concurrent.TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(lines.size(), is(2));
        assertThat(lines.stream().map(l -> l.substring(0, 5)).sorted().toList(), contains("[1/2]", "[2/2]"));
    }

    @Test
    void theSummaryIsATableThenFailuresGroupedByCauseWithOneRemedyEach() {
        RunReport run = Runs.mixed(null);

        List<String> lines = ConsoleReport.summary(run);

        assertThat(lines, contains(
                "Service       Checks  Passed  Failed Skipped   Flaky",
                "mdm                5       3       1       1       1",
                "device-setup       5       2       1       2       0",
                "Total             10       5       2       3       1",
                "",
                "Slowest checks:",
                "  5.0 s (the timeout)  mdm  1-courier.push.apple.com  tcp 5223  TCP_TIMEOUT",
                "  0.1 s  mdm  1-courier.push.apple.com  tls 443/tcp  OK",
                "  0.0 s  mdm  1-courier.push.apple.com  tcp 443  OK",
                "",
                "Failures by cause:",
                "DNS_NXDOMAIN (1): " + Verdict.DNS_NXDOMAIN.meaning(),
                "  device-setup  albert.apple.com  dns: albert.apple.com does not exist "
                        + "<script>alert(1)</script> & \"quotes\" ]]> \\x00\\x1B[31mred\\uD800",
                "  Remedy: " + Verdict.DNS_NXDOMAIN.remedy(),
                "TCP_TIMEOUT (1): " + Verdict.TCP_TIMEOUT.meaning(),
                "  mdm  1-courier.push.apple.com  tcp 5223: no answer from 17.57.144.10:5223",
                "  Remedy: " + Verdict.TCP_TIMEOUT.remedy()));
    }

    @Test
    void failuresWithTheSameCauseShareOneRemedyLine() {
        RunReport run = Runs.mixed(null);
        List<CheckOutcome> timeouts = new ArrayList<>();
        for (CheckOutcome outcome : run.outcomes()) {
            timeouts.add(outcome.status() == dev.orchard.probe.Status.FAILED
                    ? CheckOutcome.of(outcome.target(), dev.orchard.probe.ProbeResult.failed(Verdict.TCP_TIMEOUT,
                            "no answer", Duration.ofSeconds(5), null))
                    : outcome);
        }
        RunReport two = new RunReport(run.catalogName(), run.catalogRevision(), run.startedAt(), run.duration(),
                run.settings(), timeouts);

        List<String> lines = ConsoleReport.summary(two);

        assertThat(lines.subList(10, lines.size()), contains(
                "Failures by cause:",
                "TCP_TIMEOUT (2): " + Verdict.TCP_TIMEOUT.meaning(),
                "  mdm  1-courier.push.apple.com  tcp 5223: no answer",
                "  device-setup  albert.apple.com  dns: no answer",
                "  Remedy: " + Verdict.TCP_TIMEOUT.remedy()));
    }

    @Test
    void aCleanRunSaysSo() {
        RunReport run = Runs.mixed(null);
        RunReport clean = new RunReport("c", "2024-11", run.startedAt(), run.duration(), run.settings(),
                run.outcomes().stream().filter(o -> o.status() != dev.orchard.probe.Status.FAILED).toList());

        List<String> lines = ConsoleReport.summary(clean);

        assertThat(lines.get(lines.size() - 1), is("No failures."));
    }
}
