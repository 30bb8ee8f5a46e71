package dev.orchard.maven;

import dev.orchard.ConfigurationKeys;
import dev.orchard.report.Reports;
import dev.orchard.report.Summary;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Shows what Orchard reports, offline: runs Apple's whole list against a simulated branch office on this machine
 * (a DNS filter, a firewall, TLS inspection, a proxy policy) and explains each failure. It never fails the build
 * for failed checks; only a bad parameter stops it.
 * {@code mvn dev.orchard:apple-network-maven-plugin:demo}.
 */
@Mojo(name = "demo", requiresProject = false, threadSafe = true)
public class DemoMojo extends AbstractMojo {

    @Parameter(defaultValue = "${project}", readonly = true)
    private MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true)
    private MavenSession session;

    /**
     * Per-check timeout of the demo, default 3s. XML {@code <timeout>2s</timeout>}; command line
     * {@code -Dapple-network.timeout=2s}.
     */
    @Parameter(property = "apple-network.timeout", defaultValue = "3s")
    private String timeout;

    /**
     * Where the demo's reports go; default as for verify. XML {@code <reportsDirectory>target/demo</reportsDirectory>};
     * command line {@code -Dapple-network.reportsDirectory=target/demo}.
     */
    @Parameter(property = "apple-network.reportsDirectory")
    private File reportsDirectory;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        Consumer<String> out = getLog()::info;
        out.accept("Demo: Apple's list against a simulated branch office on this machine; nothing leaves it.");
        RunSettings settings;
        try {
            settings = new RunSettings(List.of(), List.of(), new NetworkParameters(Path.of(""))
                    .put(ConfigurationKeys.TIMEOUT, timeout)
                    .put(ConfigurationKeys.TARGET, "branch-office")
                    .map(), 0);
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException(e.getMessage());
        }
        Path reports = GoalContext.reportsDirectory(reportsDirectory, project, session);
        Optional<Summary> summary = RunGoal.run(settings, reports, out);
        out.accept("");
        summary.ifPresent(s -> out.accept("The demo found " + s.failed() + " failed checks, as a broken branch "
                + "office would; this does not fail the build."));
        out.accept("Open " + reports.resolve(Reports.HTML_FILE).toAbsolutePath() + " to see every verdict.");
        out.accept("To check the network you are on: mvn dev.orchard:apple-network-maven-plugin:verify "
                + "(add -Dgroups=mdm to start small).");
    }
}
