package dev.orchard.maven;

import dev.orchard.ConfigurationKeys;
import dev.orchard.report.RunReport;
import dev.orchard.sites.Baseline;
import dev.orchard.sites.Drift;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.maven.plugin.MojoFailureException;

/**
 * {@code verify}'s comparison with {@code apple-network.baseline}: prints the drift, writes
 * apple-network-drift.json and .html beside the reports, and tells which failures count when
 * {@code apple-network.failOnNewFailures} is set.
 */
final class BaselineDrift {

    private BaselineDrift() {
    }

    /** The drift of {@code report} against {@code baseline}, or empty when no baseline is set. */
    static Optional<Drift> compare(File baseline, RunReport report, Path reports, Consumer<String> out)
            throws MojoFailureException {
        if (baseline == null) {
            return Optional.empty();
        }
        try {
            Drift drift = Baseline.compare(baseline.toPath(), report);
            out.accept("");
            drift.lines().forEach(out);
            Baseline.write(drift, report.site(), reports);
            out.accept("Drift: " + reports.resolve(Baseline.HTML_FILE) + " (also " + Baseline.JSON_FILE + ")");
            return Optional.of(drift);
        } catch (IOException e) {
            throw new MojoFailureException(RunGoal.printable(ConfigurationKeys.BASELINE + ": " + e.getMessage()));
        }
    }

    /**
     * How many failures fail the build: every failed check, or with {@code failOnNewFailures} only those the
     * baseline did not have.
     */
    static int failing(int failed, Optional<Drift> drift, boolean failOnNewFailures, Consumer<String> warn) {
        if (!failOnNewFailures) {
            return failed;
        }
        if (drift.isEmpty()) {
            warn.accept(ConfigurationKeys.FAIL_ON_NEW_FAILURES + " needs " + ConfigurationKeys.BASELINE
                    + " (a previous apple-network-results.json); without one every failure is new");
            return failed;
        }
        return drift.get().newFailures().size();
    }
}
