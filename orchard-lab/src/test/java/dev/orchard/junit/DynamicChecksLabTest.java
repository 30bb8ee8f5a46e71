package dev.orchard.junit;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import dev.orchard.catalog.Catalog;
import dev.orchard.probe.Network;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * {@code DynamicChecks.of(service("mdm"), net)} is the engine's mdm service as Jupiter dynamic tests: the same hosts,
 * the same checks in the same order, and against a healthy lab they all pass, as the engine's do.
 */
class DynamicChecksLabTest {

    @Test
    void mdmDynamicTestsAreTheEnginesMdmChecksAndPass() {
        EngineExecutionResults jupiter = EngineTestKit.engine("junit-jupiter")
                .configurationParameter("apple-network.timeout", "5s")
                .selectors(selectClass(MdmCase.class)).execute();
        UniqueId mdm = UniqueId.forEngine("apple-network")
                .append("catalog", "classpath:" + Catalog.BUNDLED_RESOURCE).append("service", "mdm");
        EngineExecutionResults engine = EngineTestKit.engine("apple-network")
                .configurationParameter("apple-network.target", "lab")
                .configurationParameter("apple-network.timeout", "5s")
                .selectors(selectUniqueId(mdm)).execute();

        List<String> dynamic = checks(jupiter);
        List<String> planned = checks(engine);
        assertThat(planned.size(), greaterThan(20));
        assertThat(dynamic, is(planned));
        assertThat(jupiter.testEvents().succeeded().count(), is((long) planned.size()));
        assertThat(engine.testEvents().succeeded().count(), is((long) planned.size()));
    }

    /** "endpoint › check" for every started test, in execution order. */
    private static List<String> checks(EngineExecutionResults results) {
        return results.testEvents().started().stream().map(Event::getTestDescriptor)
                .map(t -> t.getParent().map(TestDescriptor::getDisplayName).orElse("?") + " › " + t.getDisplayName())
                .toList();
    }

    @NetworkTest(lab = true)
    static class MdmCase {

        @TestFactory
        Stream<DynamicNode> mdm(Network net) {
            return DynamicChecks.of(Catalog.bundled().service("mdm"), net);
        }
    }
}
