package dev.orchard.maven;

import dev.orchard.config.OrchardSettings;
import dev.orchard.report.RunReport;
import dev.orchard.report.Summary;
import dev.orchard.sites.Drift;
import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Checks that this network lets Apple devices reach every host and port of Apple's article "Use Apple products on
 * enterprise networks", and fails the build, with the cause and the remedy of each failure, when it does not.
 * Runs with or without a project: {@code mvn dev.orchard:apple-network-maven-plugin:verify}, or
 * {@code mvn apple-network:verify} once the plugin group is known to Maven.
 */
@Mojo(name = "verify", defaultPhase = LifecyclePhase.VERIFY, requiresProject = false, threadSafe = true)
public class VerifyMojo extends CheckingMojo {

    /** Skips the checks. XML {@code <skip>true</skip>}; command line {@code -Dapple-network.skip}. */
    @Parameter(property = "apple-network.skip", defaultValue = "false")
    private boolean skip;

    /**
     * Maven's {@code -DskipTests} skips the checks too. XML {@code <skipTests>true</skipTests>}; command line
     * {@code -DskipTests}.
     */
    @Parameter(property = "skipTests", defaultValue = "false")
    private boolean skipTests;

    /**
     * Reports failed checks but lets the build pass. XML {@code <testFailureIgnore>true</testFailureIgnore>};
     * command line {@code -Dapple-network.testFailureIgnore}.
     */
    @Parameter(property = "apple-network.testFailureIgnore", defaultValue = "false")
    private boolean testFailureIgnore;

    /**
     * Reruns failed checks up to this many times; a check that passes on a rerun is reported as flaky, not
     * hidden. XML {@code <rerunFailingTestsCount>2</rerunFailingTestsCount>}; command line
     * {@code -Dapple-network.rerunFailingTestsCount=2}.
     */
    @Parameter(property = "apple-network.rerunFailingTestsCount", defaultValue = "0")
    private int rerunFailingTestsCount;

    /**
     * Fails the build when no check is selected, e.g. by a mistyped group (default true). XML
     * {@code <failIfNoTests>false</failIfNoTests>}; command line {@code -Dapple-network.failIfNoTests=false}.
     */
    @Parameter(property = "apple-network.failIfNoTests", defaultValue = "true")
    private boolean failIfNoTests;

    /**
     * A previous apple-network-results.json to compare with: the drift (new failures, fixed checks, verdict
     * changes, changed CNAME chains and certificate issuers, addresses that left Apple's ranges, latency that
     * doubled) is printed and written to apple-network-drift.json and .html. Command line
     * {@code -Dapple-network.baseline=last-week/apple-network-results.json}.
     */
    @Parameter(property = "apple-network.baseline")
    private File baseline;

    /**
     * With a baseline, fail the build only on checks that fail now and did not fail in the baseline: for sites
     * that carry known, accepted failures. Command line {@code -Dapple-network.failOnNewFailures}.
     */
    @Parameter(property = "apple-network.failOnNewFailures", defaultValue = "false")
    private boolean failOnNewFailures;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip || skipTests) {
            getLog().info("Apple network checks are skipped (" + (skip ? "apple-network.skip" : "skipTests") + ")");
            return;
        }
        ProxyChoice proxyChoice;
        try {
            proxyChoice = ProxyChoice.choose(proxy, pac, settingsProxies());
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException(RunGoal.printable(e.getMessage()));
        }
        Consumer<String> out = info();
        RunSettings settings;
        try {
            requireKnownKeys();
            settings = new RunSettings(RunSettings.expressions(groups), RunSettings.expressions(excludedGroups),
                    settings(proxyChoice), rerunFailingTestsCount);
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException(RunGoal.printable(e.getMessage()));
        }
        out.accept("Network: " + settings.settings().target().spelling() + "; proxy " + proxyChoice.display()
                + settings.settings().get(OrchardSettings.NON_PROXY_HOSTS).map(h -> "; direct for "
                        + String.join("|", h)).orElse(""));
        Path reports = GoalContext.reportsDirectory(reportsDirectory, project, session);
        Optional<RunReport> report = RunGoal.runReport(settings, reports, out);
        if (report.isEmpty()) {
            String message = "No Apple network check selected (groups=" + orNone(groups) + ", excludedGroups="
                    + orNone(excludedGroups) + "); expected tags such as a service id (mdm, icloud) or a check kind "
                    + "(dns, tcp, tls, udp)";
            if (failIfNoTests) {
                throw new MojoFailureException(message + ". Set -Dapple-network.failIfNoTests=false to allow it.");
            }
            getLog().warn(message);
            return;
        }
        Summary summary = report.get().summary();
        Optional<Drift> drift = BaselineDrift.compare(baseline, report.get(), reports, out);
        int failing = BaselineDrift.failing(summary.failed(), drift, failOnNewFailures, getLog()::warn);
        if (failing == 0 && summary.failed() > 0) {
            out.accept(summary.failed() + " checks failed, none of them new since the baseline "
                    + "(apple-network.failOnNewFailures)");
        }
        if (failing > 0) {
            String message = (failOnNewFailures && drift.isPresent()
                    ? failing + " Apple network checks failed that did not fail in the baseline"
                    : failing + " of " + summary.total() + " Apple network checks failed")
                    + "; see the failures by cause above and " + reports;
            if (testFailureIgnore) {
                getLog().warn(message + " (apple-network.testFailureIgnore)");
                return;
            }
            throw new MojoFailureException(message);
        }
    }

    private static String orNone(String value) {
        return value == null || value.isBlank() ? "(all)" : value;
    }
}
