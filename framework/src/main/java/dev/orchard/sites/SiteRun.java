package dev.orchard.sites;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One site's run, condensed while its file streams past: counts, one {@link ServiceCell} per service, the causes
 * of its failures, and its first failures for the drill-down. A site's 500 checks become a few hundred bytes.
 */
final class SiteRun {

    /** The drill-down lists this many failures per site and counts the rest. */
    static final int MAX_FAILURES = 100;

    final RunHeader header;
    int total;
    int passed;
    int failed;
    int skipped;
    final Map<String, ServiceCell> services = new LinkedHashMap<>();
    final Map<Cause, Integer> causes = new TreeMap<>();
    final List<CheckRecord> failures = new ArrayList<>();
    Drift drift;

    SiteRun(RunHeader header) {
        this.header = header;
    }

    /** A run being read, before its header (which may come last in a file) is known. */
    static final class Builder {
        private int total;
        private int passed;
        private int failed;
        private int skipped;
        private final Map<String, ServiceCell> services = new LinkedHashMap<>();
        private final Map<Cause, Integer> causes = new TreeMap<>();
        private final List<CheckRecord> failures = new ArrayList<>();
        private final List<CheckRecord> kept;

        /** @param keepAll whether to keep every record, for a drift comparison */
        Builder(boolean keepAll) {
            this.kept = keepAll ? new ArrayList<>() : null;
        }

        void add(CheckRecord record) {
            total++;
            if (record.passed()) {
                passed++;
            } else if (record.failed()) {
                failed++;
                causes.merge(Cause.of(record), 1, Integer::sum);
                if (failures.size() < MAX_FAILURES) {
                    failures.add(record);
                }
            } else {
                skipped++;
            }
            services.computeIfAbsent(record.service(), s -> new ServiceCell()).add(record);
            if (kept != null) {
                kept.add(record);
            }
        }

        List<CheckRecord> kept() {
            return kept == null ? List.of() : kept;
        }

        SiteRun build(RunHeader header) {
            SiteRun run = new SiteRun(header);
            run.total = total;
            run.passed = passed;
            run.failed = failed;
            run.skipped = skipped;
            run.services.putAll(services);
            run.causes.putAll(causes);
            run.failures.addAll(failures);
            return run;
        }
    }

    String site() {
        return header.site();
    }
}
