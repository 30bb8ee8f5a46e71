package dev.orchard.engine;

import dev.orchard.catalog.Catalog;
import dev.orchard.probe.CheckTarget;
import dev.orchard.probe.NetworkSettings;
import dev.orchard.probe.ProbeResult;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hands each check's full result (verdict, evidence) from the engine to launcher-side listeners in the same JVM,
 * which JUnit's events cannot carry. Entries are keyed by run id, so two runs in one JVM at once do not mix.
 */
final class ResultRegistry {

    /** A finished check with what reports need to know about its run. */
    record Entry(CheckTarget target, ProbeResult result, Catalog catalog, NetworkSettings settings) {
    }

    private static final Map<String, Entry> ENTRIES = new ConcurrentHashMap<>();

    private ResultRegistry() {
    }

    static void put(String runId, String uniqueId, Entry entry) {
        ENTRIES.put(key(runId, uniqueId), entry);
    }

    /** Hands a check's result to one listener; taking it keeps long-lived JVMs (a Maven daemon) from growing. */
    static Optional<Entry> take(String runId, String uniqueId) {
        return Optional.ofNullable(ENTRIES.remove(key(runId, uniqueId)));
    }

    /** Forgets what a previous run with this id left; called when an engine run starts. */
    static void clear(String runId) {
        ENTRIES.keySet().removeIf(key -> key.startsWith(runId + "\n"));
    }

    /** Runs in one JVM at once (parallel Maven modules) keep apart by their run id. */
    private static String key(String runId, String uniqueId) {
        return runId + "\n" + uniqueId;
    }
}
