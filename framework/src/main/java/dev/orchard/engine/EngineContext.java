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
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.hierarchical.EngineExecutionContext;

/**
 * The state of one engine run: the network (created on first use, closed at the end) and the pending result
 * of every started check. Checks run concurrently; descriptors report them in tree order as they complete.
 */
final class EngineContext implements EngineExecutionContext, AutoCloseable {

    private final Supplier<NetworkFactory.Session> networkFactory;
    private final EngineExecutionListener listener;
    private Catalog catalog;
    private final Map<CheckDescriptor, CompletableFuture<ProbeResult>> pending = new IdentityHashMap<>();
    private NetworkFactory.Session session;

    private final String runId;

    EngineContext(Supplier<NetworkFactory.Session> networkFactory, EngineExecutionListener listener, String runId) {
        this.networkFactory = networkFactory;
        this.listener = listener;
        this.runId = runId;
    }

    synchronized Network network() {
        if (session == null) {
            session = networkFactory.get();
        }
        return session.network();
    }

    /** Starts every check of a catalog in the background, within the network's bounds. */
    void start(Catalog catalog, List<CheckDescriptor> checks, List<CheckTarget> targets) {
        Network net = network();
        this.catalog = catalog;
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

    /** Makes an executed check's result visible: as a JUnit report entry and to the results listener. */
    void publish(CheckDescriptor check, ProbeResult result) {
        listener.reportingEntryPublished(check, ReportEntry.from(Map.of(
                "apple-network.verdict", result.verdict().name(),
                "apple-network.message", result.message())));
        record(check, result);
    }

    /** Hands the full result to the results listener (skipped checks have no report entry). */
    void record(CheckDescriptor check, ProbeResult result) {
        ResultRegistry.put(runId, check.getUniqueId().toString(),
                new ResultRegistry.Entry(check.target(), result, catalog, network().settings()));
    }

    @Override
    public synchronized void close() {
        if (session != null) {
            session.close();
        }
    }
}
