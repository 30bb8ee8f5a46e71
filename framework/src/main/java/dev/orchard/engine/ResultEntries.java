package dev.orchard.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.orchard.catalog.Catalog;
import dev.orchard.catalog.Endpoint;
import dev.orchard.probe.Evidence;
import dev.orchard.probe.NetworkSettings;
import dev.orchard.probe.ProbeResult;
import dev.orchard.probe.Status;
import dev.orchard.probe.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.platform.engine.reporting.ReportEntry;

/**
 * The report entries through which the engine hands its results to launcher listeners (the results listener, the
 * Maven plugin), in the launcher's own channel: the catalog container says which catalog ran on which network,
 * each endpoint container which row and host it probes, and each check its result. Listeners key what they read by
 * the unique ids of the descriptors that published it, so runs in one JVM never mix. Both ends live here, so the
 * format has one owner.
 */
final class ResultEntries {

    static final String VERDICT = "apple-network.verdict";
    static final String MESSAGE = "apple-network.message";
    static final String STATUS = "apple-network.status";
    static final String DURATION_MS = "apple-network.durationMs";
    static final String STARTED = "apple-network.started";
    static final String EVIDENCE = "apple-network.evidence";
    static final String CATALOG = "apple-network.catalog";
    static final String REVISION = "apple-network.revision";
    static final String SETTINGS = "apple-network.settings";
    static final String ROW = "apple-network.row";
    static final String HOST = "apple-network.host";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(MapperFeature.AUTO_DETECT_IS_GETTERS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** Which catalog ran, and the network's settings without credentials. */
    record Run(String catalogName, String catalogRevision, NetworkSettings settings) {
    }

    /** One probed host of one row. */
    record Row(Endpoint endpoint, String host) {
    }

    private ResultEntries() {
    }

    static ReportEntry run(Catalog catalog, NetworkSettings settings) {
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("dnsServers", settings.dnsServers());
        shown.put("proxy", settings.proxy());
        shown.put("trustAnchors", settings.trustAnchors());
        shown.put("connectTo", settings.connectTo());
        shown.put("timeoutMs", settings.timeout().toMillis());
        shown.put("parallelism", settings.parallelism());
        return ReportEntry.from(Map.of(CATALOG, catalog.name(), REVISION, catalog.source().revision(),
                SETTINGS, json(shown)));
    }

    static ReportEntry row(Endpoint endpoint, String host) {
        return ReportEntry.from(Map.of(ROW, json(endpoint), HOST, host));
    }

    /** The verdict and message for people (IDEs show them), and the rest of the result for listeners. */
    static ReportEntry result(ProbeResult result) {
        Map<String, String> entry = new LinkedHashMap<>();
        entry.put(VERDICT, result.verdict().name());
        entry.put(MESSAGE, result.message());
        entry.put(STATUS, result.status().name());
        entry.put(DURATION_MS, String.valueOf(result.duration().toMillis()));
        if (result.started() != null) {
            entry.put(STARTED, result.started().toString());
        }
        if (!result.evidence().equals(Evidence.NONE)) {
            entry.put(EVIDENCE, json(result.evidence()));
        }
        return ReportEntry.from(entry);
    }

    static Optional<Run> readRun(ReportEntry entry) {
        Map<String, String> values = entry.getKeyValuePairs();
        if (!values.containsKey(CATALOG) || !values.containsKey(SETTINGS)) {
            return Optional.empty();
        }
        Shown shown = read(values.get(SETTINGS), Shown.class);
        return Optional.of(new Run(values.get(CATALOG), values.getOrDefault(REVISION, ""),
                new NetworkSettings(shown.dnsServers(), shown.proxy(), shown.trustAnchors(), shown.connectTo(),
                        Duration.ofMillis(shown.timeoutMs()), shown.parallelism())));
    }

    static Optional<Row> readRow(ReportEntry entry) {
        Map<String, String> values = entry.getKeyValuePairs();
        if (!values.containsKey(ROW) || !values.containsKey(HOST)) {
            return Optional.empty();
        }
        return Optional.of(new Row(read(values.get(ROW), Endpoint.class), values.get(HOST)));
    }

    static Optional<ProbeResult> readResult(ReportEntry entry) {
        Map<String, String> values = entry.getKeyValuePairs();
        if (!values.containsKey(STATUS) || !values.containsKey(VERDICT)) {
            return Optional.empty();
        }
        Evidence evidence = values.containsKey(EVIDENCE) ? read(values.get(EVIDENCE), Evidence.class) : Evidence.NONE;
        Instant started = values.containsKey(STARTED) ? Instant.parse(values.get(STARTED)) : null;
        return Optional.of(new ProbeResult(Status.valueOf(values.get(STATUS)), Verdict.valueOf(values.get(VERDICT)),
                values.get(MESSAGE), Duration.ofMillis(Long.parseLong(values.get(DURATION_MS))), evidence, started));
    }

    /** The settings as the run entry carries them. */
    record Shown(List<String> dnsServers, String proxy, String trustAnchors, List<String> connectTo,
            long timeoutMs, int parallelism) {
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a result entry: " + e.getOriginalMessage(), e);
        }
    }

    private static <T> T read(String text, Class<T> type) {
        try {
            return JSON.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read a result entry as " + type.getSimpleName() + ": "
                    + e.getOriginalMessage(), e);
        }
    }
}
