package dev.orchard.engine;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathResource;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestTag;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.testkit.engine.EngineDiscoveryResults;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * The engine's tests per IP family: discovery only where it would reach the real network (connect-to overrides of
 * both families make this machine's routes certain, and nothing is sent), execution only against the lab.
 */
class EngineFamiliesTest {

    private static final String FIXTURE = "fixtures/small-catalog.yaml";
    /** Overrides of both families: discovery then splits every port check, whatever this machine's routes. */
    private static final String BOTH = ":443:127.0.0.1:9,:443:[::1]:9";

    private static EngineTestKit.Builder engine() {
        return EngineTestKit.engine("apple-network").selectors(selectClasspathResource(FIXTURE))
                .configurationParameter("apple-network.connectTo", BOTH);
    }

    private static List<TestDescriptor> tests(TestDescriptor root) {
        return root.getDescendants().stream().filter(TestDescriptor::isTest).map(d -> (TestDescriptor) d).toList();
    }

    private static Set<String> tags(TestDescriptor test) {
        return test.getTags().stream().map(TestTag::getName).collect(Collectors.toSet());
    }

    @Test
    void everyPortCheckBecomesOneTestPerFamilyWithItsTagNameAndId() {
        List<TestDescriptor> tests = tests(engine().discover().getEngineDescriptor());
        List<TestDescriptor> dns = tests.stream().filter(t -> tags(t).contains("dns")).toList();
        List<TestDescriptor> v4 = tests.stream().filter(t -> tags(t).contains("ipv4")).toList();
        List<TestDescriptor> v6 = tests.stream().filter(t -> tags(t).contains("ipv6")).toList();
        int single = tests(EngineTestKit.engine("apple-network").selectors(selectClasspathResource(FIXTURE))
                .configurationParameter("apple-network.target", "lab").discover().getEngineDescriptor()).size();

        assertThat(v4.size(), is(single - dns.size()));
        assertThat(v6.size(), is(v4.size()));
        assertThat(tests.size(), is(dns.size() + 2 * v4.size()));
        assertThat(v6.stream().map(TestDescriptor::getDisplayName).toList(), everyItem(endsWith(" (IPv6)")));
        assertThat(v4.stream().map(TestDescriptor::getDisplayName).toList(), everyItem(endsWith(" (IPv4)")));
        assertThat(v6.stream().map(t -> t.getUniqueId().getLastSegment().getValue()).toList(),
                everyItem(endsWith("-ipv6")));
        assertThat("the IPv4 half keeps its id", v4.stream().map(t -> t.getUniqueId().getLastSegment().getValue())
                .toList(), everyItem(not(containsString("ipv"))));
        assertThat(tests.stream().map(TestDescriptor::getDisplayName).toList(),
                hasItem("time.apple.com ntp 123/udp (IPv6)"));
    }

    @Test
    void excludingTheIpv6TagSkipsTheIpv6Half() {
        List<TestDescriptor> all = tests(engine().discover().getEngineDescriptor());
        List<TestDescriptor> kept = tests(engine().filters(TagFilter.excludeTags("ipv6")).discover()
                .getEngineDescriptor());
        assertThat(kept.size(), is(all.size() - (int) all.stream().filter(t -> tags(t).contains("ipv6")).count()));
        assertThat(kept.stream().map(TestDescriptor::getDisplayName).toList(), everyItem(not(endsWith("(IPv6)"))));
    }

    @Test
    void aRerunByUniqueIdFindsTheIpv6Half() {
        TestDescriptor v6 = tests(engine().discover().getEngineDescriptor()).stream()
                .filter(t -> t.getDisplayName().equals("time.apple.com ntp 123/udp (IPv6)")).findFirst().orElseThrow();
        List<TestDescriptor> again = tests(EngineTestKit.engine("apple-network")
                .configurationParameter("apple-network.connectTo", BOTH).selectors(selectUniqueId(v6.getUniqueId()))
                .discover().getEngineDescriptor());
        assertThat(again.size(), is(1));
        assertThat(again.get(0).getUniqueId(), is(v6.getUniqueId()));
    }

    @Test
    void aBadFamilyListIsADiscoveryErrorNamingTheKey() {
        EngineDiscoveryResults results = engine().configurationParameter("apple-network.ipFamilies", "ipv4,ip6")
                .discover();
        List<String> messages = results.getDiscoveryIssues().stream().map(DiscoveryIssue::message).toList();
        assertThat(messages, hasItem(containsString("apple-network.ipFamilies: 'ipv4,ip6'")));
        assertThat(tests(results.getEngineDescriptor()).size(), is(0));
    }

    @Test
    void ipv6AloneAgainstAnIpv4OnlyLabSkipsEveryPortCheckAndFailsNothing() {
        EngineTestKit.Builder lab = EngineTestKit.engine("apple-network")
                .selectors(selectClasspathResource(FIXTURE))
                .configurationParameter("apple-network.target", "lab")
                .configurationParameter("apple-network.ipFamilies", "ipv6")
                .configurationParameter("apple-network.timeout", "2s");
        List<TestDescriptor> planned = tests(lab.discover().getEngineDescriptor());
        long ipv6 = planned.stream().filter(t -> t.getDisplayName().endsWith(" (IPv6)")).count();
        assertThat(ipv6, is((long) planned.size() - planned.stream().filter(t -> tags(t).contains("dns")).count()));

        EngineExecutionResults results = lab.execute();

        results.testEvents().assertStatistics(stats -> stats.failed(0).skipped(ipv6)
                .succeeded(planned.size() - ipv6));
        assertThat(results.testEvents().skipped().stream().map(e -> e.getPayload(String.class).orElse(""))
                .toList(), everyItem(anyOf(containsString("to no IPv6 address, so there is no IPv6 path to check"),
                        containsString("was skipped (FAMILY_UNAVAILABLE)"))));
    }
}
