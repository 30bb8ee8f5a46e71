package dev.orchard.maven;

import dev.orchard.catalog.Catalog;
import dev.orchard.catalog.Endpoint;
import dev.orchard.catalog.ProbeHost;
import dev.orchard.engine.CheckIds;
import dev.orchard.probe.Check;
import dev.orchard.probe.CheckPlanner;
import dev.orchard.probe.CheckTarget;
import dev.orchard.probe.IpFamily;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * The checks a discovered test plan will run, as {@link CheckTarget}s: the console plan and the catalog listing
 * need the rows behind the tests, which JUnit's identifiers do not carry. Tests are matched to the catalog's
 * checks by the service, endpoint and check segments of their unique ids ({@link CheckIds}), never by names.
 */
final class PlannedChecks {

    private static final List<IpFamily> FAMILIES = java.util.Arrays.asList(null, IpFamily.IPV4, IpFamily.IPV6);

    private PlannedChecks() {
    }

    /** Each test of the plan by unique id, in plan order, with the check it runs. */
    static Map<String, CheckTarget> of(TestPlan plan, Catalog catalog) {
        Map<CheckIds, CheckTarget> known = new HashMap<>();
        for (Endpoint endpoint : catalog.endpoints()) {
            for (ProbeHost probe : endpoint.probeHosts()) {
                for (Check check : CheckPlanner.checks(endpoint, probe.host())) {
                    // a check of any family, and its two halves where the run checks the families apart
                    for (IpFamily family : FAMILIES) {
                        CheckTarget target = new CheckTarget(endpoint, probe.host(), check.withFamily(family));
                        known.putIfAbsent(CheckIds.of(target), target);
                    }
                }
            }
        }
        Map<String, CheckTarget> planned = new LinkedHashMap<>();
        for (TestIdentifier root : plan.getRoots()) {
            for (TestIdentifier test : plan.getDescendants(root)) {
                Optional<CheckTarget> target = test.isTest()
                        ? CheckIds.of(test.getUniqueIdObject()).map(known::get) : Optional.empty();
                target.ifPresent(t -> planned.put(test.getUniqueId(), t));
            }
        }
        return planned;
    }
}
