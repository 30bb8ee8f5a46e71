package dev.orchard.probe;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

import dev.orchard.catalog.Endpoint;
import dev.orchard.catalog.Transport;
import dev.orchard.lab.FaultServer;
import dev.orchard.lab.LabSshServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * runAll against the lab: the lab DNS answers Apple-looking (non-loopback) addresses, connect-to overrides send
 * each port to a loopback server, and loopbackOnly guarantees nothing else is reached.
 */
class CheckRunnerTest extends RunnerLabTest {

    private static Check ssh(int port) {
        return new Check(CheckKind.SSH, port, Transport.TCP);
    }

    @Test
    void failedPrerequisitesSkipTheirDependentsNamingTheVerdict() {
        dns.nxdomain("blocked.apple.com").address("dropped.apple.com", "17.1.1.1")
                .address("open.apple.com", "17.1.1.2");
        Endpoint blocked = endpoint("blocked.apple.com", 22);
        Endpoint dropped = endpoint("dropped.apple.com", 22);
        Endpoint open = endpoint("open.apple.com", 22);
        List<CheckTarget> targets = new ArrayList<>();
        for (Endpoint e : List.of(blocked, dropped, open)) {
            targets.add(target(e, Check.dns()));
            targets.add(target(e, tcp(22)));
            targets.add(target(e, ssh(22)));
        }
        try (Network network = network(List.of(blackhole.connectTo("dropped.apple.com", 22),
                ssh.connectTo("open.apple.com", 22))).build()) {
            // one timeout plus DNS, not one per check
            QueriedRun run = Deadline.endsBefore(TIMEOUT.multipliedBy(2), () -> {
                int before = dns.queries("open.apple.com");
                List<ProbeResult> attempt = network.runAll(targets, null);
                return new QueriedRun(attempt, dns.queries("open.apple.com") - before);
            });
            List<ProbeResult> results = run.results();

            assertThat(results.get(0).verdict(), is(Verdict.DNS_NXDOMAIN));
            assertThat(results.get(1).status(), is(Status.SKIPPED));
            assertThat(results.get(1).verdict(), is(Verdict.DNS_NXDOMAIN));
            assertThat(results.get(1).message(), is("skipped: DNS for blocked.apple.com failed (DNS_NXDOMAIN)"));
            assertThat(results.get(2).verdict(), is(Verdict.DNS_NXDOMAIN));

            assertThat(results.get(3).verdict(), is(Verdict.OK));
            assertThat(results.get(4).verdict(), is(Verdict.TCP_TIMEOUT));
            assertThat(results.get(5).status(), is(Status.SKIPPED));
            assertThat(results.get(5).verdict(), is(Verdict.TCP_TIMEOUT));
            assertThat(results.get(5).message(), is("skipped: tcp 22 to dropped.apple.com failed (TCP_TIMEOUT)"));

            assertThat(results.get(7).verdict(), is(Verdict.OK));
            assertThat(results.get(8).message(), results.get(8).verdict(), is(Verdict.OK));
            assertThat(results.get(8).evidence().server(), is(LabSshServer.BANNER));
            assertThat(results.get(8).evidence().addresses(), contains("17.1.1.2"));

            assertThat("DNS once per host (A and AAAA)", run.queries(), is(2));
        }
    }

    /**
     * A dependent starts as soon as its prerequisite's pre-flight connected, without waiting for that check's watch
     * for a reset; when the watch then sees the reset, the dependent is still the skip naming it, not its own result.
     */
    @Test
    void aDependentStartedOnThePreFlightConnectIsSkippedWhenItsPrerequisiteThenSeesAReset() {
        dns.address("reset.apple.com", "17.1.1.3");
        Endpoint reset = endpoint("reset.apple.com", 22);
        try (FaultServer resetting = FaultServer.resetting();
                Network network = network(List.of(resetting.connectTo("reset.apple.com", 22))).build()) {
            List<ProbeResult> results = network.runAll(List.of(target(reset, Check.dns()), target(reset, tcp(22)),
                    target(reset, ssh(22))), null);

            assertThat(results.get(1).message(), results.get(1).verdict(), is(Verdict.TCP_RESET));
            assertThat(results.get(2).status(), is(Status.SKIPPED));
            assertThat(results.get(2).verdict(), is(Verdict.TCP_RESET));
            assertThat(results.get(2).message(), is("skipped: tcp 22 to reset.apple.com failed (TCP_RESET)"));
        }
    }

    @Test
    void disabledRowsAreSkippedWithTheirReasonAndSendNothing() {
        Endpoint disabled = endpoint("mdm.apple.com", 443).disable("this site manages no devices");
        try (Network network = network(List.of()).build()) {
            List<ProbeResult> results = network.runAll(List.of(target(disabled, Check.dns()),
                    target(disabled, tcp(443))), null);
            assertThat(results.stream().map(ProbeResult::verdict).toList(), contains(Verdict.DISABLED, Verdict.DISABLED));
            assertThat(results.get(1).status(), is(Status.SKIPPED));
            assertThat(results.get(1).message(), is("disabled: this site manages no devices"));
            assertThat(dns.queries("mdm.apple.com"), is(0));
        }
    }

    @Test
    void resultsComeBackInInputOrderAndEachReachesTheListenerOnce() {
        List<Endpoint> endpoints = IntStream.range(0, 12).mapToObj(i -> "h" + i + ".apple.com")
                .peek(h -> dns.address(h, "17.2.0.1")).map(h -> endpoint(h, 22, 23)).toList();
        List<CheckTarget> targets = new ArrayList<>();
        // Reversed so that prerequisites come after their dependents in the input.
        for (Endpoint e : endpoints) {
            targets.add(target(e, ssh(22)));
            targets.add(target(e, tcp(23)));
            targets.add(target(e, tcp(22)));
            targets.add(target(e, Check.dns()));
        }
        List<CheckTarget> heard = new CopyOnWriteArrayList<>();
        try (Network network = network(List.of("::127.0.0.1:" + ssh.port())).build()) {
            List<ProbeResult> results = network.runAll(targets, (t, r) -> {
                heard.add(t);
                throw new IllegalStateException("a broken listener must not break the run");
            });
            assertThat(results.size(), is(targets.size()));
            for (int i = 0; i < targets.size(); i++) {
                CheckKind kind = targets.get(i).check().kind();
                ProbeResult result = results.get(i);
                assertThat(result.message(), result.verdict(), is(Verdict.OK));
                if (kind == CheckKind.SSH) {
                    assertThat(result.evidence().server(), is(LabSshServer.BANNER));
                } else if (kind == CheckKind.DNS) {
                    assertThat(result.evidence().addresses(), contains("17.2.0.1"));
                } else {
                    assertThat(result.evidence().connectedTo(), is("127.0.0.1:" + ssh.port()));
                }
            }
            assertThat(heard.size(), is(targets.size()));
            assertThat(new HashSet<>(heard), is(new HashSet<>(targets)));
        }
    }

    @Test
    void atMostFourChecksTouchAHostAndParallelismBoundsTheRest() {
        List<Endpoint> endpoints = IntStream.range(0, 5).mapToObj(i -> "c" + i + ".apple.com")
                .peek(h -> dns.address(h, "17.3.0.1"))
                .map(h -> endpoint(h, IntStream.rangeClosed(1000, 1011).boxed().toArray(Integer[]::new))).toList();
        List<CheckTarget> targets = endpoints.stream()
                .flatMap(e -> e.ports().stream().map(p -> target(e, tcp(p)))).toList();
        Map<String, AtomicInteger> active = new ConcurrentHashMap<>();
        Map<String, Integer> maxPerHost = new ConcurrentHashMap<>();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger maxRunning = new AtomicInteger();
        try (FaultServer tarpit = FaultServer.tarpit();
                Network network = network(List.of("::127.0.0.1:" + tarpit.port())).build();
                CheckRunner runner = new CheckRunner(network::resolve, (t, r) -> {
                    int now = active.computeIfAbsent(t.host(), h -> new AtomicInteger()).incrementAndGet();
                    maxPerHost.merge(t.host(), now, Math::max);
                    maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
                    try {
                        return network.run(t, r);
                    } finally {
                        running.decrementAndGet();
                        active.get(t.host()).decrementAndGet();
                    }
                }, TIMEOUT, 8)) {
            List<ProbeResult> results = runner.runAll(targets, null);
            assertThat(results.stream().map(ProbeResult::verdict).collect(Collectors.toSet()), is(Set.of(Verdict.OK)));
            assertThat(maxPerHost.values(), everyItem(lessThanOrEqualTo(CheckRunner.PER_HOST)));
            assertThat("checks of one host do overlap", Collections.max(maxPerHost.values()), is(CheckRunner.PER_HOST));
            assertThat(maxRunning.get(), lessThanOrEqualTo(8));
            assertThat(maxRunning.get(), greaterThan(CheckRunner.PER_HOST));
        }
    }

    @Test
    void aDroppingNetworkFinishesInAboutOneTimeout() {
        List<Endpoint> endpoints = IntStream.range(0, 16).mapToObj(i -> "d" + i + ".apple.com")
                .peek(h -> dns.address(h, "17.4.0.1")).map(h -> endpoint(h, 22, 80, 443, 8443)).toList();
        List<CheckTarget> targets = endpoints.stream().flatMap(e -> Stream.concat(Stream.of(target(e, Check.dns())),
                e.ports().stream().flatMap(p -> Stream.of(target(e, tcp(p)), target(e, ssh(p)))))).toList();
        try (Network network = network(List.of("::127.0.0.1:" + blackhole.port())).build()) {
            List<ProbeResult> results = Deadline.endsBefore(TIMEOUT.multipliedBy(2),
                    () -> network.runAll(targets, null));
            assertThat(results.stream().filter(r -> r.verdict() == Verdict.TCP_TIMEOUT).count(), is(16L * 8));
        }
    }

    @Test
    void aCheckThatNeverEndsIsReportedAfterTheBudgetInsteadOfHangingTheRun() throws Exception {
        dns.address("stuck.apple.com", "17.6.0.1").address("fine.apple.com", "17.6.0.2");
        java.util.concurrent.CountDownLatch never = new java.util.concurrent.CountDownLatch(1);
        Endpoint stuck = endpoint("stuck.apple.com", 22);
        Endpoint fine = endpoint("fine.apple.com", 22);
        List<CheckTarget> targets = List.of(target(stuck, tcp(22)), target(fine, tcp(22)));
        // Without pre-flights the runner's timeout only sizes its budget: the smallest one gives the budget's
        // fixed floor of 2 s, which the fine check (DNS and a connect on loopback, under the network's own
        // generous timeout) meets on a loaded machine; the stuck check still never ends.
        Duration budgetOnly = Duration.ofMillis(1);
        try (Network network = network(List.of(ssh.connectTo("fine.apple.com", 22))).build();
                CheckRunner runner = new CheckRunner(network::resolve, (t, r) -> {
                    if (t.host().equals("stuck.apple.com")) {
                        try {
                            never.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                    return network.run(t, r);
                }, budgetOnly, 4)) {
            Duration budget = runner.budget(targets);
            List<ProbeResult> results = Deadline.endsBefore(budget.plus(budget.dividedBy(10)),
                    () -> runner.runAll(targets, null));
            assertThat(results.get(0).verdict(), is(Verdict.NOT_RUN));
            assertThat(results.get(0).message(), org.hamcrest.Matchers.containsString("did not finish within"));
            assertThat(results.get(1).verdict(), is(Verdict.OK));
        }
    }

    @Test
    void checkSkipsWhenDnsFails() {
        dns.nxdomain("gone.apple.com");
        try (Network network = network(List.of()).build()) {
            ProbeResult result = network.check(endpoint("gone.apple.com", 443), "gone.apple.com", tcp(443));
            assertThat(result.status(), is(Status.SKIPPED));
            assertThat(result.verdict(), is(Verdict.DNS_NXDOMAIN));
            ProbeResult direct = network.tcp("gone.apple.com", 443);
            assertThat(direct.status(), is(Status.FAILED));
            assertThat(direct.verdict(), is(Verdict.DNS_NXDOMAIN));
        }
    }

    @Test
    void loopbackOnlyNeverQueriesTheSystemResolver() {
        try (Network network = Network.builder().loopbackOnly(true).timeout(TIMEOUT).build()) {
            ProbeResult result = network.dns("gdmf.apple.com");
            assertThat(result.verdict(), is(Verdict.DNS_TIMEOUT));
            assertThat(result.message(), org.hamcrest.Matchers.containsString("the lab forbids querying the system"
                    + " resolver"));
        }
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void fiveHundredChecksLeakNoThreadsOrSockets() throws Exception {
        // 20 hosts with 12 ports each: many checks per host exercise the host lanes, few hosts keep the lab
        // DNS's single UDP socket from overflowing under a burst of queries.
        Integer[] ports = IntStream.rangeClosed(2000, 2011).boxed().toArray(Integer[]::new);
        List<Endpoint> endpoints = IntStream.range(0, 20).mapToObj(i -> "leak" + i + ".apple.com")
                .peek(h -> dns.address(h, "17.5.0.1")).map(h -> endpoint(h, ports)).toList();
        List<CheckTarget> targets = endpoints.stream().flatMap(e -> Stream.concat(Stream.of(target(e, Check.dns())),
                e.ports().stream().flatMap(p -> Stream.of(target(e, tcp(p)), target(e, ssh(p)))))).toList();
        assertThat(targets.size(), is(500));
        // Each run gets its own SSH server, closed before counting: closing joins the threads that serve its
        // connections and closes their sockets, so the counts see only what the client side left behind.
        try (LabSshServer warmUpServer = LabSshServer.start();
                Network warmUp = network(List.of("::127.0.0.1:" + warmUpServer.port()))
                        .timeout(Duration.ofSeconds(5)).parallelism(64).build()) {
            warmUp.runAll(targets.subList(0, 10), null);
        }
        Set<Thread> threadsBefore = Thread.getAllStackTraces().keySet();
        long fdsBefore = openFiles();

        List<ProbeResult> results;
        try (LabSshServer server = LabSshServer.start()) {
            Network network = network(List.of("::127.0.0.1:" + server.port())).timeout(Duration.ofSeconds(5))
                    .parallelism(64).build();
            results = network.runAll(targets, null);
            network.close();
        }

        assertThat(results.stream().filter(r -> !r.passed()).toList(), is(empty()));
        List<String> leaked = Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                .filter(t -> !threadsBefore.contains(t)).map(Thread::getName).toList();
        assertThat(leaked, is(empty()));
        assertThat(openFiles(), lessThanOrEqualTo(fdsBefore));
    }

    /** A run's results and how many DNS queries for one host it made. */
    private record QueriedRun(List<ProbeResult> results, int queries) {
    }
}
