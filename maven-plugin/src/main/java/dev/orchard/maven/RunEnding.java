package dev.orchard.maven;

import dev.orchard.report.ConsoleReport;
import dev.orchard.report.Reports;
import dev.orchard.report.RunReport;
import dev.orchard.report.Summary;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.apache.maven.plugin.MojoExecutionException;

/** The end of a run the goals share: the summary table, the failures by cause, and the report files. */
final class RunEnding {

    private RunEnding() {
    }

    /** Prints the summary, writes the reports into {@code dir} and returns the totals. */
    static Summary finish(RunReport report, Path dir, Consumer<String> out) throws MojoExecutionException {
        out.accept("");
        ConsoleReport.summary(report).forEach(out);
        try {
            Reports.writeAll(report, dir);
        } catch (IOException | RuntimeException e) {
            throw new MojoExecutionException("apple-network.reportsDirectory: cannot write the reports to " + dir
                    + ": " + e.getMessage() + "; expected a writable directory");
        }
        out.accept("");
        out.accept("Reports: " + dir.resolve(Reports.HTML_FILE) + " (also apple-network-results.json, "
                + Reports.CHANGES_FILE + " and TEST-apple-network.*.xml)");
        return report.summary();
    }
}
