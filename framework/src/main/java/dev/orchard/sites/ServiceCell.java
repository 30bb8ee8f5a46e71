package dev.orchard.sites;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** One cell of the site × service matrix: a service's counts at one site and its worst verdict. */
final class ServiceCell {

    int total;
    int passed;
    int failed;
    int skipped;
    /** Verdicts of failed checks with their counts, by name. */
    final Map<String, Integer> failures = new TreeMap<>();
    /** Verdicts of skipped checks with their counts, by name. */
    final Map<String, Integer> skips = new TreeMap<>();

    void add(CheckRecord record) {
        total++;
        if (record.passed()) {
            passed++;
        } else if (record.failed()) {
            failed++;
            failures.merge(record.verdict(), 1, Integer::sum);
        } else {
            skipped++;
            skips.merge(record.verdict(), 1, Integer::sum);
        }
    }

    /** The verdict that names the cell: the commonest failure verdict, else the commonest skip, else OK. */
    String worst() {
        Map<String, Integer> from = !failures.isEmpty() ? failures : skips;
        return from.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey(java.util.Comparator.reverseOrder())))
                .map(Map.Entry::getKey).orElse("OK");
    }

    /** {@code fail}, {@code skip}, {@code off} (every check disabled by the site catalog) or {@code pass}. */
    String colour() {
        if (failed > 0) {
            return "fail";
        }
        if (skipped > 0) {
            return skipped == total && skips.keySet().equals(Set.of("DISABLED")) ? "off" : "skip";
        }
        return "pass";
    }
}
