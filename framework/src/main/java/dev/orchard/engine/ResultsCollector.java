package dev.orchard.engine;

import dev.orchard.probe.Check;
import dev.orchard.probe.CheckTarget;
import dev.orchard.probe.IpFamily;
import dev.orchard.probe.ProbeResult;
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
import java.util.concurrent.ConcurrentHashMap;
import org.apiguardian.api.API;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Collects the full outcome of every Apple network check of one launcher run, in the order JUnit reports them,
 * so that reports carry verdicts and evidence. Everything arrives through the launcher: the engine publishes each
 * result as a report entry of its check, each row on its endpoint container and the catalog and network on the
 * catalog container, and this listener joins them by unique id. An instance belongs to one run, so runs in one JVM
 * at once ({@code mvn -T}) keep apart. The Maven plugin registers one per attempt to merge reruns.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class ResultsCollector implements TestExecutionListener {

    private final Map<String, ResultEntries.Row> rows = new ConcurrentHashMap<>();
    private final Map<String, ProbeResult> results = new ConcurrentHashMap<>();
    private final Map<String, CheckOutcome> outcomes = new LinkedHashMap<>();
    private volatile ResultEntries.Run run;
    private volatile Instant startedAt = Instant.now();
    private volatile Instant finishedAt;
    private volatile String site;

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        startedAt = Instant.now();
        site = SiteName.from(testPlan.getConfigurationParameters()::get);
    }

    @Override
    public void reportingEntryPublished(TestIdentifier identifier, ReportEntry entry) {
        if (!identifier.getUniqueIdObject().getEngineId().orElse("").equals(AppleNetworkTestEngine.ENGINE_ID)) {
            return;
        }
        if (identifier.isTest()) {
            ResultEntries.readResult(entry).ifPresent(result -> results.put(identifier.getUniqueId(), result));
            return;
        }
        ResultEntries.readRow(entry).ifPresent(row -> rows.put(identifier.getUniqueId(), row));
        ResultEntries.readRun(entry).ifPresent(found -> {
            if (run == null) {
                run = found;
            }
        });
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

    /** A check's outcome: its result, the row of its endpoint container and the check its id names. */
    private void collect(TestIdentifier identifier) {
        if (!identifier.isTest()) {
            return;
        }
        ProbeResult result = results.remove(identifier.getUniqueId());
        ResultEntries.Row row = identifier.getParentId().map(rows::get).orElse(null);
        if (result == null || row == null) {
            return;
        }
        UniqueId id = identifier.getUniqueIdObject();
        Check check = Check.ofIdSegment(id.getLastSegment().getValue());
        if (check.family() == null && identifier.getDisplayName().endsWith(" (" + IpFamily.IPV4.label() + ")")) {
            // the IPv4 half keeps the id it had before families were checked apart; its name says the family
            check = check.withFamily(IpFamily.IPV4);
        }
        CheckOutcome outcome = CheckOutcome.of(new CheckTarget(row.endpoint(), row.host(), check), result);
        synchronized (outcomes) {
            outcomes.put(identifier.getUniqueId(), outcome);
        }
    }

    /** Each check's outcome by unique id, in reporting order. */
    public Map<String, CheckOutcome> outcomes() {
        synchronized (outcomes) {
            return new LinkedHashMap<>(outcomes);
        }
    }

    /** One check's outcome by unique id, without copying the others (progress asks once per check). */
    public Optional<CheckOutcome> outcome(String uniqueId) {
        synchronized (outcomes) {
            return Optional.ofNullable(outcomes.get(uniqueId));
        }
    }

    /** The run as reports show it, or empty when no Apple network check ran. */
    public Optional<RunReport> report() {
        return report(new ArrayList<>(outcomes().values()));
    }

    /** A report of these outcomes with this run's catalog, settings and timing. */
    public Optional<RunReport> report(List<CheckOutcome> outcomes) {
        ResultEntries.Run ran = run;
        if (ran == null || outcomes().isEmpty()) {
            return Optional.empty();
        }
        Instant end = finishedAt == null ? Instant.now() : finishedAt;
        return Optional.of(new RunReport(ran.catalogName(), ran.catalogRevision(), startedAt,
                Duration.between(startedAt, end), ran.settings(), outcomes, site));
    }
}
