package dev.orchard.engine;

import dev.orchard.config.OrchardSettings;
import dev.orchard.internal.Sanitizer;
import dev.orchard.probe.Evidence;
import dev.orchard.probe.FamilyPlan;
import dev.orchard.probe.IpFamily;
import dev.orchard.probe.ProbeResult;
import dev.orchard.probe.WarmUp;
import dev.orchard.spi.NetworkSimulator;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.apiguardian.api.API;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.DiscoveryIssue.Severity;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.hierarchical.HierarchicalTestEngine;

/**
 * The {@code apple-network} engine: every catalog row becomes tagged tests, so {@code -Dgroups=mdm} works under
 * Surefire, IDEs and the console launcher. Jupiter's dynamic tests cannot carry tags at discovery, hence an engine.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class AppleNetworkTestEngine extends HierarchicalTestEngine<EngineContext> {

    /** The engine id, as it appears in unique ids and in {@code includeEngines}. */
    public static final String ENGINE_ID = "apple-network";

    @Override
    public String getId() {
        return ENGINE_ID;
    }

    @Override
    public Optional<String> getGroupId() {
        return Optional.of("dev.orchard");
    }

    @Override
    public Optional<String> getArtifactId() {
        return Optional.of("orchard-framework");
    }

    @Override
    public TestDescriptor discover(EngineDiscoveryRequest request, UniqueId uniqueId) {
        // while discovery parses catalogs, a second thread loads what the first checks and results need
        WarmUp.startOnce(() -> ResultEntries.readResult(ResultEntries.result(ProbeResult.passed("warm-up",
                Duration.ZERO, Evidence.NONE))));
        EngineRootDescriptor root = new EngineRootDescriptor(uniqueId);
        OrchardSettings settings;
        FamilyPlan families;
        try {
            settings = OrchardSettings.from(request.getConfigurationParameters());
            Set<IpFamily> configured = settings.get(OrchardSettings.IP_FAMILIES).orElseThrow();
            families = settings.target().simulated() ? FamilyPlan.of(configured, Set.of(IpFamily.IPV4))
                    : FamilyPlan.forNetwork(configured, settings.get(OrchardSettings.CONNECT_TO).orElse(List.of()));
        } catch (IllegalArgumentException e) {
            return rejected(request, root, e.getMessage());
        }
        root.settings(settings);
        new CatalogDiscovery(request, root, settings, families).discover();
        if (!root.getChildren().isEmpty() && settings.target().simulated() && NetworkSimulator.find().isEmpty()) {
            return rejected(request, root, NetworkSimulator.missing(settings.target()));
        }
        return root;
    }

    /** A bad setting fails discovery with its message (which may quote the value), and nothing runs. */
    private static TestDescriptor rejected(EngineDiscoveryRequest request, EngineRootDescriptor root, String message) {
        request.getDiscoveryListener().issueEncountered(root.getUniqueId(),
                DiscoveryIssue.create(Severity.ERROR, Sanitizer.cleanLines(message, Sanitizer.LINE)));
        List.copyOf(root.getChildren()).forEach(root::removeChild);
        return root;
    }

    @Override
    protected EngineContext createExecutionContext(ExecutionRequest request) {
        OrchardSettings settings = request.getRootTestDescriptor() instanceof EngineRootDescriptor root
                && root.settings() != null ? root.settings()
                : OrchardSettings.from(request.getConfigurationParameters());
        Supplier<NetworkFactory.Session> network = () -> NetworkFactory.create(settings,
                request.getRootTestDescriptor());
        return new EngineContext(network, request.getEngineExecutionListener());
    }
}
