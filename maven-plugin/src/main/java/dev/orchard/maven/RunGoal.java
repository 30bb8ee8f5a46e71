package dev.orchard.maven;

import dev.orchard.catalog.CatalogException;
import dev.orchard.internal.Sanitizer;
import dev.orchard.report.RunReport;
import dev.orchard.report.Summary;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;

/**
 * What verify and demo share: run the engine, end with the summary and reports, and turn every problem that is
 * not a check result into a one-message failure, with proxy passwords redacted and no stack trace.
 */
final class RunGoal {

    private RunGoal() {
    }

    /** The run's totals, or empty when no check was selected. */
    static Optional<Summary> run(RunSettings settings, Path reportsDirectory, Consumer<String> out)
            throws MojoExecutionException, MojoFailureException {
        return runReport(settings, reportsDirectory, out).map(RunReport::summary);
    }

    /** The run, its reports written, or empty when no check was selected. */
    static Optional<RunReport> runReport(RunSettings settings, Path reportsDirectory, Consumer<String> out)
            throws MojoExecutionException, MojoFailureException {
        Optional<RunReport> report;
        try {
            report = new CheckRun(settings, out).run();
        } catch (CatalogException e) {
            throw new MojoFailureException(printable("Bad catalog (apple-network.catalogs):\n" + e.getMessage()));
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException(printable(e.getMessage()));
        } catch (IllegalStateException e) {
            throw new MojoExecutionException(printable(e.getMessage()));
        }
        if (report.isEmpty()) {
            return Optional.empty();
        }
        RunEnding.finish(report.get(), reportsDirectory, out);
        return report;
    }

    /** A message for the Maven log: each line cleaned (credentials, control characters, length). */
    static String printable(String message) {
        return Sanitizer.cleanLines(message, Sanitizer.LINE);
    }
}
