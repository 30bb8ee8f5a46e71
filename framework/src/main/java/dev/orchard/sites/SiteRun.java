package dev.orchard.sites;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One site's run, condensed while its file streams past: its totals, one {@link ServiceCell} per service, the
 * causes of its failures, and its first failures for the drill-down. A site's 500 checks become a few hundred
 * bytes, unless a drift comparison needs them all for the moment.
 */
final class SiteRun {

    /** The drill-down lists this many failures per site and counts the rest. */
    static final int MAX_FAILURES = 100;

    /** Set once the whole file is read: a file may name its site after its results. */
    RunHeader header;
    final ServiceCell totals = new ServiceCell();
    final Map<String, ServiceCell> services = new LinkedHashMap<>();
    final Map<Cause, Integer> causes = new TreeMap<>();
    final List<CheckRecord> failures = new ArrayList<>();
    private final List<CheckRecord> kept;
    Drift drift;

    /** @param keepAll whether to keep every record, for a drift comparison */
    SiteRun(boolean keepAll) {
        this.kept = keepAll ? new ArrayList<>() : null;
    }

    void add(CheckRecord record) {
        totals.add(record);
        services.computeIfAbsent(record.service(), s -> new ServiceCell()).add(record);
        if (record.failed()) {
            causes.merge(Cause.of(record), 1, Integer::sum);
            if (failures.size() < MAX_FAILURES) {
                failures.add(record);
            }
        }
        if (kept != null) {
            kept.add(record);
        }
    }

    /** Every record, when kept for a drift comparison; then released. */
    List<CheckRecord> takeKept() {
        List<CheckRecord> all = kept == null ? List.of() : List.copyOf(kept);
        if (kept != null) {
            kept.clear();
        }
        return all;
    }

    String site() {
        return header.site();
    }
}
