package dev.orchard.bench;

import dev.orchard.catalog.Catalog;
import dev.orchard.catalog.Endpoint;
import dev.orchard.catalog.ProbeHost;
import dev.orchard.catalog.Transport;
import dev.orchard.lab.Lab;
import dev.orchard.probe.Check;
import dev.orchard.probe.CheckKind;
import dev.orchard.probe.CheckPlanner;
import dev.orchard.probe.CheckTarget;
import dev.orchard.probe.FamilyPlan;
import dev.orchard.probe.IpFamily;
import dev.orchard.probe.Network;
import dev.orchard.probe.ProbeResult;
import dev.orchard.probe.Status;
import dev.orchard.probe.Verdict;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Speed and memory of the probes against the lab (loopback only): 500 TCP+TLS checks on a healthy lab, the same
 * 500 with every port blackholed, and the whole bundled Apple catalog. Exits 1 when a budget is missed, so the
 * numbers in the docs stay true. Run it with {@code bench/run}; it is not part of the test suite.
 */
public final class NetworkBenchmark {

    static final int HOSTS = 250;
    static final Duration TIMEOUT = Duration.ofSeconds(2);
    /** The catalog rows' timeout, the default of {@code apple-network.timeout}. */
    static final Duration CATALOG_TIMEOUT = Duration.ofSeconds(5);
    static final long HEAP_BUDGET = 256L * 1024 * 1024;
    /** What a Network uses unless told otherwise ({@code apple-network.parallelism}). */
    static final int DEFAULT_PARALLELISM = 64;

    private NetworkBenchmark() {
    }

    /** One measured scenario, as a table row. */
    record Row(String scenario, int checks, Duration wall, long peakThreads, long peakHeap, String outcome) {

        double perSecond() {
            return checks / Math.max(wall.toNanos() / 1e9, 1e-9);
        }
    }

    public static void main(String[] args) {
        int wide = args.length > 0 ? Integer.parseInt(args[0]) : 512;
        List<Row> rows = new ArrayList<>();
        List<String> missed = new ArrayList<>();

        rows.add(healthy(DEFAULT_PARALLELISM));
        rows.add(healthy(wide));
        Row dropped = blackholed(wide);
        rows.add(dropped);
        if (dropped.wall().compareTo(TIMEOUT.plusSeconds(1)) > 0) {
            missed.add("(b) took " + seconds(dropped.wall()) + " s, more than timeout + 1 s = "
                    + seconds(TIMEOUT.plusSeconds(1)) + " s");
        }
        rows.add(blackholed(DEFAULT_PARALLELISM));
        Row catalog = catalog();
        rows.add(catalog);
        if (catalog.peakHeap() > HEAP_BUDGET) {
            missed.add("(c) peaked at " + mb(catalog.peakHeap()) + " MB of heap, more than 256 MB");
        }
        Row dualStack = dualStackCatalog();
        rows.add(dualStack);
        if (dualStack.wall().compareTo(CATALOG_TIMEOUT.plusSeconds(1)) > 0) {
            missed.add("(d) took " + seconds(dualStack.wall()) + " s, more than timeout + 1 s = "
                    + seconds(CATALOG_TIMEOUT.plusSeconds(1)) + " s");
        }

        print(rows);
        if (!missed.isEmpty()) {
            missed.forEach(m -> System.out.println("BUDGET MISSED: " + m));
            System.exit(1);
        }
        System.out.println("All budgets met.");
    }

    /** (a) 250 hosts × (tcp 443 + tls 443/tcp) on a healthy lab. */
    static Row healthy(int parallelism) {
        try (Lab lab = Lab.start()) {
            List<CheckTarget> targets = tcpAndTls(lab);
            try (Network net = lab.networkBuilder().timeout(TIMEOUT).parallelism(parallelism).build()) {
                return measure("(a) 500 tcp+tls, healthy, parallelism " + parallelism, targets, net,
                        r -> r.status() == Status.PASSED);
            }
        }
    }

    /** (b) the same 500 with every host's 443 dropped by the firewall: tcp times out, tls is skipped. */
    static Row blackholed(int parallelism) {
        try (Lab lab = Lab.start()) {
            List<CheckTarget> targets = tcpAndTls(lab);
            targets.forEach(t -> lab.dropTcp(t.host(), 443));
            try (Network net = lab.networkBuilder().timeout(TIMEOUT).parallelism(parallelism).build()) {
                return measure("(b) 500 tcp+tls, all dropped, parallelism " + parallelism, targets, net,
                        r -> r.verdict() == Verdict.TCP_TIMEOUT);
            }
        }
    }

    /**
     * (d) the bundled Apple catalog with every host dual-stack (127.0.0.1 and ::1), each check once per family, and
     * every IPv6 port dropped: the IPv4 half passes and the IPv6 half times out side by side, so the run takes
     * about one timeout, not two.
     */
    static Row dualStackCatalog() {
        Catalog apple = Catalog.bundled();
        FamilyPlan both = FamilyPlan.of(EnumSet.allOf(IpFamily.class), EnumSet.allOf(IpFamily.class));
        List<CheckTarget> targets = new ArrayList<>();
        try (Lab lab = Lab.forCatalog(apple)) {
            for (CheckTarget single : catalogTargets(apple)) {
                Check check = single.check();
                if (check.kind() == CheckKind.DNS) {
                    lab.serveDualStack(single.host());
                } else if (check.kind() == CheckKind.TCP || check.transport() == Transport.UDP) {
                    lab.dropTcp(single.host(), check.port(), IpFamily.IPV6);
                }
                both.apply(List.of(check))
                        .forEach(c -> targets.add(new CheckTarget(single.endpoint(), single.host(), c)));
            }
            try (Network net = lab.networkBuilder().timeout(CATALOG_TIMEOUT).build()) {
                return measure("(d) bundled catalog dual-stack, IPv6 dropped", targets, net,
                        r -> r.passed() || r.verdict() == Verdict.TCP_TIMEOUT
                                || r.verdict() == Verdict.UDP_NO_RESPONSE);
            }
        }
    }

    /** (c) every check of Apple's bundled catalog, as the engine plans them, on a healthy lab. */
    static Row catalog() {
        Catalog apple = Catalog.bundled();
        List<CheckTarget> targets = catalogTargets(apple);
        try (Lab lab = Lab.forCatalog(apple);
                Network net = lab.networkBuilder().timeout(CATALOG_TIMEOUT).build()) {
            return measure("(c) bundled Apple catalog, healthy, default parallelism", targets, net,
                    r -> r.status() == Status.PASSED);
        }
    }

    /** Every check of a catalog as the engine plans them on a machine with one family. */
    private static List<CheckTarget> catalogTargets(Catalog catalog) {
        List<CheckTarget> targets = new ArrayList<>();
        for (var service : catalog.services()) {
            Set<String> seen = new HashSet<>();
            for (Endpoint endpoint : service.endpoints()) {
                for (ProbeHost probe : endpoint.probeHosts()) {
                    if (seen.add(endpoint.pattern() + "@" + probe.host())) {
                        CheckPlanner.checks(endpoint, probe.host())
                                .forEach(check -> targets.add(new CheckTarget(endpoint, probe.host(), check)));
                    }
                }
            }
        }
        return targets;
    }

    private static List<CheckTarget> tcpAndTls(Lab lab) {
        List<CheckTarget> targets = new ArrayList<>();
        for (int i = 0; i < HOSTS; i++) {
            String host = String.format(Locale.ROOT, "host%03d.bench.example", i);
            lab.serve(host);
            Endpoint endpoint = Endpoint.builder("bench", host).ports(443).transports(Transport.TCP).build();
            targets.add(new CheckTarget(endpoint, host, new Check(CheckKind.TCP, 443, Transport.TCP)));
            targets.add(new CheckTarget(endpoint, host, new Check(CheckKind.TLS, 443, Transport.TCP)));
        }
        return targets;
    }

    /** Runs the targets once, sampling heap and threads, and summarises the verdicts. */
    private static Row measure(String scenario, List<CheckTarget> targets, Network net,
            Function<ProbeResult, Boolean> expected) {
        System.gc();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        threads.resetPeakThreadCount();
        AtomicLong peakHeap = new AtomicLong(memory.getHeapMemoryUsage().getUsed());
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peakHeap.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "bench-sampler");
        sampler.setDaemon(true);
        sampler.start();
        long start = System.nanoTime();
        List<ProbeResult> results = net.runAll(targets, (t, r) -> { });
        Duration wall = Duration.ofNanos(System.nanoTime() - start);
        sampler.interrupt();
        peakHeap.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
        Map<String, Long> verdicts = results.stream().collect(Collectors.groupingBy(
                r -> r.verdict().name() + (r.status() == Status.SKIPPED ? " (skipped)" : ""), TreeMap::new,
                Collectors.counting()));
        long asExpected = results.stream().filter(expected::apply).count();
        String outcome = asExpected + "/" + results.size() + " as expected; " + verdicts.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
        return new Row(scenario, targets.size(), wall, threads.getPeakThreadCount(), peakHeap.get(), outcome);
    }

    private static void print(List<Row> rows) {
        System.out.printf(Locale.ROOT, "Orchard probe benchmark (lab on loopback, timeout %s s, Java %s, %d CPUs, -Xmx %d MB)%n",
                seconds(TIMEOUT), Runtime.version(), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() / (1024 * 1024));
        System.out.printf(Locale.ROOT, "%-55s %6s %7s %8s %7s %7s  %s%n", "scenario", "checks", "wall s",
                "checks/s", "threads", "heap MB", "verdicts");
        for (Row row : rows) {
            System.out.printf(Locale.ROOT, "%-55s %6d %7s %8.0f %7d %7s  %s%n", row.scenario(), row.checks(),
                    seconds(row.wall()), row.perSecond(), row.peakThreads(), mb(row.peakHeap()), row.outcome());
        }
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.2f", d.toNanos() / 1e9);
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / (1024.0 * 1024.0));
    }
}
