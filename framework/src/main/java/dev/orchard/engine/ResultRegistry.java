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
 * which JUnit's events cannot carry. Each engine run starts with an empty registry.
 */
final class ResultRegistry {

    /** A finished check with what reports need to know about its run. */
    record Entry(CheckTarget target, ProbeResult result, Catalog catalog, NetworkSettings settings) {
    }

    private static final Map<String, Entry> ENTRIES = new ConcurrentHashMap<>();

    private ResultRegistry() {
    }

    static void put(String uniqueId, Entry entry) {
        ENTRIES.put(uniqueId, entry);
    }

    static Optional<Entry> get(String uniqueId) {
        return Optional.ofNullable(ENTRIES.get(uniqueId));
    }

    /** Forgets the previous run's results; called when an engine run starts. */
    static void clear() {
        ENTRIES.clear();
    }
}
