package dev.orchard.engine;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathResource;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.testkit.engine.EngineDiscoveryResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/** With apple-network.pac set, the plan holds one pac check of its own, tagged pac, beside the catalog's rows. */
class EnginePacDiscoveryTest {

    @Test
    void thePacGetsOneCheckOfItsOwn() {
        // the lab checks IPv4 only, so names do not depend on whether this machine has IPv6
        EngineDiscoveryResults results = discoverWithPac("apple-network.target", "lab");
        assertThat(results.getDiscoveryIssues().toString(), results.getDiscoveryIssues().isEmpty(), is(true));
        List<TestDescriptor> pacChecks = results.getEngineDescriptor().getDescendants().stream()
                .filter(d -> d.isTest() && d.getTags().stream().anyMatch(t -> t.getName().equals("pac")))
                .map(d -> (TestDescriptor) d).toList();
        assertThat(pacChecks.size(), is(1));
        assertThat(pacChecks.get(0).getDisplayName(), is("wpad.corp.example pac"));
        assertThat(pacChecks.get(0).getUniqueId().toString(), org.hamcrest.Matchers.containsString(
                "[service:proxy-auto-config]"));
        List<String> names = results.getEngineDescriptor().getDescendants().stream()
                .map(TestDescriptor::getDisplayName).toList();
        assertThat(names, hasItem("gdmf.apple.com tls 443/tcp"));
    }

    @Test
    void aPacWithAProxyIsRejectedAtDiscovery() {
        EngineDiscoveryResults results = discoverWithPac("apple-network.proxy", "http://proxy.corp.example:3128");
        assertThat(results.getDiscoveryIssues().get(0).message(), org.hamcrest.Matchers.startsWith(
                "apple-network.pac and apple-network.proxy are both set"));
        assertThat(results.getEngineDescriptor().getChildren().isEmpty(), is(true));
    }

    /** Discovers the bundled catalog with a PAC URL and one more key. */
    private static EngineDiscoveryResults discoverWithPac(String key, String value) {
        return EngineTestKit.engine(AppleNetworkTestEngine.ENGINE_ID)
                .selectors(selectClasspathResource("dev/orchard/catalog/apple-enterprise-networks.yaml"))
                .configurationParameter("apple-network.pac", "http://wpad.corp.example/proxy.pac")
                .configurationParameter(key, value)
                .discover();
    }
}
