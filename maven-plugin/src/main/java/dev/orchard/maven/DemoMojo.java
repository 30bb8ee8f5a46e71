package dev.orchard.maven;

import dev.orchard.config.OrchardSettings;
import dev.orchard.report.Reports;
import dev.orchard.report.Summary;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Shows what Orchard reports, offline: runs Apple's whole list against a simulated branch office on this machine
 * (a DNS filter, a firewall, TLS inspection, a proxy policy, a PAC file mistake) and explains each failure. It never
 * fails the build for failed checks; only a bad parameter stops it. It takes the parameters of {@code verify}
 * (groups, timeout, catalogs …) except the target, which is always {@code branch-office}, and the proxy, which is
 * always none.
 * {@code mvn dev.orchard:apple-network-maven-plugin:demo}.
 */
@Mojo(name = "demo", requiresProject = false, threadSafe = true)
public class DemoMojo extends CheckingMojo {

    /** The demo's timeout when none is given: long enough for a loaded machine's handshakes. */
    static final String DEFAULT_TIMEOUT = "3s";

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        Consumer<String> out = info();
        out.accept("Demo: Apple's list against a simulated branch office on this machine; nothing leaves it.");
        RunSettings settings;
        try {
            requireKnownKeys();
            if (timeout == null || timeout.isBlank()) {
                timeout = DEFAULT_TIMEOUT;
            }
            target = OrchardSettings.Target.BRANCH_OFFICE.spelling();
            settings = new RunSettings(RunSettings.expressions(groups), RunSettings.expressions(excludedGroups),
                    settings(ProxyChoice.choose("none", List.of())), 0);
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException(RunGoal.printable(e.getMessage()));
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
