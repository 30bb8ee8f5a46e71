package dev.orchard.spi;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathResource;

import dev.orchard.catalog.Catalog;
import dev.orchard.junit.NetworkTest;
import dev.orchard.probe.Network;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineDiscoveryResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * The framework alone carries no simulated network (orchard-lab is not on this module's class path): a simulated
 * target fails before any check runs, saying which artifact to add, and nothing falls back to the real network.
 */
class WithoutLabTest {

    private static final String ADD_THE_LAB = "add the dependency dev.orchard:orchard-lab";

    @Test
    void noSimulatorIsFound() {
        assertThat(NetworkSimulator.find().isPresent(), is(false));
    }

    @Test
    void theEngineRejectsALabRunAtDiscoveryNamingTheArtifact() {
        EngineDiscoveryResults results = EngineTestKit.engine("apple-network")
                .configurationParameter("apple-network.target", "branch-office")
                .selectors(selectClasspathResource(Catalog.BUNDLED_RESOURCE)).discover();
        List<String> issues = results.getDiscoveryIssues().stream().map(DiscoveryIssue::message).toList();
        assertThat(issues, contains(containsString("apple-network.target=branch-office runs the checks against the "
                + "simulated network, which is not on the class path: " + ADD_THE_LAB)));
        assertThat(results.getEngineDescriptor().getChildren(), is(empty()));
    }

    @Test
    void aLabNetworkTestFailsNamingTheArtifact() {
        List<String> failures = EngineTestKit.engine("junit-jupiter").selectors(selectClass(LabCase.class)).execute()
                .testEvents().failed().stream().map(Event::getPayload)
                .map(p -> p.flatMap(r -> ((TestExecutionResult) r).getThrowable()).map(Throwable::getMessage)
                        .orElse("?"))
                .toList();
        assertThat(failures, contains(containsString("@NetworkTest cannot create the network: "
                + "apple-network.target=lab runs the checks against the simulated network")));
        assertThat(failures.get(0), containsString(ADD_THE_LAB));
    }

    @NetworkTest(lab = true)
    static class LabCase {

        @Test
        void needsTheLab(Network net) {
            throw new AssertionError("must not run without the lab: " + net);
        }
    }
}
