package dev.orchard.maven;

import dev.orchard.engine.ResultsCollector;
import dev.orchard.probe.CheckTarget;
import dev.orchard.report.ConsoleReport;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Collects one attempt's outcomes and prints a service's progress line as soon as its last check completes, so a
 * long run against a filtering network shows it is alive. Engine threads call it concurrently.
 */
final class Progress extends ResultsCollector {

    private final ConsoleReport console;
    private final Map<String, CheckTarget> planned;
    private final Consumer<String> out;

    Progress(ConsoleReport console, Map<String, CheckTarget> planned, Consumer<String> out) {
        this.console = console;
        this.planned = planned;
        this.out = out;
    }

    @Override
    public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
        super.executionFinished(identifier, result);
        progress(identifier);
    }

    @Override
    public void executionSkipped(TestIdentifier identifier, String reason) {
        super.executionSkipped(identifier, reason);
        progress(identifier);
    }

    private void progress(TestIdentifier identifier) {
        if (!identifier.isTest() || !planned.containsKey(identifier.getUniqueId())) {
            return;
        }
        outcome(identifier.getUniqueId())
                .ifPresent(outcome -> console.completed(outcome.target(), outcome.result()).ifPresent(out));
    }
}
