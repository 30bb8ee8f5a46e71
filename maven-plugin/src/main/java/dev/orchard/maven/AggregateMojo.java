package dev.orchard.maven;

import dev.orchard.ConfigurationKeys;
import dev.orchard.sites.Aggregator;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Puts the results of many sites side by side: reads the apple-network-results.json files that the sites' CI jobs
 * collected as artifacts and writes apple-network-aggregate.html (a site × service matrix, the causes that recur
 * across sites, a drill-down per site), apple-network-aggregate.json and apple-network-aggregate.prom. A corrupt
 * or foreign file is named and skipped; the goal fails only when no file is readable. Needs no project:
 * {@code mvn dev.orchard:apple-network-maven-plugin:aggregate -Dapple-network.results=sites/}.
 */
@Mojo(name = "aggregate", requiresProject = false, threadSafe = true)
public class AggregateMojo extends OrchardMojo {

    /**
     * The results files to aggregate, comma separated: files, directories (every {@code *.json} below them) or
     * globs, relative to the project or the current directory. Command line
     * {@code -Dapple-network.results=artifacts/}, or
     * {@code -Dapple-network.results='artifacts/*}{@code /apple-network-results.json'}.
     */
    @Parameter(property = "apple-network.results")
    private String results;

    /**
     * Earlier results to compare each site with, matched by site name: files, directories or globs as for
     * {@code results}. Each site's drift appears in the page, the JSON and the metrics. Command line
     * {@code -Dapple-network.baseline=last-week/}.
     */
    @Parameter(property = "apple-network.baseline")
    private String baseline;

    /**
     * With a baseline, fail the build when any site has a check failing that did not fail in its baseline.
     * Without it, aggregate never fails for failed checks. Command line {@code -Dapple-network.failOnNewFailures}.
     */
    @Parameter(property = "apple-network.failOnNewFailures", defaultValue = "false")
    private boolean failOnNewFailures;

    /**
     * Where the three files go; default as for verify ({@code target/apple-network-reports}, or
     * {@code ./apple-network-reports} without a project). Command line
     * {@code -Dapple-network.reportsDirectory=public}.
     */
    @Parameter(property = "apple-network.reportsDirectory")
    private File reportsDirectory;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        requireKnownKeys();
        Consumer<String> out = info();
        Path dir = GoalContext.reportsDirectory(reportsDirectory, project, session);
        Aggregator.Outcome outcome;
        try {
            outcome = Aggregator.run(results, baseline, baseDirectory(), dir, out);
        } catch (IOException | RuntimeException e) {
            throw new MojoFailureException(RunGoal.printable("Cannot aggregate (" + ConfigurationKeys.RESULTS + "): "
                    + e.getMessage()));
        }
        out.accept("Aggregate: " + dir.resolve(Aggregator.HTML_FILE) + " (also " + Aggregator.JSON_FILE + " and "
                + Aggregator.METRICS_FILE + ")");
        if (failOnNewFailures) {
            if (outcome.sitesWithBaseline() == 0) {
                getLog().warn(ConfigurationKeys.FAIL_ON_NEW_FAILURES + " needs " + ConfigurationKeys.BASELINE
                        + " with results of the same sites; no site had one");
            } else if (outcome.newFailures() > 0) {
                throw new MojoFailureException(outcome.newFailures() + " checks fail that did not fail in their "
                        + "site's baseline; see " + dir.resolve(Aggregator.HTML_FILE));
            }
        }
    }
}
