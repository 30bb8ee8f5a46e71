package dev.orchard.maven;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.orchard.catalog.CatalogException;
import dev.orchard.probe.Status;
import dev.orchard.report.CheckOutcome;
import dev.orchard.report.RunReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import dev.orchard.config.OrchardSettings;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the engine in-process against the simulated lab on loopback; nothing reaches the network. */
class CheckRunTest {

    private final List<String> lines = Collections.synchronizedList(new ArrayList<>());

    private Optional<RunReport> run(List<String> groups, Map<String, String> parameters, int reruns) {
        return run(groups, List.of(), parameters, reruns);
    }

    private Optional<RunReport> run(List<String> groups, List<String> excluded, Map<String, String> parameters,
            int reruns) {
        return new CheckRun(new RunSettings(groups, excluded, OrchardSettings.from(parameters), reruns), lines::add)
                .run();
    }

    @Test
    void healthyLabPrintsThePlanProgressAndPasses() {
        RunReport report = run(List.of("mdm"), Map.of("apple-network.target", "lab",
                "apple-network.timeout", "5s"), 0).orElseThrow();
        assertThat(report.outcomes().size(), greaterThan(20));
        assertThat(report.outcomes().stream().map(CheckOutcome::status).toList(), everyItem(is(Status.PASSED)));
        assertThat(report.outcomes().stream().map(CheckOutcome::service).distinct().toList(), is(List.of("mdm")));
        assertThat(lines.get(0), startsWith("Checking " + report.outcomes().size() + " checks of 1 services"));
        assertThat(lines, hasItem(matchesPattern("\\[1/1\\] mdm: \\d+ checks, \\d+ passed, 0 failed, 0 skipped.*")));
    }

    @Test
    void failedChecksAreRerunAndKeepTheirEarlierAttempts() {
        RunReport report = run(List.of("mdm"), Map.of("apple-network.target", "branch-office",
                "apple-network.timeout", "2s"), 1).orElseThrow();
        List<CheckOutcome> failed = report.outcomes().stream().filter(o -> o.status() == Status.FAILED).toList();
        assertThat(failed.stream().map(o -> o.target().host() + " " + o.target().check().displayName()).toList(),
                hasItems("1-courier.push.apple.com tcp 5223", "1-courier.push.apple.com tcp 2197",
                        "21-courier.push.apple.com tcp 5223", "21-courier.push.apple.com tcp 2197",
                        "iprofiles.apple.com tcp 443"));
        for (CheckOutcome outcome : failed) {
            assertThat(outcome.earlierAttempts().size(), is(1));
        }
        // On a loaded machine a handshake may time out once and pass on the rerun: that is flaky, never hidden.
        for (CheckOutcome outcome : report.outcomes()) {
            if (outcome.rerun() && outcome.status() != Status.FAILED) {
                assertThat(outcome.flaky(), is(true));
            }
        }
        assertThat(lines, hasItem(matchesPattern("Rerunning \\d+ failed checks \\(1/1\\)")));
    }

    @Test
    void mergingTurnsAPassOnRerunIntoAFlakyOutcome() {
        // without the APNs couriers (tag push), whose dropped ports would only add a timeout
        RunReport failing = run(List.of("mdm"), List.of("push"), Map.of("apple-network.target", "branch-office",
                "apple-network.timeout", "2s"), 0).orElseThrow();
        CheckOutcome failed = failing.outcomes().stream().filter(o -> o.status() == Status.FAILED)
                .filter(o -> o.target().host().equals("iprofiles.apple.com")).findFirst().orElseThrow();
        RunReport healthy = run(List.of("mdm"), Map.of("apple-network.target", "lab",
                "apple-network.timeout", "5s"), 0).orElseThrow();
        CheckOutcome passed = healthy.outcomes().stream().filter(o -> o.target().equals(failed.target()))
                .findFirst().orElseThrow();
        CheckOutcome merged = CheckRun.merge(List.of(failed, passed));
        assertThat(merged.flaky(), is(true));
        assertThat(merged.attempts().stream().map(r -> r.status()).toList(),
                is(List.of(Status.FAILED, Status.PASSED)));
    }

    @Test
    void anUnknownTargetIsRejectedByTheEngineNamingTheKeyAndTheChoices() {
        Exception e = assertThrows(Exception.class,
                () -> run(List.of(), Map.of("apple-network.target", "moon"), 0));
        assertThat(e.getMessage(), containsString("apple-network.target: 'moon' is not a target; expected real, lab,"
                + " branch-office or blackhole"));
    }

    @Test
    void aBadTimeoutNamesTheKeyBeforeAnythingRuns() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> run(List.of(), Map.of("apple-network.target", "lab", "apple-network.timeout", "fast"), 0));
        assertThat(e.getMessage(), containsString("apple-network.timeout"));
        assertThat(e.getMessage(), containsString("fast"));
        assertThat(lines, is(empty()));
    }

    @Test
    void aBadCatalogNamesTheFileAndLine(@TempDir Path dir) throws IOException {
        Path catalog = dir.resolve("bad.yaml");
        Files.writeString(catalog, """
                name: Broken
                services:
                  - id: site-broken
                    title: Broken
                    endpoints:
                      - host: broken.example.edu
                        ports: [https]
                """);
        RuntimeException e = assertThrows(RuntimeException.class, () -> run(List.of(),
                Map.of("apple-network.target", "lab", "apple-network.catalogs", catalog.toString()), 0));
        assertThat(e instanceof IllegalArgumentException || e instanceof CatalogException, is(true));
        assertThat(e.getMessage(), containsString("bad.yaml:7"));
    }

    @Test
    void noMatchingTagMeansNoRun() {
        assertThat(run(List.of("no-such-service"), Map.of("apple-network.target", "lab"), 0), is(Optional.empty()));
    }
}
