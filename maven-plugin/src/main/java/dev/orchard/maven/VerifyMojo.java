package dev.orchard.maven;

import dev.orchard.ConfigurationKeys;
import dev.orchard.report.Summary;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
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
public class VerifyMojo extends SelectingMojo {

    /**
     * Per-check timeout: {@code 5s}, {@code 1500ms} or a number of seconds. XML {@code <timeout>3s</timeout>};
     * command line {@code -Dapple-network.timeout=3s}.
     */
    @Parameter(property = "apple-network.timeout")
    private String timeout;

    /**
     * How many checks run at once (default 64, at most 4 per host). XML {@code <parallelism>16</parallelism>};
     * command line {@code -Dapple-network.parallelism=16}.
     */
    @Parameter(property = "apple-network.parallelism")
    private String parallelism;

    /**
     * The HTTP proxy the checks go through, {@code http://[user:password@]host:port}, or {@code none} to ignore
     * the active proxy of settings.xml, which is used by default. XML
     * {@code <proxy>http://proxy.corp:3128</proxy>}; command line {@code -Dapple-network.proxy=none}.
     */
    @Parameter(property = "apple-network.proxy")
    private String proxy;

    /**
     * DNS servers, {@code ip[:port]}, comma separated; the system resolver when unset. XML
     * {@code <dnsServers>10.0.0.53</dnsServers>}; command line {@code -Dapple-network.dnsServers=10.0.0.53}.
     */
    @Parameter(property = "apple-network.dnsServers")
    private String dnsServers;

    /**
     * A PEM file whose certificates replace the default trust anchors (JDK roots plus Apple's). XML
     * {@code <trustAnchors>certs/roots.pem</trustAnchors>}; command line
     * {@code -Dapple-network.trustAnchors=certs/roots.pem}.
     */
    @Parameter(property = "apple-network.trustAnchors")
    private String trustAnchors;

    /**
     * Connect-to overrides in curl's {@code HOST:PORT:ADDR:PORT} form, comma separated. XML
     * {@code <connectTo>gdmf.apple.com:443:10.1.2.3:443</connectTo>}; command line
     * {@code -Dapple-network.connectTo=gdmf.apple.com:443:10.1.2.3:443}.
     */
    @Parameter(property = "apple-network.connectTo")
    private String connectTo;

    /**
     * The IP families checked apart where a host and this machine have both: {@code ipv4,ipv6} (default) runs each
     * port check once per family ({@code … tcp 443 (IPv6)}, tags {@code ipv4}/{@code ipv6}); {@code ipv4} or
     * {@code ipv6} only that family's half. XML {@code <ipFamilies>ipv4</ipFamilies>}; command line
     * {@code -Dapple-network.ipFamilies=ipv4}. To skip the IPv6 half, {@code -DexcludedGroups=ipv6} works too.
     */
    @Parameter(property = "apple-network.ipFamilies")
    private String ipFamilies;

    /**
     * Where apple-network-results.json, TEST-apple-network.*.xml and index.html go; default
     * {@code ${project.build.directory}/apple-network-reports}, or {@code ./apple-network-reports} without a
     * project. XML {@code <reportsDirectory>target/net</reportsDirectory>}; command line
     * {@code -Dapple-network.reportsDirectory=target/net}.
     */
    @Parameter(property = "apple-network.reportsDirectory")
    private File reportsDirectory;

    /** Skips the checks. XML {@code <skip>true</skip>}; command line {@code -Dapple-network.skip}. */
    @Parameter(property = "apple-network.skip", defaultValue = "false")
    private boolean skip;

    /** Maven's {@code -DskipTests} skips the checks too. */
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
    private String rerunFailingTestsCount;

    /**
     * Fails the build when no check is selected, e.g. by a mistyped group (default true). XML
     * {@code <failIfNoTests>false</failIfNoTests>}; command line {@code -Dapple-network.failIfNoTests=false}.
     */
    @Parameter(property = "apple-network.failIfNoTests", defaultValue = "true")
    private boolean failIfNoTests;

    /**
     * Advanced: {@code real} (default) checks this network; {@code lab} a simulated healthy network on loopback,
     * {@code branch-office} a simulated broken one. For the plugin's own tests and demos. Command line
     * {@code -Dapple-network.target=lab}.
     */
    @Parameter(property = "apple-network.target", defaultValue = "real")
    private String target;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip || skipTests) {
            getLog().info("Apple network checks are skipped (" + (skip ? "apple-network.skip" : "skipTests") + ")");
            return;
        }
        ProxyChoice proxyChoice = ProxyChoice.choose(proxy,
                session == null ? List.of() : session.getSettings().getProxies());
        Redaction redaction = proxyChoice.redaction();
        Consumer<String> out = line -> getLog().info(redaction.apply(line));
        RunSettings settings;
        try {
            settings = new RunSettings(RunSettings.expressions(groups), RunSettings.expressions(excludedGroups),
                    new NetworkParameters(GoalContext.baseDirectory(project, session))
                            .put(ConfigurationKeys.TIMEOUT, timeout)
                            .put(ConfigurationKeys.PARALLELISM, parallelism)
                            .put(ConfigurationKeys.PROXY, proxyChoice.value().orElse(null))
                            .put(ConfigurationKeys.NON_PROXY_HOSTS, proxyChoice.nonProxyHosts().orElse(null))
                            .put(ConfigurationKeys.DNS_SERVERS, dnsServers)
                            .trustAnchors(trustAnchors)
                            .put(ConfigurationKeys.CONNECT_TO, connectTo)
                            .catalogs(catalogs)
                            .put(ConfigurationKeys.TARGET, target)
                            .put(ConfigurationKeys.IP_FAMILIES, ipFamilies)
                            .map(),
                    GoalContext.reruns(rerunFailingTestsCount));
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException(redaction.apply(e.getMessage()));
        }
        out.accept("Network: " + settings.parameter(ConfigurationKeys.TARGET).orElse("real") + "; proxy "
                + proxyChoice.display() + proxyChoice.nonProxyHosts().map(h -> "; direct for " + h).orElse(""));
        Path reports = GoalContext.reportsDirectory(reportsDirectory, project, session);
        Optional<Summary> summary = RunGoal.run(settings, reports, out, redaction);
        if (summary.isEmpty()) {
            String message = "No Apple network check selected (groups=" + orNone(groups) + ", excludedGroups="
                    + orNone(excludedGroups) + "); expected tags such as a service id (mdm, icloud) or a check kind "
                    + "(dns, tcp, tls, udp)";
            if (failIfNoTests) {
                throw new MojoFailureException(message + ". Set -Dapple-network.failIfNoTests=false to allow it.");
            }
            getLog().warn(message);
            return;
        }
        if (summary.get().failed() > 0) {
            String message = summary.get().failed() + " of " + summary.get().total()
                    + " Apple network checks failed; see the failures by cause above and " + reports;
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
