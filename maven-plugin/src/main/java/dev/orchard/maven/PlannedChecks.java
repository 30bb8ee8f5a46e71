package dev.orchard.maven;

import dev.orchard.catalog.Catalog;
import dev.orchard.catalog.Endpoint;
import dev.orchard.catalog.ProbeHost;
import dev.orchard.probe.Check;
import dev.orchard.probe.CheckPlanner;
import dev.orchard.probe.CheckTarget;
import dev.orchard.probe.IpFamily;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * The checks a discovered test plan will run, as {@link CheckTarget}s: the console plan and the catalog listing
 * need the rows behind the tests, which JUnit's identifiers do not carry. Tests are matched to the catalog's
 * checks by service, host and check name.
 */
final class PlannedChecks {

    private static final String SERVICE_SEGMENT = "service";
    private static final List<IpFamily> FAMILIES = java.util.Arrays.asList(null, IpFamily.IPV4, IpFamily.IPV6);

    private PlannedChecks() {
    }

    /** Each test of the plan by unique id, in plan order, with the check it runs. */
    static Map<String, CheckTarget> of(TestPlan plan, Catalog catalog) {
        Map<String, CheckTarget> known = new HashMap<>();
        for (Endpoint endpoint : catalog.endpoints()) {
            for (ProbeHost probe : endpoint.probeHosts()) {
                for (Check check : CheckPlanner.checks(endpoint, probe.host())) {
                    // a check of any family, and its two halves where the run checks the families apart
                    for (IpFamily family : FAMILIES) {
                        CheckTarget target = new CheckTarget(endpoint, probe.host(), check.withFamily(family));
                        known.putIfAbsent(key(endpoint.service(), target.name()), target);
                    }
                }
            }
        }
        Map<String, CheckTarget> planned = new LinkedHashMap<>();
        for (TestIdentifier root : plan.getRoots()) {
            for (TestIdentifier test : plan.getDescendants(root)) {
                if (!test.isTest()) {
                    continue;
                }
                String service = service(test.getUniqueIdObject());
                CheckTarget target = known.get(key(service, test.getLegacyReportingName()));
                if (target != null) {
                    planned.put(test.getUniqueId(), target);
                }
            }
        }
        return planned;
    }

    private static String service(UniqueId id) {
        return id.getSegments().stream().filter(s -> s.getType().equals(SERVICE_SEGMENT))
                .map(UniqueId.Segment::getValue).findFirst().orElse("");
    }

    private static String key(String service, String hostAndCheck) {
        return service + "\n" + hostAndCheck;
    }
}
