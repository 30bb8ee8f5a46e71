package dev.orchard.engine;

import dev.orchard.catalog.Catalog;
import dev.orchard.probe.CheckTarget;
import dev.orchard.probe.Network;
import dev.orchard.probe.ProbeResult;
import dev.orchard.probe.Verdict;
import java.time.Duration;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.support.hierarchical.EngineExecutionContext;

/**
 * The state of one engine run: the network (created on first use, closed at the end) and the pending result
 * of every started check. Checks run concurrently; descriptors report them in tree order as they complete.
 */
final class EngineContext implements EngineExecutionContext, AutoCloseable {

    private final Supplier<NetworkFactory.Session> networkFactory;
    private final EngineExecutionListener listener;
    private final Map<CheckDescriptor, CompletableFuture<ProbeResult>> pending = new IdentityHashMap<>();
    private NetworkFactory.Session session;

    EngineContext(Supplier<NetworkFactory.Session> networkFactory, EngineExecutionListener listener) {
        this.networkFactory = networkFactory;
        this.listener = listener;
    }

    synchronized Network network() {
        if (session == null) {
            session = networkFactory.get();
        }
        return session.network();
    }

    /**
     * Starts every check of a catalog in the background, within the network's bounds, and tells listeners which
     * catalog runs on which network.
     */
    void start(TestDescriptor first, Catalog catalog, List<CheckDescriptor> checks, List<CheckTarget> targets) {
        Network net = network();
        Map<CheckTarget, CompletableFuture<ProbeResult>> byTarget = new IdentityHashMap<>();
        synchronized (pending) {
            for (int i = 0; i < checks.size(); i++) {
                CompletableFuture<ProbeResult> future = new CompletableFuture<>();
                pending.put(checks.get(i), future);
                byTarget.put(targets.get(i), future);
            }
        }
        Thread runner = new Thread(() -> {
            try {
                List<ProbeResult> results = net.runAll(targets, (target, result) -> {
                    CompletableFuture<ProbeResult> future = byTarget.get(target);
                    if (future != null) {
                        future.complete(result);
                    }
                });
                for (int i = 0; i < targets.size(); i++) {
                    byTarget.get(targets.get(i)).complete(results.get(i));
                }
            } catch (RuntimeException | Error e) {
                byTarget.values().forEach(f -> f.completeExceptionally(e));
            }
        }, "apple-network-runner");
        runner.setDaemon(true);
        runner.start();
        // After the checks started: the first JSON written in a JVM costs a few hundred milliseconds of class
        // loading, which the checks need not wait for. Results are published after this, on this thread.
        listener.reportingEntryPublished(first, ResultEntries.run(catalog, net.settings()));
    }

    /** Waits for a check's result; the network bounds every probe, so this wait is a safety net only. */
    ProbeResult awaitResult(CheckDescriptor check) {
        CompletableFuture<ProbeResult> future;
        synchronized (pending) {
            future = pending.get(check);
        }
        if (future == null) {
            throw new IllegalStateException("check " + check.getUniqueId() + " was not started");
        }
        Duration limit = network().settings().timeout().multipliedBy(4).plusSeconds(30);
        try {
            return future.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ProbeResult.skipped(Verdict.NOT_RUN, "interrupted before the check finished");
        } catch (ExecutionException e) {
            throw new IllegalStateException("the check runner failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("no result for " + check.getDisplayName() + " after " + limit);
        }
    }

    /** Tells listeners which row and host an endpoint container probes. */
    void describe(EndpointDescriptor endpoint) {
        listener.reportingEntryPublished(endpoint, ResultEntries.row(endpoint.endpoint(), endpoint.host()));
    }

    /**
     * Makes a check's result visible, as a report entry: JUnit shows its verdict and message, and the results
     * listener and the Maven plugin read the whole result from it. Skipped checks publish it too, before JUnit
     * reports them skipped, since a skip reason alone does not carry the verdict.
     */
    void publish(CheckDescriptor check, ProbeResult result) {
        listener.reportingEntryPublished(check, ResultEntries.result(result));
    }

    @Override
    public synchronized void close() {
        if (session != null) {
            session.close();
        }
    }
}
