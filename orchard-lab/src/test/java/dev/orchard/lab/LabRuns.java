package dev.orchard.lab;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathResource;

import dev.orchard.ConfigurationKeys;
import dev.orchard.catalog.Catalog;
import dev.orchard.engine.AppleNetworkTestEngine;
import dev.orchard.report.ResultsFile;
import java.nio.file.Path;
import java.util.List;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Real runs of Apple's list against the lab on loopback, through the launcher, so the auto-registered results
 * listener writes the reports exactly as a Surefire run would. Tests that need the broken branch office share
 * {@link BranchOfficeRun}'s single run instead of starting their own.
 */
public final class LabRuns {

    /**
     * Long enough that a loaded machine's slow handshakes do not pass as faults: these runs have no reruns, so the
     * margin is in the timeout. The slowest healthy check of a cold branch office run on a busy 2-core machine took
     * about 2 s; 10 s leaves five times that. It costs wall time only where the network drops packets, and there one
     * timeout for the whole run (the dropped checks wait side by side, their dependents are skipped), paid once per
     * test JVM since {@link BranchOfficeRun} shares its run; 5 s would save 5 s once and leave a margin of 2.5.
     */
    static final String TIMEOUT = "10s";

    private LabRuns() {
    }

    /**
     * Runs the bundled catalog against {@code target} at {@code site}, only the checks tagged with one of
     * {@code tags} (all checks when empty), and writes the reports to {@code dir}; {@code listeners} see the run's
     * events besides the auto-registered ones.
     *
     * @return the results file in {@code dir}
     */
    public static Path run(String target, String site, Path dir, List<String> tags,
            TestExecutionListener... listeners) {
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClasspathResource(Catalog.BUNDLED_RESOURCE))
                .filters(EngineFilter.includeEngines(AppleNetworkTestEngine.ENGINE_ID))
                .configurationParameter(ConfigurationKeys.TARGET, target)
                .configurationParameter(ConfigurationKeys.TIMEOUT, TIMEOUT)
                .configurationParameter(ConfigurationKeys.SITE, site)
                .configurationParameter(ConfigurationKeys.REPORTS_DIRECTORY, dir.toString())
                .enableImplicitConfigurationParameters(false);
        if (!tags.isEmpty()) {
            request.filters(TagFilter.includeTags(tags));
        }
        LauncherFactory.create().execute(request.build(), listeners);
        return dir.resolve(ResultsFile.FILE_NAME);
    }
}
