package dev.orchard.engine;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathResource;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.testkit.engine.EngineDiscoveryResults;
import org.junit.platform.testkit.engine.EngineTestKit;

class EngineDiscoveryTest {

    private static final String FIXTURE = "fixtures/small-catalog.yaml";

    @AppleNetworkCatalog(value = "classpath:" + FIXTURE, bundled = false)
    static class FixtureMarker {
    }

    /**
     * Discovered for the lab, which serves IPv4 only, so that names do not depend on whether this machine has
     * IPv6 (discovery never starts the lab or sends anything).
     */
    private static EngineDiscoveryResults discover(EngineTestKit.Builder builder) {
        return builder.configurationParameter("apple-network.target", "lab").discover();
    }

    private static List<TestDescriptor> tests(TestDescriptor root) {
        return root.getDescendants().stream().filter(TestDescriptor::isTest).map(d -> (TestDescriptor) d).toList();
    }

    @Test
    void treeIsServiceEndpointCheckWithTheCatalogInEveryUniqueId() {
        TestDescriptor root = discover(EngineTestKit.engine("apple-network")
                .selectors(selectClasspathResource(FIXTURE))).getEngineDescriptor();
        List<String> services = root.getChildren().stream().map(TestDescriptor::getDisplayName).toList();
        assertThat(services, is(List.of("Device management (mdm)", "Device setup (device-setup)")));
        TestDescriptor mdm = root.getChildren().iterator().next();
        assertThat(mdm.getUniqueId(), is(root.getUniqueId().append("catalog", "classpath:" + FIXTURE)
                .append("service", "mdm")));
        List<String> endpoints = mdm.getChildren().stream().map(TestDescriptor::getDisplayName).toList();
        assertThat(endpoints, is(List.of("*.push.apple.com → 1-courier.push.apple.com",
                "*.push.apple.com → 5-courier.push.apple.com", "gdmf.apple.com")));
        TestDescriptor courier = mdm.getChildren().iterator().next();
        List<String> checks = courier.getChildren().stream().map(TestDescriptor::getDisplayName).toList();
        assertThat(checks, is(List.of("1-courier.push.apple.com dns", "1-courier.push.apple.com tcp 443",
                "1-courier.push.apple.com tls 443/tcp", "1-courier.push.apple.com tcp 5223",
                "1-courier.push.apple.com tls 5223/tcp")));
        // 2 couriers x 5 + gdmf 3 + time 2 (dns, ntp) + captive 6 (dns, tcp 443, tls 443, tcp 80, http 80)
        assertThat(tests(root).size(), is(10 + 3 + 2 + 5));
    }

    /**
     * What Surefire's JUnit Platform provider needs for self-consistent reports: the engine's children are the only
     * class-source containers, named {@code apple-network.<service id>} as source and legacy reporting name, and
     * no two tests of one service share a name (Surefire merges tests by class and name).
     */
    @Test
    void eachServiceIsOneSurefireTestSetOfDistinctlyNamedChecks() {
        TestDescriptor root = discover(EngineTestKit.engine("apple-network")
                .selectors(selectClass(BundledMarker.class))).getEngineDescriptor();
        assertThat(root.getChildren().size(), greaterThan(15));
        for (TestDescriptor service : root.getChildren()) {
            String id = service.getUniqueId().getLastSegment().getValue();
            assertThat(service.getSource().orElseThrow(), is(ClassSource.from("apple-network." + id)));
            assertThat(service.getLegacyReportingName(), is("apple-network." + id));
            List<TestDescriptor> descendants = List.copyOf(service.getDescendants());
            assertThat(descendants.stream().anyMatch(d -> d.getSource().filter(ClassSource.class::isInstance)
                    .isPresent()), is(false));
            List<String> names = descendants.stream().filter(TestDescriptor::isTest)
                    .map(TestDescriptor::getLegacyReportingName).toList();
            assertThat(service + " has duplicate test names", Set.copyOf(names).size(), is(names.size()));
        }
    }

    @AppleNetworkCatalog
    static class BundledMarker {
    }

    @Test
    void everyCheckCarriesRowTagsAndItsKind() {
        TestDescriptor root = discover(EngineTestKit.engine("apple-network")
                .selectors(selectClasspathResource(FIXTURE))).getEngineDescriptor();
        for (TestDescriptor test : tests(root)) {
            Set<String> tags = test.getTags().stream().map(TestTag::getName).collect(Collectors.toSet());
            String kind = test.getDisplayName().split(" ")[1];
            assertThat(test.getUniqueId() + " tags " + tags, tags.contains(kind), is(true));
        }
        TestDescriptor ntp = tests(root).stream().filter(t -> t.getDisplayName().equals("time.apple.com ntp 123/udp")).findFirst()
                .orElseThrow();
        assertThat(ntp.getTags().stream().map(TestTag::getName).toList(),
                hasItems("device-setup", "ios", "direct-only", "ntp", "udp"));
        TestDescriptor push = tests(root).stream().filter(t -> t.getDisplayName().equals("1-courier.push.apple.com tcp 5223")).findFirst()
                .orElseThrow();
        assertThat(push.getTags().stream().map(TestTag::getName).toList(),
                hasItems("mdm", "push", "proxy-capable", "macos", "tcp"));
    }

    @Test
    void markerClassIsReachedByClassSelectorAndNamesTheCatalogInUniqueIds() {
        TestDescriptor root = discover(EngineTestKit.engine("apple-network")
                .selectors(selectClass(FixtureMarker.class))).getEngineDescriptor();
        TestDescriptor service = root.getChildren().iterator().next();
        assertThat(service.getUniqueId().getSegments().get(1).getValue(),
                is("class:" + FixtureMarker.class.getName()));
        assertThat(tests(root).size(), is(20));
        tests(root).forEach(t -> assertThat(t.getSource().orElseThrow().toString(), containsString(FIXTURE)));
    }

    @Test
    void tagExpressionsSelectExactlyTheMatchingChecks() {
        assertThat(countWithTags("mdm"), is(13));
        assertThat(countWithTags("mdm & tls"), is(5));
        assertThat(countWithTags("udp"), is(1));
        assertThat(countWithTags("!udp"), is(19));
        assertThat(countWithTags("push & !tls"), is(6));
        assertThat(countWithTags("ios | macos"), is(20));
    }

    private int countWithTags(String expression) {
        TestDescriptor root = discover(EngineTestKit.engine("apple-network")
                .selectors(selectClasspathResource(FIXTURE))
                .filters(TagFilter.includeTags(expression))).getEngineDescriptor();
        return tests(root).size();
    }

    @Test
    void uniqueIdSelectsOneCheckForReruns() {
        TestDescriptor full = discover(EngineTestKit.engine("apple-network")
                .selectors(selectClasspathResource(FIXTURE))).getEngineDescriptor();
        TestDescriptor ntp = tests(full).stream().filter(t -> t.getDisplayName().equals("time.apple.com ntp 123/udp")).findFirst()
                .orElseThrow();
        TestDescriptor again = discover(EngineTestKit.engine("apple-network")
                .selectors(selectUniqueId(ntp.getUniqueId()))).getEngineDescriptor();
        assertThat(tests(again).size(), is(1));
        assertThat(tests(again).get(0).getUniqueId(), is(ntp.getUniqueId()));
    }

    @Test
    void badConfigurationValueIsADiscoveryErrorNamingTheKey() {
        EngineDiscoveryResults results = discover(EngineTestKit.engine("apple-network")
                .configurationParameter("apple-network.timeout", "fast")
                .selectors(selectClasspathResource(FIXTURE)));
        List<String> messages = results.getDiscoveryIssues().stream().map(DiscoveryIssue::message).toList();
        assertThat(messages, hasItem(containsString("apple-network.timeout")));
        assertThat(tests(results.getEngineDescriptor()).size(), is(0));
    }

    @Test
    void badCatalogIsADiscoveryErrorNamingFileAndLine() {
        EngineDiscoveryResults results = discover(EngineTestKit.engine("apple-network")
                .selectors(selectClasspathResource("fixtures/bad-catalog.yaml")));
        List<String> messages = results.getDiscoveryIssues().stream().map(DiscoveryIssue::message).toList();
        assertThat(messages, hasItem(containsString("fixtures/bad-catalog.yaml:9: ports: port 70000 is out of range")));
        assertThat(messages, everyItem(org.hamcrest.Matchers.not(containsString("Exception"))));
    }

    /** One key picks the bundled revision; the unique ids stay the bundled resource's, so reruns still find them. */
    @Test
    void theRevisionKeySelectsABundledRevision() {
        String bundled = dev.orchard.catalog.Catalog.BUNDLED_RESOURCE;
        EngineDiscoveryResults current = discover(EngineTestKit.engine("apple-network")
                .selectors(selectClasspathResource(bundled)));
        EngineDiscoveryResults older = discover(EngineTestKit.engine("apple-network")
                .configurationParameter("apple-network.revision", "2024-11")
                .selectors(selectClasspathResource(bundled)));
        assertThat(tests(current.getEngineDescriptor()).size(), is(510));
        assertThat(tests(older.getEngineDescriptor()).size(), is(476));
        assertThat(older.getEngineDescriptor().getChildren().iterator().next().getUniqueId(),
                is(current.getEngineDescriptor().getChildren().iterator().next().getUniqueId()));

        EngineDiscoveryResults bad = discover(EngineTestKit.engine("apple-network")
                .configurationParameter("apple-network.revision", "2025-01")
                .selectors(selectClasspathResource(bundled)));
        assertThat(bad.getDiscoveryIssues().stream().map(DiscoveryIssue::message).toList(), hasItem(
                "apple-network.revision: '2025-01' is not a bundled revision; expected 2026-08 (default) or 2024-11"));
        assertThat(tests(bad.getEngineDescriptor()).size(), is(0));
    }
}
