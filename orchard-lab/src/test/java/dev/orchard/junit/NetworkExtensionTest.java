package dev.orchard.junit;

import static dev.orchard.junit.NetworkMatchers.hasVerdict;
import static dev.orchard.junit.NetworkMatchers.isOpen;
import static dev.orchard.junit.NetworkMatchers.resolves;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.sameInstance;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.orchard.lab.Lab;
import dev.orchard.probe.Network;
import dev.orchard.probe.Verdict;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * {@link NetworkExtension} inside a real Jupiter run (the engine test kit runs the nested cases): which network
 * it injects, that a test's {@code Lab} is shared with its {@code @BeforeEach}, that all of it is closed after the
 * test, and that a bad key fails the test with its name. Every network is a lab on loopback.
 */
class NetworkExtensionTest {

    static final AtomicReference<Lab> LAB = new AtomicReference<>();
    static final AtomicReference<Lab> SETUP_LAB = new AtomicReference<>();
    static final AtomicReference<Network> NETWORK = new AtomicReference<>();
    static final AtomicReference<InetSocketAddress> LAB_DNS = new AtomicReference<>();

    @Test
    void labTestGetsALabServingAppleHostsAndItsOwnSiteHosts() {
        EngineExecutionResults results = run(LabCase.class, "apple-network.timeout", "1s");
        assertThat(failures(results), is(empty()));
        assertThat(results.testEvents().succeeded().count(), is(1L));
        assertThat(LAB.get(), sameInstance(SETUP_LAB.get()));
        assertThat(NETWORK.get().settings().timeout(), is(Duration.ofSeconds(1)));
    }

    @Test
    void everythingIsClosedAfterTheTest() {
        run(LabCase.class, "apple-network.timeout", "1s");
        IllegalStateException closed = assertThrows(IllegalStateException.class,
                () -> NETWORK.get().runAll(List.of(), (target, result) -> { }));
        assertThat(closed.getMessage(), is("this Network is closed"));
        try (Network afterwards = Network.builder().dnsServer(LAB_DNS.get()).loopbackOnly(true)
                .timeout(Duration.ofMillis(500)).build()) {
            assertThat("the lab's DNS server is gone", afterwards.dns("mesu.apple.com"), not(resolves()));
        }
    }

    @Test
    void configurationKeySelectsTheLab() {
        EngineExecutionResults results = run(KeyCase.class, "apple-network.target", "lab");
        assertThat(failures(results), is(empty()));
        assertThat(results.testEvents().succeeded().count(), is(1L));
        assertThat(NETWORK.get().settings().dnsServers().get(0), containsString("127.0.0.1"));
    }

    @Test
    void annotationTargetSelectsTheBranchOffice() {
        EngineExecutionResults results = run(BranchOfficeCase.class, "apple-network.timeout", "1s");
        assertThat(failures(results), is(empty()));
        assertThat(results.testEvents().succeeded().count(), is(1L));
    }

    @Test
    void badTargetFailsNamingTheKey() {
        EngineExecutionResults results = run(KeyCase.class, "apple-network.target", "moon");
        assertThat(failures(results), is(List.of("@NetworkTest cannot create the network: apple-network.target: "
                + "'moon' is not a target; expected real, lab, branch-office or blackhole")));
    }

    @Test
    void badTimeoutFailsNamingTheKey() {
        EngineExecutionResults results = run(LabCase.class, "apple-network.timeout", "soon");
        List<String> failures = failures(results);
        assertThat(failures.size(), is(1));
        assertThat(failures.get(0), allOf(containsString("apple-network.timeout"), containsString("soon")));
    }

    @Test
    void labParameterOnTheRealNetworkIsRefused() {
        EngineExecutionResults results = run(RealLabCase.class, "apple-network.target", "real");
        assertThat(failures(results), is(List.of("a Lab parameter needs @NetworkTest(lab = true) or "
                + "apple-network.target=lab; this test runs against the real network")));
    }

    private static EngineExecutionResults run(Class<?> testClass, String key, String value) {
        LAB.set(null);
        SETUP_LAB.set(null);
        NETWORK.set(null);
        return EngineTestKit.engine("junit-jupiter").configurationParameter(key, value)
                .selectors(selectClass(testClass)).execute();
    }

    private static List<String> failures(EngineExecutionResults results) {
        return results.testEvents().failed().stream().map(Event::getPayload)
                .map(p -> p.flatMap(r -> ((TestExecutionResult) r).getThrowable()).map(Throwable::getMessage)
                        .orElse("?"))
                .toList();
    }

    @NetworkTest(lab = true)
    static class LabCase {

        @BeforeEach
        void addSiteHost(Lab lab) {
            SETUP_LAB.set(lab);
            lab.serve("mdm.example.com").dropTcp("mdm.example.com", 443);
        }

        @Test
        void siteHostIsDroppedAndAppleHostsAnswer(Lab lab, Network net) {
            LAB.set(lab);
            LAB_DNS.set(lab.dns().address());
            NETWORK.set(net);
            assertThat(net.dns("mesu.apple.com"), resolves());
            assertThat(net.tcp("1-courier.push.apple.com", 5223), isOpen());
            assertThat(net.tcp("mdm.example.com", 443), hasVerdict(Verdict.TCP_TIMEOUT));
        }
    }

    @NetworkTest
    static class KeyCase {

        @Test
        void networkIsTheLab(Network net) {
            NETWORK.set(net);
            assertThat(net.dns("gdmf.apple.com"), resolves());
        }
    }

    @NetworkTest(target = "branch-office")
    static class BranchOfficeCase {

        @Test
        void pushIsDropped(Network net) {
            assertThat(net.tcp("1-courier.push.apple.com", 5223), hasVerdict(Verdict.TCP_TIMEOUT));
            assertThat(net.dns("cvws.icloud-content.com"), hasVerdict(Verdict.DNS_NXDOMAIN));
        }
    }

    @NetworkTest
    static class RealLabCase {

        @Test
        void wantsALab(Lab lab) {
            LAB.set(lab);
        }
    }
}
