package dev.orchard.sites;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathResource;

import dev.orchard.ConfigurationKeys;
import dev.orchard.catalog.Catalog;
import dev.orchard.engine.AppleNetworkTestEngine;
import dev.orchard.report.ResultsFile;
import java.nio.file.Path;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Real runs of Apple's whole list against the lab on loopback, through the launcher, so the auto-registered
 * results listener writes the reports exactly as a Surefire run would.
 */
final class LabRuns {

    private LabRuns() {
    }

    /**
     * Runs the bundled catalog against {@code target} at {@code site}; a 10 s timeout keeps a loaded machine's slow
     * handshakes from passing as faults.
     */
    static Path run(String target, String site, Path dir) {
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClasspathResource(Catalog.BUNDLED_RESOURCE))
                .filters(EngineFilter.includeEngines(AppleNetworkTestEngine.ENGINE_ID))
                .configurationParameter(ConfigurationKeys.TARGET, target)
                .configurationParameter(ConfigurationKeys.TIMEOUT, "10s")
                .configurationParameter(ConfigurationKeys.SITE, site)
                .configurationParameter(ConfigurationKeys.REPORTS_DIRECTORY, dir.toString())
                .enableImplicitConfigurationParameters(false)
                .build());
        return dir.resolve(ResultsFile.FILE_NAME);
    }
}
