package dev.orchard.engine;

import dev.orchard.ConfigurationKeys;
import dev.orchard.config.OrchardSettings;
import dev.orchard.config.OrchardSettings.Key;
import dev.orchard.internal.Sanitizer;
import dev.orchard.report.Reports;
import dev.orchard.report.RunReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.apiguardian.api.API;
import org.junit.platform.launcher.TestPlan;

/**
 * Writes the JSON results file, the Surefire-style XML and the HTML page at the end of a run when
 * {@code apple-network.reportsDirectory} is set, so a plain Surefire or console-launcher run leaves the same
 * reports as the Maven plugin. Registered automatically through the launcher's ServiceLoader.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class ResultsListener extends ResultsCollector {

    private Optional<Path> directory = Optional.empty();

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        super.testPlanExecutionStarted(testPlan);
        Key<Path> key = OrchardSettings.REPORTS_DIRECTORY;
        try {
            directory = testPlan.getConfigurationParameters().get(key.name()).filter(s -> !s.isBlank())
                    .map(key::parse);
        } catch (IllegalArgumentException e) {
            // The engine reports the bad value when it discovers; there is nothing to write to.
            directory = Optional.empty();
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        super.testPlanExecutionFinished(testPlan);
        if (directory.isEmpty()) {
            return;
        }
        Optional<RunReport> report = report();
        if (report.isEmpty()) {
            return;
        }
        Path dir = directory.get();
        try {
            Reports.writeAll(report.get(), dir);
        } catch (IOException | RuntimeException e) {
            System.err.println(Sanitizer.clean("[apple-network] cannot write reports to " + dir + " ("
                    + ConfigurationKeys.REPORTS_DIRECTORY + "): " + e.getMessage()));
        }
    }
}
