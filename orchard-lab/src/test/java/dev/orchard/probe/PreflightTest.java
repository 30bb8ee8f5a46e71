package dev.orchard.probe;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.orchard.catalog.Endpoint;
import dev.orchard.catalog.ProxySupport;
import dev.orchard.catalog.Transport;
import dev.orchard.lab.FaultServer;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * The runner's non-blocking connect pre-flight against the lab: dropped connects wait on one selector thread
 * instead of the pool, and every other outcome is still the probe's own.
 */
class PreflightTest extends RunnerLabTest {

    @Test
    void threeHundredDroppedChecksEndInOneTimeoutNotOneWaveOfSixtyFourAtATime() {
        List<Endpoint> endpoints = IntStream.range(0, 75).mapToObj(i -> "drop" + i + ".apple.com")
                .peek(h -> dns.address(h, "17.7.0.1")).map(h -> endpoint(h, 5223, 2197, 443, 80)).toList();
        List<CheckTarget> targets = endpoints.stream().flatMap(e -> e.ports().stream().map(p -> target(e, tcp(p))))
                .toList();
        assertThat(targets.size(), is(300));
        try (Network network = network(List.of("::127.0.0.1:" + blackhole.port())).parallelism(64).build()) {
            // the blocking probe on the same route, for comparison below; alongside the run, so that its own
            // timeout overlaps the run's instead of following it
            CheckTarget first = targets.get(0);
            CompletableFuture<ProbeResult> blocking = CompletableFuture.supplyAsync(
                    () -> network.run(first, network.resolve(first.host())));
            // no waves of 64 blocked threads: about one timeout for all 300
            List<ProbeResult> results = Deadline.endsBefore(TIMEOUT.multipliedBy(2),
                    () -> network.runAll(targets, null));

            assertThat(results.stream().map(ProbeResult::verdict).toList(), everyItem(is(Verdict.TCP_TIMEOUT)));
            String via = "127.0.0.1:" + blackhole.port();
            assertThat(results.get(0).message(), is("TCP 5223 to drop0.apple.com (" + via + " via connect-to) timed"
                    + " out after 1s: a firewall drops APNs; allow TCP 5223 and 2197 to 17.0.0.0/8"));
            assertThat(results.get(2).message(), is("TCP 443 to drop0.apple.com (" + via + " via connect-to) timed"
                    + " out after 1s: a firewall drops TCP 443 to drop0.apple.com; allow TCP 443 outbound to"
                    + " drop0.apple.com"));
            assertThat(results.get(0).duration().toMillis() >= TIMEOUT.toMillis() - 50, is(true));

            // the blocking probe on the same route says exactly the same, evidence and all
            ProbeResult alone = blocking.join();
            assertThat(alone.verdict(), is(Verdict.TCP_TIMEOUT));
            assertThat(results.get(0).message(), is(alone.message()));
            assertThat(results.get(0).evidence(), is(alone.evidence()));
        }
    }

    @Test
    void healthyAndRefusedPortsStillGetTheProbesOwnVerdicts() {
        dns.address("open.apple.com", "17.8.0.1").address("closed.apple.com", "17.8.0.2")
                .address("elsewhere.apple.com", "17.8.0.3");
        Endpoint open = endpoint("open.apple.com", 22);
        Endpoint closed = endpoint("closed.apple.com", 443);
        Endpoint elsewhere = endpoint("elsewhere.apple.com", 443);
        try (FaultServer refusing = FaultServer.refusing();
                Network network = network(List.of(ssh.connectTo("open.apple.com", 22),
                        refusing.connectTo("closed.apple.com", 443))).build()) {
            List<ProbeResult> results = network.runAll(List.of(target(open, tcp(22)), target(closed, tcp(443)),
                    target(elsewhere, tcp(443))), null);

            assertThat(results.get(0).message(), results.get(0).verdict(), is(Verdict.OK));
            assertThat(results.get(0).evidence().connectedTo(), is("127.0.0.1:" + ssh.port()));
            assertThat(results.get(1).verdict(), is(Verdict.TCP_REFUSED));
            assertThat(results.get(1).message(), containsString("was refused"));
            assertThat(results.get(2).verdict(), is(Verdict.TCP_UNREACHABLE));
            assertThat(results.get(2).message(), containsString("only loopback targets are allowed (loopbackOnly),"
                    + " and no packet was sent"));
        }
    }

    @Test
    void onlyDirectTcpChecksToTargetsTheRouteAllowsArePreFlighted() {
        dns.address("open.apple.com", "17.9.0.1").address("elsewhere.apple.com", "17.9.0.2");
        Endpoint open = endpoint("open.apple.com", 22, 443);
        Endpoint elsewhere = endpoint("elsewhere.apple.com", 443);
        Endpoint proxied = Endpoint.builder("test", "open.apple.com").ports(443).tlsPorts(List.of())
                .proxy(ProxySupport.YES).build();
        try (Network network = network(List.of(ssh.connectTo("open.apple.com", 22),
                ssh.connectTo("open.apple.com", 443))).proxy("http://127.0.0.1:3128").build()) {
            DnsResolution openDns = network.resolve("open.apple.com");
            CheckRunner.Preflight direct = network.preflight(target(open, tcp(22)), openDns);
            assertThat(direct, notNullValue());
            assertThat(direct.address(), is(new InetSocketAddress("127.0.0.1", ssh.port())));

            assertThat("loopbackOnly refuses 17.9.0.2: no pre-flight packet either",
                    network.preflight(target(elsewhere, tcp(443)), network.resolve("elsewhere.apple.com")),
                    nullValue());
            assertThat("proxy routes keep the blocking probe",
                    network.preflight(target(proxied, tcp(443)), openDns), nullValue());
            assertThat("only tcp checks", network.preflight(target(open,
                    new Check(CheckKind.SSH, 22, Transport.TCP)), openDns), nullValue());
        }
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void closingARunMidPreFlightClosesItsChannelsAndStopsTheSelectorThread() throws Exception {
        List<Endpoint> endpoints = IntStream.range(0, 10).mapToObj(i -> "closing" + i + ".apple.com")
                .peek(h -> dns.address(h, "17.10.0.1")).map(h -> endpoint(h, 1, 2, 3, 4)).toList();
        List<CheckTarget> targets = endpoints.stream().flatMap(e -> e.ports().stream().map(p -> target(e, tcp(p))))
                .toList();
        List<String> connectTo = List.of("::127.0.0.1:" + blackhole.port());
        // the warm-up's verdicts do not matter: a short timeout, so that it does not wait out a whole one
        try (Network warmUp = network(connectTo).timeout(Duration.ofMillis(50)).build()) {
            warmUp.runAll(targets.subList(0, 1), null);
        }
        Set<Thread> threadsBefore = Thread.getAllStackTraces().keySet();
        long fdsBefore = openFiles();

        List<ProbeResult> results;
        try (Network network = network(connectTo).build()) {
            // far less than the runner's 30 s timeout: closing ends the connects instead of waiting them out
            results = Deadline.endsBefore(Duration.ofSeconds(10), () -> closedMidPreFlight(network, targets));
        }

        assertThat(results.size(), is(40));
        assertThat(results.stream().filter(r -> r.verdict() == Verdict.OK).toList(), is(empty()));
        List<String> leaked = Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                .filter(t -> !threadsBefore.contains(t)).map(Thread::getName)
                .filter(n -> n.startsWith("orchard-")).filter(n -> !n.startsWith("orchard-lab-")).toList();
        assertThat(leaked, is(empty()));
        assertThat(openFiles(), lessThanOrEqualTo(fdsBefore));
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void aDroppedRunLeavesNoSelectorThreadOrChannelBehind() throws Exception {
        List<Endpoint> endpoints = IntStream.range(0, 25).mapToObj(i -> "gone" + i + ".apple.com")
                .peek(h -> dns.address(h, "17.11.0.1")).map(h -> endpoint(h, 1, 2, 3, 4)).toList();
        List<CheckTarget> targets = Stream.concat(endpoints.stream().map(e -> target(e, Check.dns())),
                endpoints.stream().flatMap(e -> e.ports().stream().map(p -> target(e, tcp(p))))).toList();
        List<String> connectTo = List.of("::127.0.0.1:" + blackhole.port());
        long fdsBefore = openFiles();
        Set<Thread> threadsBefore = Thread.getAllStackTraces().keySet();
        List<ProbeResult> results;
        try (Network network = network(connectTo).build()) {
            results = network.runAll(targets, null);
            assertThat(Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                    .filter(n -> n.startsWith("orchard-connect-")).count(), is(1L));
        }
        assertThat(results.stream().filter(r -> r.verdict() == Verdict.TCP_TIMEOUT).count(), is(100L));
        List<String> leaked = new ArrayList<>(Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                .filter(t -> !threadsBefore.contains(t)).map(Thread::getName)
                .filter(n -> n.startsWith("orchard-connect-") || n.startsWith("orchard-check-")).toList());
        assertThat(leaked, is(empty()));
        assertThat(openFiles(), lessThanOrEqualTo(fdsBefore));
    }

    /**
     * Runs {@code targets} on the runner a Network builds (its resolver, probes and pre-flights), with a 30 s
     * timeout, and closes the runner once every check has handed its pre-flight connect over: a latch, not a guess
     * at how long that takes.
     */
    private static List<ProbeResult> closedMidPreFlight(Network network, List<CheckTarget> targets) {
        CountDownLatch handedOver = new CountDownLatch(targets.size());
        CheckRunner runner = new CheckRunner(network::resolve, network::run, (target, dns) -> {
            CheckRunner.Preflight preflight = network.preflight(target, dns);
            if (preflight != null) {
                handedOver.countDown();
            }
            return preflight;
        }, Duration.ofSeconds(30), 8);
        CompletableFuture<List<ProbeResult>> run = CompletableFuture.supplyAsync(() -> runner.runAll(targets, null));
        try {
            assertThat("every check reached its pre-flight within 10 s", handedOver.await(10, TimeUnit.SECONDS),
                    is(true));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for the pre-flights", e);
        } finally {
            runner.close();
        }
        return run.orTimeout(30, TimeUnit.SECONDS).join();
    }
}
