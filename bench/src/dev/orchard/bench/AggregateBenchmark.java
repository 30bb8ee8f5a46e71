package dev.orchard.bench;

import dev.orchard.probe.CertificateInfo;
import dev.orchard.report.ResultsFile;
import dev.orchard.report.Summary;
import dev.orchard.sites.Aggregator;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * {@code apple-network:aggregate} at the scale of a large estate: generates 1,000 sites × 500 checks (500,000
 * records, written by Orchard's own ResultsFile writer, with realistic evidence) and aggregates them in this JVM,
 * which bench/aggregate/run caps at 512 MB of heap. Budget: 10 s of wall time. Nothing touches the network.
 */
public final class AggregateBenchmark {

    static final long WALL_BUDGET_MS = 10_000;
    static final long HEAP_BUDGET = 512L * 1024 * 1024;
    static final String ZSCALER = "CN=Zscaler Intermediate Root CA (zscaler.net) (t) ,O=Zscaler Inc.,C=US";
    static final String APPLE = "CN=Apple Public Server RSA CA 12 - G1,O=Apple Inc.,ST=California,C=US";
    static final String[] SERVICES = {"device-setup", "mdm", "apple-account", "icloud", "apps", "software-update",
            "content-caching", "apple-intelligence", "business-school-manager", "certificates", "push", "maps",
            "siri", "facetime", "music", "tv"};

    private AggregateBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int sites = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int checks = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        Path work = Path.of(args.length > 2 ? args[2] : "bench/target/aggregate");
        Path input = work.resolve("artifacts");
        long generated = System.nanoTime();
        long bytes = generate(input, sites, checks);
        System.out.printf(Locale.ROOT, "generated %d sites x %d checks = %d records, %.0f MB of JSON, in %.1f s%n",
                sites, checks, (long) sites * checks, bytes / 1e6, (System.nanoTime() - generated) / 1e9);

        System.gc();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        AtomicLong peak = new AtomicLong(memory.getHeapMemoryUsage().getUsed());
        AtomicBoolean running = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (running.get()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        long cpuBefore = os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : -1;
        long start = System.nanoTime();
        Aggregator.Outcome outcome = Aggregator.run(input.toString(), null, Path.of(""), work.resolve("out"),
                line -> { });
        long wallMs = (System.nanoTime() - start) / 1_000_000;
        long cpuMs = os instanceof com.sun.management.OperatingSystemMXBean sun
                ? (sun.getProcessCpuTime() - cpuBefore) / 1_000_000 : -1;
        double load = os.getSystemLoadAverage();
        running.set(false);
        sampler.join();
        peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);

        long html = Files.size(work.resolve("out").resolve(Aggregator.HTML_FILE));
        System.out.printf(Locale.ROOT, "| sites | records | wall | CPU (all threads) | records/s | peak heap (sampled) "
                + "| max heap | html | load average |%n");
        System.out.printf(Locale.ROOT, "| %d | %d | %.2f s | %.2f s | %.0f | %d MB | %d MB | %.1f MB | %.1f |%n",
                outcome.sites(), outcome.checks(), wallMs / 1000.0, cpuMs / 1000.0,
                outcome.checks() * 1000.0 / Math.max(1, wallMs),
                peak.get() / (1024 * 1024), Runtime.getRuntime().maxMemory() / (1024 * 1024), html / 1e6, load);
        List<String> missed = new ArrayList<>();
        if (outcome.sites() != sites || outcome.checks() != (long) sites * checks) {
            missed.add("aggregated " + outcome.sites() + " sites and " + outcome.checks() + " checks, expected "
                    + sites + " and " + (long) sites * checks);
        }
        if (wallMs > WALL_BUDGET_MS) {
            missed.add("took " + wallMs + " ms, more than " + WALL_BUDGET_MS);
        }
        if (peak.get() > HEAP_BUDGET) {
            missed.add("peaked at " + peak.get() / (1024 * 1024) + " MB of heap, more than 512 MB");
        }
        if (!missed.isEmpty()) {
            System.out.println("MISSED: " + String.join("; ", missed));
            System.exit(1);
        }
        System.out.println("within budget: <= 10 s and <= 512 MB of heap");
    }

    /** Writes the sites' files unless they are already there; returns their total size. */
    static long generate(Path input, int sites, int checks) throws IOException {
        Path marker = input.resolve(".generated-" + sites + "x" + checks);
        if (!Files.exists(marker)) {
            if (Files.exists(input)) {
                try (Stream<Path> old = Files.walk(input)) {
                    for (Path p : old.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
            Random random = new Random(15);
            for (int site = 0; site < sites; site++) {
                site(input, String.format(Locale.ROOT, "store-%04d", site), checks, random);
            }
            Files.createFile(marker);
        }
        try (Stream<Path> files = Files.walk(input)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    /**
     * One site: hosts of 16 services with dns, tcp and tls checks. One site in twenty sits behind Zscaler (every tls
     * check intercepted), one in ten drops APNs (tcp 5223 times out), and 1% of other checks fail at random.
     */
    private static void site(Path input, String name, int checks, Random random) throws IOException {
        boolean zscaler = random.nextInt(20) == 0;
        boolean apnsDropped = random.nextInt(10) == 0;
        List<ResultsFile.Result> results = new ArrayList<>(checks);
        int failed = 0;
        int skipped = 0;
        for (int i = 0; results.size() < checks; i++) {
            String service = SERVICES[i % SERVICES.length];
            String host = "host-" + i + "." + service + ".apple.com";
            String address = "17." + (i % 250) + "." + (i / 250 % 250) + ".10";
            int port = i % 7 == 0 ? 5223 : 443;
            for (String kind : new String[] {"dns", "tcp", "tls"}) {
                if (results.size() == checks) {
                    break;
                }
                String verdict = "OK";
                if (kind.equals("tls") && zscaler) {
                    verdict = "TLS_INTERCEPTED";
                } else if (kind.equals("tcp") && port == 5223 && apnsDropped) {
                    verdict = "TCP_TIMEOUT";
                } else if (random.nextInt(100) == 0) {
                    verdict = kind.equals("dns") ? "DNS_NXDOMAIN" : kind.equals("tcp") ? "TCP_REFUSED"
                            : "TLS_HANDSHAKE_FAILED";
                }
                String status = verdict.equals("OK") ? "passed" : "failed";
                failed += status.equals("failed") ? 1 : 0;
                List<CertificateInfo> chain = kind.equals("tls")
                        ? List.of(new CertificateInfo("CN=" + host, zscaler ? ZSCALER : APPLE, "AbCdEf0123456789",
                                        "2027-03-01T00:00:00Z"),
                                new CertificateInfo(zscaler ? ZSCALER : APPLE, "CN=Root", "0123456789AbCdEf",
                                        "2030-01-01T00:00:00Z"))
                        : null;
                ResultsFile.Observed evidence = new ResultsFile.Observed(List.of(address),
                        kind.equals("dns") ? List.of(host, host + ".edgekey.net", "e1234.a.akamaiedge.net") : null,
                        List.of(address), kind.equals("dns") ? null : address + ":" + port, chain,
                        kind.equals("tls") ? "TLSv1.3" : null, null, null, null);
                results.add(new ResultsFile.Result(service, "*." + service + ".apple.com", host,
                        kind.equals("dns") ? null : port, kind.equals("dns") ? null : "tcp", kind,
                        kind.equals("dns") ? null : "direct", status, verdict,
                        status.equals("passed") ? kind + " to " + host + " fine"
                                : kind + " to " + host + " failed: " + verdict,
                        5 + random.nextInt(200), null, List.of(service, "ios", "macos", kind), evidence, null, null, null,
                        null));
            }
        }
        ResultsFile file = new ResultsFile(new ResultsFile.CatalogInfo("Apple enterprise networks", "2024-11"),
                "2026-11-30T08:00:00Z", 60_000, new ResultsFile.Settings(5000, null, List.of("10.0.0.53"), name),
                new Summary(checks, checks - failed - skipped, failed, skipped, 0), results, null);
        Path dir = Files.createDirectories(input.resolve(name));
        file.write(dir.resolve(ResultsFile.FILE_NAME));
    }
}
