package dev.orchard.probe;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs many checks at once so that a whole catalog takes about one timeout even when a firewall drops
 * everything. Each host's DNS is resolved once and shared; a check whose prerequisite failed is skipped naming
 * that failure, because a second timeout on a dead port would only hide the cause. At most {@value #PER_HOST}
 * checks touch one host at a time per IP family, as a device would, so that a site's rate limits do not fake
 * failures; the two halves of a dual-stack host run side by side, so a dropped IPv6 path costs one timeout.
 *
 * <p>{@code parallelism} bounds the threads doing work, not the connects waiting for an answer: a direct tcp
 * check first connects without blocking on one shared selector thread ({@link Connector}), still within its
 * host's lane. A dropped connect then ends as the probe's own timeout result without ever taking a pool thread,
 * so a dropping firewall costs one timeout however many checks there are; a connect that succeeds or fails fast
 * runs the normal probe on the pool.
 */
final class CheckRunner implements AutoCloseable {

    static final int PER_HOST = 4;

    private static final System.Logger LOG = System.getLogger(CheckRunner.class.getName());
    private static final AtomicInteger RUNNERS = new AtomicInteger();

    /** Runs one check of a host whose DNS passed. */
    interface Prober {
        ProbeResult run(CheckTarget target, DnsResolution dns);
    }

    /** Says which checks take a non-blocking pre-flight connect, and where to. */
    interface Preflights {
        /** The check's pre-flight, or null when it runs straight on the pool (proxy routes, UDP, refused targets). */
        Preflight of(CheckTarget target, DnsResolution dns);
    }

    /**
     * The connect a tcp probe would make first, and the result it would give had that connect timed out after
     * the given time: the pre-flight reports a drop in the probe's own words.
     */
    record Preflight(InetSocketAddress address, Function<Duration, ProbeResult> timedOut) {
    }

    private final Function<String, DnsResolution> resolver;
    private final Prober prober;
    private final Preflights preflights;
    private final Connector connector;
    private final Duration timeout;
    private final int parallelism;
    private final ThreadPoolExecutor pool;
    private final List<Thread> threads = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, HostLane> lanes = new ConcurrentHashMap<>();

    CheckRunner(Function<String, DnsResolution> resolver, Prober prober, Duration timeout, int parallelism) {
        this(resolver, prober, null, timeout, parallelism);
    }

    /** With {@code preflights} (may be null for none), dropped connects wait on one selector thread. */
    CheckRunner(Function<String, DnsResolution> resolver, Prober prober, Preflights preflights, Duration timeout,
            int parallelism) {
        this.resolver = resolver;
        this.prober = prober;
        this.preflights = preflights;
        this.timeout = timeout;
        this.parallelism = parallelism;
        int runner = RUNNERS.incrementAndGet();
        AtomicInteger count = new AtomicInteger();
        ThreadFactory factory = task -> {
            Thread thread = new Thread(task, "orchard-check-" + runner + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            threads.add(thread);
            return thread;
        };
        this.pool = new ThreadPoolExecutor(parallelism, parallelism, 10, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                factory);
        this.pool.allowCoreThreadTimeOut(true);
        this.connector = preflights == null ? null : new Connector("orchard-connect-" + runner);
    }

    /**
     * Runs {@code targets}; never throws for a check's failure, calls {@code listener} as results complete and
     * returns the results in the order of {@code targets}.
     */
    List<ProbeResult> runAll(List<CheckTarget> targets, BiConsumer<CheckTarget, ProbeResult> listener) {
        Run run = new Run(targets, listener);
        List<CompletableFuture<ProbeResult>> futures = targets.stream().map(run::future).toList();
        Duration budget = budget(targets);
        long deadline = System.nanoTime() + budget.toNanos();
        List<ProbeResult> results = new ArrayList<>(targets.size());
        for (int i = 0; i < targets.size(); i++) {
            results.add(await(targets.get(i), futures.get(i), deadline, budget, run));
        }
        return results;
    }

    /** A generous bound on a run: a dependency chain of timeouts per wave, so nothing can hang a build. */
    Duration budget(List<CheckTarget> targets) {
        Map<String, Integer> perHost = new HashMap<>();
        targets.forEach(t -> perHost.merge(key(t.host()), 1, Integer::sum));
        int hostWaves = perHost.values().stream().mapToInt(n -> (n + PER_HOST - 1) / PER_HOST).max().orElse(0);
        int waves = Math.max(hostWaves, (targets.size() + parallelism - 1) / parallelism);
        return timeout.multipliedBy(4L + 2L * waves).plusSeconds(2);
    }

    private ProbeResult await(CheckTarget target, CompletableFuture<ProbeResult> future, long deadline,
            Duration budget, Run run) {
        long remaining = Math.max(0, deadline - System.nanoTime());
        try {
            return future.get(remaining, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            run.complete(target, future, ProbeResult.failed(Verdict.NOT_RUN, target.check().displayName() + " of "
                    + target.host() + " did not finish within the run's budget of " + TcpFailure.describe(budget),
                    null, null));
            return future.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            run.complete(target, future, ProbeResult.failed(Verdict.NOT_RUN, "interrupted before "
                    + target.check().displayName() + " of " + target.host() + " finished", null, null));
            return future.join();
        } catch (ExecutionException e) {
            return ProbeResult.failed(Verdict.NOT_RUN, "could not run: " + e.getCause(), null, null);
        }
    }

    /**
     * Stops the threads; checks still running end with their sockets closed by the probes, pre-flights with
     * their channels closed by the connector.
     */
    @Override
    public void close() {
        pool.shutdownNow();
        if (connector != null) {
            // after the pool, so that a pre-flight ended by the close cannot start a probe
            connector.close();
        }
        try {
            pool.awaitTermination(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
            List<Thread> started;
            synchronized (threads) {
                started = new ArrayList<>(threads);
            }
            for (Thread thread : started) {
                thread.join(1000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String key(String host) {
        String lower = host.toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }

    /** The state of one runAll call: shared DNS and each target's future, for its dependents to wait on. */
    private final class Run {
        private final Set<CheckTarget> requested;
        private final BiConsumer<CheckTarget, ProbeResult> listener;
        private final Map<String, CompletableFuture<DnsResolution>> dns = new HashMap<>();
        private final Map<CheckTarget, CompletableFuture<ProbeResult>> results = new HashMap<>();
        /** Completes when the target's pre-flight connected, or else when its result is in. */
        private final Map<CheckTarget, CompletableFuture<Void>> opened = new HashMap<>();
        private final Set<CompletableFuture<ProbeResult>> claimed = ConcurrentHashMap.newKeySet();
        private final AtomicBoolean listenerFailed = new AtomicBoolean();

        Run(List<CheckTarget> targets, BiConsumer<CheckTarget, ProbeResult> listener) {
            this.requested = new HashSet<>(targets);
            this.listener = listener == null ? (t, r) -> { } : listener;
        }

        /** The target's future, created once; called on the caller's thread only. */
        CompletableFuture<ProbeResult> future(CheckTarget target) {
            CompletableFuture<ProbeResult> existing = results.get(target);
            if (existing != null) {
                return existing;
            }
            CompletableFuture<ProbeResult> result = new CompletableFuture<>();
            results.put(target, result);
            CompletableFuture<Void> connected = new CompletableFuture<>();
            opened.put(target, connected);
            result.whenComplete((value, error) -> connected.complete(null));
            if (target.endpoint().isDisabled()) {
                complete(target, result, ProbeResult.skipped(Verdict.DISABLED,
                        "disabled: " + target.endpoint().disabledReason()));
                return result;
            }
            // The PAC check names a file, not a host: it has no DNS of its own to wait for.
            CompletableFuture<DnsResolution> resolution = target.check().kind() == CheckKind.PAC
                    ? CompletableFuture.completedFuture(new DnsResolution(ProbeResult.passed("", null, null),
                            List.of()))
                    : dns.computeIfAbsent(key(target.host()),
                            h -> CompletableFuture.supplyAsync(() -> resolve(target.host()), pool));
            List<Map.Entry<Check, CompletableFuture<ProbeResult>>> prerequisites = new ArrayList<>();
            List<CompletableFuture<Void>> prerequisitesOpen = new ArrayList<>();
            for (Check prerequisite : CheckPlanner.prerequisites(target.check())) {
                CheckTarget needed = new CheckTarget(target.endpoint(), target.host(), prerequisite);
                if (prerequisite.kind() != CheckKind.DNS && requested.contains(needed)) {
                    prerequisites.add(Map.entry(prerequisite, future(needed)));
                    prerequisitesOpen.add(opened.get(needed));
                }
            }
            CompletableFuture<ProbeResult> pipeline = resolution.thenCompose(r -> {
                if (target.check().kind() == CheckKind.DNS) {
                    return CompletableFuture.completedFuture(r.result());
                }
                if (!r.result().passed()) {
                    return CompletableFuture.completedFuture(Skips.dnsFailed(target.host(), r.result()));
                }
                // A dependent starts once its prerequisites' ports accepted a connection (their pre-flight connected)
                // or their results are in, whichever comes first: a tcp check's watch for a reset need not delay
                // its tls check. The dependent's own result counts only when every prerequisite passed; otherwise
                // it is the skip naming the first failed one, as if it had never started.
                CompletableFuture<?>[] open = prerequisitesOpen.toArray(CompletableFuture[]::new);
                CompletableFuture<?>[] waits = prerequisites.stream().map(Map.Entry::getValue)
                        .toArray(CompletableFuture[]::new);
                return CompletableFuture.allOf(open).thenCompose(ignored -> {
                    ProbeResult skip = skip(target, prerequisites);
                    if (skip != null) {
                        return CompletableFuture.completedFuture(skip);
                    }
                    CompletableFuture<ProbeResult> own = lane(target).submit(() -> start(target, r,
                            () -> connected.complete(null)));
                    return CompletableFuture.allOf(waits).thenCompose(done -> {
                        ProbeResult failed = skip(target, prerequisites);
                        return failed != null ? CompletableFuture.completedFuture(failed) : own;
                    });
                });
            });
            CheckTarget otherHalf = FamilyNotes.otherHalf(target);
            if (otherHalf != null && requested.contains(otherHalf)) {
                // The IPv6 half waits for the IPv4 half (never the reverse) to say what a difference means.
                pipeline = pipeline.thenCombine(future(otherHalf), (mine, other) -> FamilyNotes.note(target, mine,
                        other));
            }
            pipeline.whenComplete((value, error) -> complete(target, result, value != null ? value
                    : ProbeResult.failed(Verdict.NOT_RUN, "could not run: " + error, null, null)));
            return result;
        }

        /** The skip naming the first prerequisite (in order) known to have failed, or null when none has. */
        private ProbeResult skip(CheckTarget target,
                List<Map.Entry<Check, CompletableFuture<ProbeResult>>> prerequisites) {
            for (Map.Entry<Check, CompletableFuture<ProbeResult>> p : prerequisites) {
                ProbeResult before = p.getValue().getNow(null);
                if (before != null && !before.passed()) {
                    return Skips.prerequisiteFailed(p.getKey(), target.host(), before);
                }
            }
            return null;
        }

        /**
         * Completes once: the first result wins, and only it reaches the listener. The listener hears it before
         * the future completes, so runAll never returns while a listener call is still under way.
         */
        void complete(CheckTarget target, CompletableFuture<ProbeResult> future, ProbeResult result) {
            if (!claimed.add(future)) {
                return;
            }
            // a result decided without running (skipped, disabled, out of budget) starts when it is decided
            ProbeResult value = result.started() != null ? result
                    : result.startedAt(Instant.now().minus(result.duration()));
            try {
                listener.accept(target, value);
            } catch (RuntimeException e) {
                if (!listenerFailed.getAndSet(true)) {
                    LOG.log(System.Logger.Level.WARNING, "the result listener failed (reported once per run) at "
                            + target.check().displayName() + " of " + target.host(), e);
                }
            } finally {
                future.complete(value);
            }
        }
    }

    private DnsResolution resolve(String host) {
        Instant started = Instant.now();
        try {
            DnsResolution resolution = resolver.apply(host);
            return new DnsResolution(resolution.result().startedAt(started), resolution.addresses());
        } catch (RuntimeException e) {
            return new DnsResolution(ProbeResult.failed(Verdict.NOT_RUN, "DNS for " + host + " could not run: " + e,
                    null, null), List.of());
        }
    }

    /**
     * Starts a check inside its host's lane: a pre-flight connect first when it has one, so a drop is reported by
     * the selector thread when the timeout passes, else the probe on the pool.
     */
    private CompletableFuture<ProbeResult> start(CheckTarget target, DnsResolution resolution, Runnable connected) {
        Preflight preflight = preflight(target, resolution);
        if (preflight == null) {
            return CompletableFuture.supplyAsync(() -> probe(target, resolution, Instant.now()), pool);
        }
        long started = System.nanoTime();
        Instant begun = Instant.now();
        return connector.connect(preflight.address(), timeout).thenCompose(outcome -> {
            if (outcome == Connector.Outcome.TIMED_OUT) {
                return CompletableFuture.completedFuture(timedOut(target, preflight, started).startedAt(begun));
            }
            if (outcome == Connector.Outcome.CONNECTED) {
                connected.run();
            }
            return CompletableFuture.supplyAsync(() -> probe(target, resolution, begun), pool);
        });
    }

    private Preflight preflight(CheckTarget target, DnsResolution resolution) {
        if (connector == null) {
            return null;
        }
        try {
            return preflights.of(target, resolution);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "no pre-flight for " + target.check().displayName() + " of "
                    + target.host() + "; probing on the pool", e);
            return null;
        }
    }

    private ProbeResult timedOut(CheckTarget target, Preflight preflight, long started) {
        try {
            return preflight.timedOut().apply(TcpProbe.since(started));
        } catch (RuntimeException e) {
            return ProbeResult.failed(Verdict.NOT_RUN, target.check().displayName() + " of " + target.host()
                    + " could not run: " + e, null, null);
        }
    }

    /** Runs the probe on a pool thread; {@code started} is the pre-flight's start, else now, on this thread. */
    private ProbeResult probe(CheckTarget target, DnsResolution resolution, Instant started) {
        try {
            return prober.run(target, resolution).startedAt(started);
        } catch (RuntimeException e) {
            return ProbeResult.failed(Verdict.NOT_RUN, target.check().displayName() + " of " + target.host()
                    + " could not run: " + e, null, null).startedAt(started);
        }
    }

    /** A host's lane per family: the two families reach different addresses, as a device's Happy Eyeballs does. */
    private HostLane lane(CheckTarget target) {
        IpFamily family = target.check().family();
        return lanes.computeIfAbsent(key(target.host()) + (family == null ? "" : "|" + family.tag()),
                h -> new HostLane());
    }

    /**
     * Lets at most {@value #PER_HOST} checks of one host run at once; the rest wait without holding a thread. A
     * check holds its place until its future completes, whether a pool thread or a pre-flight connect is behind it.
     */
    private static final class HostLane {
        private final Deque<Job<?>> waiting = new ArrayDeque<>();
        private int active;

        <T> CompletableFuture<T> submit(Supplier<CompletableFuture<T>> work) {
            Job<T> job = new Job<>(work, new CompletableFuture<>());
            boolean start;
            synchronized (this) {
                start = active < PER_HOST;
                if (start) {
                    active++;
                } else {
                    waiting.add(job);
                }
            }
            if (start) {
                begin(job);
            }
            return job.future;
        }

        private void begin(Job<?> job) {
            job.start().whenComplete((value, error) -> {
                Job<?> next;
                synchronized (this) {
                    next = waiting.poll();
                    if (next == null) {
                        active--;
                    }
                }
                if (next != null) {
                    begin(next);
                }
            });
        }
    }

    /** Work waiting for a host's lane, with the future its dependents wait on. */
    private record Job<T>(Supplier<CompletableFuture<T>> work, CompletableFuture<T> future) {
        /** Starts the work (a rejected start fails the job) and passes its outcome on to the job's future. */
        CompletableFuture<T> start() {
            CompletableFuture<T> started;
            try {
                started = work.get();
            } catch (RuntimeException e) {
                started = CompletableFuture.failedFuture(e);
            }
            return started.whenComplete((value, error) -> {
                if (error != null) {
                    future.completeExceptionally(error);
                } else {
                    future.complete(value);
                }
            });
        }
    }
}
