package dev.orchard.engine;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathResource;

import dev.orchard.catalog.Catalog;
import dev.orchard.lab.BranchOfficeRun;
import dev.orchard.probe.CheckPlanner;
import dev.orchard.probe.Deadline;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * The engine against the lab's networks. The whole catalog runs against the healthy lab once per build, in
 * catalog-tests (its default execution, checked by SuiteReportsIT), and against the branch office once per test JVM
 * of this module, in {@link BranchOfficeRun}, which the change request, drift and metrics tests share: the branch
 * office test asserts on the events that run's launcher reported, since the point there is the whole catalog (each
 * injected fault and nothing else). The other tests run small parts of the catalog with EngineTestKit.
 */
class EngineLabRunTest {

    @Test
    void oneServicePassesAgainstAHealthyLab() {
        EngineExecutionResults results = runBundledCatalog("lab", "5s", "mdm");
        List<String> failures = results.testEvents().failed().stream().map(EngineLabRunTest::describe).toList();
        assertThat(failures, is(empty()));
        assertThat(results.testEvents().skipped().count(), is(0L));
        long planned = Catalog.bundled().service("mdm").endpoints().stream()
                .flatMap(e -> e.probeHosts().stream().map(p -> CheckPlanner.checks(e, p.host()).size()))
                .mapToLong(Integer::longValue).sum();
        assertThat(planned, greaterThan(10L));
        assertThat(results.testEvents().succeeded().count(), is(planned));
    }

    @Test
    void branchOfficeShowsEachInjectedFaultAndNothingElse() {
        BranchOfficeRun run = BranchOfficeRun.get();
        Set<String> failed = run.failed().stream().map(BranchOfficeRun.Check::verdict)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(failed, is(new TreeSet<>(Set.of(
                "device-setup time.apple.com ntp 123/udp UDP_NO_RESPONSE",
                "mdm 1-courier.push.apple.com tcp 5223 TCP_TIMEOUT",
                "mdm 1-courier.push.apple.com tcp 2197 TCP_TIMEOUT",
                "mdm 21-courier.push.apple.com tcp 5223 TCP_TIMEOUT",
                "mdm 21-courier.push.apple.com tcp 2197 TCP_TIMEOUT",
                "mdm iprofiles.apple.com tcp 443 PROXY_DENIED",
                "mdm deviceenrollment.apple.com tcp 443 PROXY_DENIED",
                "business-school-manager idmsa.apple.com tls 443/tcp TLS_INTERCEPTED",
                "apple-account idmsa.apple.com tls 443/tcp TLS_INTERCEPTED",
                "apps gateway.icloud.com tls 443/tcp TLS_INTERCEPTED",
                "icloud gateway.icloud.com tls 443/tcp TLS_INTERCEPTED",
                "icloud cvws.icloud-content.com dns DNS_NXDOMAIN",
                "apple-intelligence api.smoot.apple.com dns DNS_SINKHOLE"))));
        assertThat(run.aborted(), is(empty()));
        List<String> skipped = run.skipped().stream().map(BranchOfficeRun.Check::message).toList();
        assertThat(skipped, hasItem("skipped: DNS for cvws.icloud-content.com failed (DNS_NXDOMAIN)"));
        assertThat(skipped, hasItem("skipped: tcp 5223 to 1-courier.push.apple.com failed (TCP_TIMEOUT)"));
        // cvws.icloud-content.com: tcp, tls and (UDP since 2026-01) quic 443; the couriers: tls 5223 and 2197 each;
        // deviceenrollment.apple.com: tls 443 after the PAC mistake's denied tcp 443
        assertThat(skipped.size(), is(11));
        String pacMistake = run.failed().stream().map(BranchOfficeRun.Check::describe)
                .filter(m -> m.contains("deviceenrollment.apple.com")).findFirst().orElseThrow();
        assertThat(pacMistake, containsString("the PAC sends deviceenrollment.apple.com through PROXY 127.0.0.1:"));
        assertThat(pacMistake, containsString("but Apple says deviceenrollment.apple.com does not work through proxies;"
                + " return DIRECT for it"));
        String intercepted = run.failed().stream().map(BranchOfficeRun.Check::describe)
                .filter(m -> m.contains("gateway.icloud.com") && m.contains("TLS_INTERCEPTED")).findFirst()
                .orElseThrow();
        assertThat(intercepted, containsString("Palo Alto Networks"));
    }

    @Test
    void servicesBehindAFirewallThatDropsEverythingEndInAboutOneTimeout() {
        // one timeout for the dropped connects, plus the run's own overhead; deliberately generous on a 2-core box
        EngineExecutionResults results = Deadline.endsBefore(Duration.ofSeconds(2 * 3 + 4),
                () -> runBundledCatalog("blackhole", "3s", "mdm", "device-setup"));
        Set<String> verdicts = results.testEvents().failed().stream().map(EngineLabRunTest::verdictOf)
                .map(v -> v.substring(v.lastIndexOf(' ') + 1)).collect(Collectors.toCollection(TreeSet::new));
        assertThat(verdicts, is(new TreeSet<>(Set.of("TCP_TIMEOUT", "UDP_NO_RESPONSE"))));
        assertThat("the DNS checks pass", results.testEvents().succeeded().count(), greaterThan(10L));
    }

    private static String verdictOf(Event event) {
        CheckDescriptor check = (CheckDescriptor) event.getTestDescriptor();
        String verdict = event.getPayload(TestExecutionResult.class).flatMap(TestExecutionResult::getThrowable)
                .map(Throwable::getMessage).map(m -> m.substring(0, m.indexOf(':'))).orElse("?");
        return check.target().endpoint().service() + " " + check.target().host() + " "
                + check.target().check().displayName() + " " + verdict;
    }

    /** The bundled catalog (only the checks of these tags, if any) against one of the lab's targets. */
    private static EngineExecutionResults runBundledCatalog(String target, String timeout, String... tags) {
        EngineTestKit.Builder engine = EngineTestKit.engine("apple-network")
                .configurationParameter("apple-network.target", target)
                .configurationParameter("apple-network.timeout", timeout)
                .selectors(selectClasspathResource(Catalog.BUNDLED_RESOURCE));
        if (tags.length > 0) {
            engine = engine.filters(TagFilter.includeTags(tags));
        }
        return engine.execute();
    }

    static String describe(Event event) {
        return event.getTestDescriptor().getUniqueId() + " -> " + event.getPayload(TestExecutionResult.class)
                .flatMap(TestExecutionResult::getThrowable).map(Throwable::getMessage).orElse("?");
    }
}
