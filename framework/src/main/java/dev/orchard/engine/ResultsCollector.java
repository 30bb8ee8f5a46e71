package dev.orchard.engine;

import dev.orchard.probe.NetworkSettings;
import dev.orchard.report.CheckOutcome;
import dev.orchard.report.RunReport;
import dev.orchard.report.SiteName;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Collects the full outcome of every Apple network check of one launcher run, in the order JUnit reports them,
 * so that reports carry verdicts and evidence. The Maven plugin registers one per attempt to merge reruns.
 */
public class ResultsCollector implements TestExecutionListener {

    /**
     * A configuration parameter that tells concurrent runs in one JVM apart (the Maven plugin sets a fresh one per
     * run); unset means the default run. Users never need to set it.
     */
    public static final String RUN_ID = "apple-network.runId";

    private final Map<String, ResultRegistry.Entry> entries = new LinkedHashMap<>();
    private Instant startedAt = Instant.now();
    private Instant finishedAt;
    private String runId = "";
    private String site;

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        startedAt = Instant.now();
        runId = testPlan.getConfigurationParameters().get(RUN_ID).orElse("");
        site = SiteName.from(testPlan.getConfigurationParameters()::get);
    }

    @Override
    public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
        collect(identifier);
    }

    @Override
    public void executionSkipped(TestIdentifier identifier, String reason) {
        collect(identifier);
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        finishedAt = Instant.now();
    }

    private void collect(TestIdentifier identifier) {
        if (identifier.isTest()) {
            ResultRegistry.take(runId, identifier.getUniqueId())
                    .ifPresent(entry -> {
                        synchronized (entries) {
                            entries.put(identifier.getUniqueId(), entry);
                        }
                    });
        }
    }

    /** Each check's outcome by unique id, in reporting order. */
    public Map<String, CheckOutcome> outcomes() {
        Map<String, CheckOutcome> outcomes = new LinkedHashMap<>();
        synchronized (entries) {
            entries.forEach((id, entry) -> outcomes.put(id, CheckOutcome.of(entry.target(), entry.result())));
        }
        return outcomes;
    }

    /** The run as reports show it, or empty when no Apple network check ran. */
    public Optional<RunReport> report() {
        return report(new ArrayList<>(outcomes().values()));
    }

    /** A report of these outcomes with this run's catalog, settings and timing. */
    public Optional<RunReport> report(List<CheckOutcome> outcomes) {
        ResultRegistry.Entry first;
        synchronized (entries) {
            if (entries.isEmpty()) {
                return Optional.empty();
            }
            first = entries.values().iterator().next();
        }
        NetworkSettings settings = first.settings();
        Instant end = finishedAt == null ? Instant.now() : finishedAt;
        return Optional.of(new RunReport(first.catalog().name(), first.catalog().source().revision(), startedAt,
                Duration.between(startedAt, end), settings, outcomes, site));
    }
}
