package dev.orchard.engine;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.in;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathResource;

import dev.orchard.catalog.Catalog;
import dev.orchard.catalog.Endpoint;
import dev.orchard.probe.CheckPlanner;
import dev.orchard.probe.CheckTarget;
import dev.orchard.report.CheckOutcome;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Two runs in one JVM at once (parallel Maven modules) each collect exactly their own checks: results travel in
 * each launcher's own report entries, not through anything the JVM shares.
 */
class ResultsCollectorTest {

    private static List<CheckOutcome> run(String tag) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClasspathResource(Catalog.BUNDLED_RESOURCE))
                .filters(EngineFilter.includeEngines("apple-network"), TagFilter.includeTags(tag))
                .configurationParameter("apple-network.target", "lab")
                .configurationParameter("apple-network.timeout", "5s")
                .enableImplicitConfigurationParameters(false)
                .build();
        ResultsCollector collector = new ResultsCollector();
        LauncherFactory.create().execute(request, collector);
        return List.copyOf(collector.outcomes().values());
    }

    private static int planned(String service) {
        return Catalog.bundled().service(service).endpoints().stream()
                .mapToInt(e -> e.probeHosts().stream()
                        .mapToInt(p -> CheckPlanner.checks(e, p.host()).size()).sum())
                .sum();
    }

    @Test
    void concurrentRunsKeepTheirResultsApart() {
        CompletableFuture<List<CheckOutcome>> mdm = CompletableFuture.supplyAsync(() -> run("mdm"));
        CompletableFuture<List<CheckOutcome>> icloud = CompletableFuture.supplyAsync(() -> run("icloud"));
        List<CheckOutcome> a = mdm.join();
        List<CheckOutcome> b = icloud.join();
        assertThat(a.size(), is(planned("mdm")));
        assertThat(b.size(), is(planned("icloud")));
        assertThat(a.size(), greaterThan(20));
        assertThat(a.stream().map(CheckOutcome::service).toList(), everyItem(is("mdm")));
        assertThat(b.stream().map(CheckOutcome::service).toList(), everyItem(is("icloud")));
        // The rows travel as report entries and arrive equal to the catalog's, location and all.
        assertThat(a.stream().map(CheckOutcome::target).toList(), everyItem(is(in(targets()))));
        assertThat(b.stream().map(CheckOutcome::target).toList(), everyItem(is(in(targets()))));
    }

    @Test
    void aHealthyLabPassesTheKnownAnswersAndEveryResultCarriesItsStart() {
        ResultsCollector collector = new ResultsCollector();
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClasspathResource(Catalog.BUNDLED_RESOURCE))
                .filters(EngineFilter.includeEngines("apple-network"), TagFilter.includeTags("certificate-validation"))
                .configurationParameter("apple-network.target", "lab")
                .configurationParameter("apple-network.timeout", "5s")
                .enableImplicitConfigurationParameters(false)
                .build(), collector);
        dev.orchard.report.RunReport report = collector.report().orElseThrow();
        assertThat(report.outcomes().size(), is(planned("certificate-validation")));
        assertThat(report.outcomes().stream().map(o -> o.target().host() + " " + o.target().check().displayName()
                + " " + o.result().verdict()).filter(line -> !line.endsWith(" OK")).toList(), is(List.of()));
        dev.orchard.report.ResultsFile file = dev.orchard.report.ResultsFile.from(report);
        for (dev.orchard.report.ResultsFile.Result result : file.results()) {
            assertThat(result.host() + " " + result.check(), result.startMs(), is(notNullValue()));
            assertThat(result.startMs() + result.durationMs(), lessThanOrEqualTo(file.durationMs() + 1));
        }
        assertThat(file.toJson(), containsString("\"startMs\""));
    }

    private static Set<CheckTarget> targets() {
        Set<CheckTarget> all = new HashSet<>();
        for (Endpoint e : Catalog.bundled().endpoints()) {
            e.probeHosts().forEach(p -> CheckPlanner.checks(e, p.host())
                    .forEach(check -> all.add(new CheckTarget(e, p.host(), check))));
        }
        return all;
    }
}
