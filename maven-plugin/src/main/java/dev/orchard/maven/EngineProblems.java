package dev.orchard.maven;

import java.util.ArrayList;
import java.util.List;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.launcher.EngineDiscoveryResult;
import org.junit.platform.launcher.LauncherDiscoveryListener;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Gathers what went wrong in the engine rather than in a check: discovery issues (a bad catalog or setting) and
 * failed containers. JUnit would report them as an engine failure with a stack trace; the plugin prints their
 * messages instead.
 */
final class EngineProblems implements LauncherDiscoveryListener, TestExecutionListener {

    private final List<String> messages = new ArrayList<>();

    @Override
    public synchronized void issueEncountered(UniqueId source, DiscoveryIssue issue) {
        if (issue.severity().compareTo(DiscoveryIssue.Severity.ERROR) >= 0) {
            messages.add(issue.message());
        }
    }

    @Override
    public synchronized void engineDiscoveryFinished(UniqueId engineId, EngineDiscoveryResult result) {
        if (result.getStatus() == EngineDiscoveryResult.Status.FAILED) {
            messages.add("discovery failed: " + result.getThrowable().map(EngineProblems::describe)
                    .orElse("no reason given"));
        }
    }

    @Override
    public synchronized void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
        if (!identifier.isTest() && result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
            messages.add(identifier.getDisplayName() + ": " + result.getThrowable().map(EngineProblems::describe)
                    .orElse(result.getStatus().name()));
        }
    }

    synchronized List<String> messages() {
        return List.copyOf(messages);
    }

    /** The message of the deepest cause that has one: engines wrap the failure that explains it. */
    private static String describe(Throwable failure) {
        String message = failure.getMessage();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                message = t.getMessage();
            }
        }
        return message == null ? failure.getClass().getSimpleName() : message;
    }
}
