package dev.orchard.junit;

import dev.orchard.catalog.Endpoint;
import dev.orchard.catalog.ProbeHost;
import dev.orchard.catalog.Service;
import dev.orchard.probe.CheckPlanner;
import dev.orchard.probe.CheckTarget;
import dev.orchard.probe.Network;
import dev.orchard.probe.ProbeResult;
import dev.orchard.probe.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apiguardian.api.API;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.opentest4j.TestAbortedException;

/**
 * The catalog's checks as Jupiter dynamic tests, for users who keep them inside their own test class:
 * {@code return DynamicChecks.of(Catalog.bundled().service("mdm"), net);} from a {@code @TestFactory}. The checks
 * and their verdicts are the engine's; only tag filtering is lost, as with any dynamic test.
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class DynamicChecks {

    private DynamicChecks() {
    }

    /** One container per probed host of each row, one dynamic test per check. */
    public static Stream<DynamicNode> of(Service service, Network network) {
        List<DynamicNode> nodes = new ArrayList<>();
        for (Endpoint endpoint : service.endpoints()) {
            for (ProbeHost probe : endpoint.probeHosts()) {
                List<CheckTarget> targets = CheckPlanner.checks(endpoint, probe.host()).stream()
                        .map(check -> new CheckTarget(endpoint, probe.host(), check)).toList();
                Supplier<List<ProbeResult>> results = memoize(() -> network.runAll(targets, (t, r) -> { }));
                List<DynamicTest> tests = new ArrayList<>();
                for (int i = 0; i < targets.size(); i++) {
                    int index = i;
                    tests.add(DynamicTest.dynamicTest(targets.get(i).name(), () -> verify(results.get().get(index))));
                }
                nodes.add(DynamicContainer.dynamicContainer(endpoint.label(probe.host()), tests.stream()));
            }
        }
        return nodes.stream();
    }

    private static void verify(ProbeResult result) {
        if (result.status() == Status.SKIPPED) {
            throw new TestAbortedException(result.message());
        }
        if (result.status() == Status.FAILED) {
            Assertions.fail(result.verdict() + ": " + result.message());
        }
    }

    private static <T> Supplier<T> memoize(Supplier<T> supplier) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = supplier.get();
                }
                return value;
            }
        };
    }
}
