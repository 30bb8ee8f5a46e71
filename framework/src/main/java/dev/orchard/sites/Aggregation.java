package dev.orchard.sites;

import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Every site's condensed run, and the files that could not be used. When two files carry the same site, the later
 * run counts and the earlier file is listed as skipped: CI artifacts of several weeks often sit side by side.
 */
final class Aggregation {

    /** A file that was not aggregated, and why. */
    record Skipped(Path file, String problem) {
        /** {@code file:line:col: what}, naming the file once. */
        String line() {
            String text = problem == null ? "unreadable" : problem;
            return text.startsWith(file.toString()) ? text : file + ": " + text;
        }
    }

    /** The sites a cause was seen at, and in how many checks. */
    record Spread(Set<String> sites, int checks) {
    }

    final Map<String, SiteRun> sites = new TreeMap<>();
    final List<Skipped> skipped = new ArrayList<>();
    boolean baseline;

    synchronized void add(SiteRun run) {
        SiteRun earlier = sites.get(run.site());
        if (earlier == null) {
            sites.put(run.site(), run);
            return;
        }
        boolean newer = instant(run.header.startedAt()).isAfter(instant(earlier.header.startedAt()));
        SiteRun kept = newer ? run : earlier;
        SiteRun dropped = newer ? earlier : run;
        sites.put(run.site(), kept);
        skipped.add(new Skipped(dropped.header.file(), "an older run of site '" + run.site() + "' than "
                + kept.header.file() + "; the later run counts"));
    }

    synchronized void skip(Path file, String problem) {
        skipped.add(new Skipped(file, problem));
    }

    static Instant instant(String iso) {
        try {
            return Instant.parse(iso);
        } catch (DateTimeParseException e) {
            return Instant.EPOCH;
        }
    }

    List<Skipped> skippedInOrder() {
        return skipped.stream().sorted(Comparator.comparing(s -> s.file().toString())).toList();
    }

    /** Every service any site checked, alphabetically. */
    List<String> services() {
        Set<String> all = new TreeSet<>();
        sites.values().forEach(run -> all.addAll(run.services.keySet()));
        return List.copyOf(all);
    }

    long checks() {
        return sites.values().stream().mapToLong(run -> run.totals.total).sum();
    }

    long count(java.util.function.ToIntFunction<SiteRun> field) {
        return sites.values().stream().mapToLong(field::applyAsInt).sum();
    }

    /** Each cause with the sites it was seen at, most widespread first. */
    List<Map.Entry<Cause, Spread>> causes() {
        Map<Cause, Set<String>> sitesOf = new TreeMap<>();
        Map<Cause, Integer> checks = new TreeMap<>();
        for (SiteRun run : sites.values()) {
            run.causes.forEach((cause, n) -> {
                sitesOf.computeIfAbsent(cause, c -> new TreeSet<>()).add(run.site());
                checks.merge(cause, n, Integer::sum);
            });
        }
        List<Map.Entry<Cause, Spread>> list = new ArrayList<>();
        sitesOf.forEach((cause, names) -> list.add(Map.entry(cause, new Spread(names, checks.get(cause)))));
        list.sort(Comparator.<Map.Entry<Cause, Spread>>comparingInt(e -> -e.getValue().sites().size())
                .thenComparing(Map.Entry::getKey));
        return list;
    }

    /** Per verdict, the sites it failed at (any detail), most widespread first. */
    Map<String, Set<String>> sitesByVerdict() {
        Map<String, Set<String>> byVerdict = new TreeMap<>();
        for (SiteRun run : sites.values()) {
            run.causes.keySet().forEach(cause -> byVerdict.computeIfAbsent(cause.verdict(), v -> new TreeSet<>())
                    .add(run.site()));
        }
        return byVerdict;
    }

    int newFailures() {
        return sites.values().stream().filter(run -> run.drift != null).mapToInt(run -> run.drift.newFailures().size())
                .sum();
    }
}
