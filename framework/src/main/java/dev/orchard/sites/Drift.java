package dev.orchard.sites;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.orchard.probe.AppleRanges;
import dev.orchard.report.ConsoleReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * What changed at a site since a baseline run. Checks are matched by service, host, check kind, port and (when a
 * file records one) address family, so a check keeps its identity when its result changes.
 *
 * @param baseline the baseline file
 * @param baselineStartedAt when the baseline run started
 * @param newFailures checks that fail now and did not fail in the baseline (including checks the baseline lacks)
 * @param fixed checks that failed in the baseline and pass now
 * @param verdictChanges other checks whose verdict changed, such as OK to NOT_RUN
 * @param cnameChanges checks whose CNAME chain changed
 * @param issuerChanges checks whose certificate issuers changed
 * @param leftApple checks whose addresses were all in Apple's ranges and now are not (IPv4: 17.0.0.0/8)
 * @param slower checks that passed both times and now take at least twice as long (and 50 ms more)
 * @param newIssuers certificate issuers seen now that no check of the baseline saw: typically an inspection CA
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Drift(String baseline, String baselineStartedAt, List<Change> newFailures, List<Change> fixed,
        List<Change> verdictChanges, List<Change> cnameChanges, List<Change> issuerChanges, List<Change> leftApple,
        List<Change> slower, List<String> newIssuers) {

    /** A latency change smaller than this is noise, however large the ratio. */
    static final long SLOWER_MIN_MS = 50;
    /** The console and the pages list this many changes per kind, then count the rest. */
    static final int SHOWN = 50;

    /**
     * One changed check.
     *
     * @param service the service id
     * @param host the probed host
     * @param check the check, such as {@code tls 443}
     * @param before the baseline's value (a verdict, a chain, a duration), or {@code absent}
     * @param after the value now
     */
    public record Change(String service, String host, String check, String before, String after) {
        String line() {
            return service + "  " + host + "  " + check + ": " + before + " -> " + after;
        }
    }

    /** Compares two runs' checks. */
    static Drift between(String baseline, String baselineStartedAt, List<CheckRecord> before,
            List<CheckRecord> now) {
        Map<String, CheckRecord> old = new LinkedHashMap<>();
        Set<String> oldIssuers = new LinkedHashSet<>();
        for (CheckRecord record : before) {
            old.put(record.key(), record);
            oldIssuers.addAll(record.issuers());
        }
        List<Change> newFailures = new ArrayList<>();
        List<Change> fixed = new ArrayList<>();
        List<Change> verdicts = new ArrayList<>();
        List<Change> cnames = new ArrayList<>();
        List<Change> issuers = new ArrayList<>();
        List<Change> leftApple = new ArrayList<>();
        List<Change> slower = new ArrayList<>();
        Set<String> newIssuers = new LinkedHashSet<>();
        for (CheckRecord record : now) {
            for (String issuer : record.issuers()) {
                if (!oldIssuers.contains(issuer)) {
                    newIssuers.add(issuer);
                }
            }
            CheckRecord was = old.get(record.key());
            if (was == null) {
                if (record.failed()) {
                    newFailures.add(change(record, "absent", record.verdict()));
                }
                continue;
            }
            if (record.failed() && !was.failed()) {
                newFailures.add(change(record, was.verdict(), record.verdict()));
            } else if (was.failed() && record.passed()) {
                fixed.add(change(record, was.verdict(), record.verdict()));
            } else if (!was.verdict().equals(record.verdict())) {
                verdicts.add(change(record, was.verdict(), record.verdict()));
            }
            if (!was.cnameChain().isEmpty() && !record.cnameChain().isEmpty()
                    && !was.cnameChain().equals(record.cnameChain())) {
                cnames.add(change(record, String.join(" → ", was.cnameChain()),
                        String.join(" → ", record.cnameChain())));
            }
            if (!was.issuers().isEmpty() && !record.issuers().isEmpty() && !was.issuers().equals(record.issuers())) {
                issuers.add(change(record, String.join("; ", was.issuers()), String.join("; ", record.issuers())));
            }
            List<String> outside = record.addresses().stream().filter(a -> a.contains(".") && !apple(a)).toList();
            if (!outside.isEmpty() && was.addresses().stream().anyMatch(Drift::apple)
                    && was.addresses().stream().noneMatch(a -> a.contains(".") && !apple(a))) {
                leftApple.add(change(record, String.join(", ", was.addresses()), String.join(", ", outside)));
            }
            if (was.passed() && record.passed() && record.durationMs() >= 2 * was.durationMs()
                    && record.durationMs() - was.durationMs() >= SLOWER_MIN_MS) {
                slower.add(change(record, was.durationMs() + " ms", record.durationMs() + " ms"));
            }
        }
        return new Drift(baseline, baselineStartedAt, newFailures, fixed, verdicts, cnames, issuers, leftApple,
                slower, List.copyOf(newIssuers));
    }

    /** An IPv4 address in Apple's ranges (17.0.0.0/8). */
    static boolean apple(String address) {
        return address.indexOf(':') < 0 && AppleRanges.contains(address);
    }

    private static Change change(CheckRecord record, String before, String after) {
        return new Change(record.service(), record.host(), record.checkName(), before, after);
    }

    /** Nothing changed that drift reports. */
    @JsonIgnore
    public boolean isEmpty() {
        return newFailures.isEmpty() && fixed.isEmpty() && verdictChanges.isEmpty() && cnameChanges.isEmpty()
                && issuerChanges.isEmpty() && leftApple.isEmpty() && slower.isEmpty() && newIssuers.isEmpty();
    }

    /** The kinds of change in a fixed order, with their headings, for every view. */
    @JsonIgnore
    Map<String, List<Change>> sections() {
        Map<String, List<Change>> sections = new LinkedHashMap<>();
        sections.put("New failures", newFailures);
        sections.put("Fixed", fixed);
        sections.put("Verdict changes", verdictChanges);
        sections.put("Changed CNAME chains", cnameChanges);
        sections.put("Changed certificate issuers", issuerChanges);
        sections.put("Addresses that left Apple's ranges", leftApple);
        sections.put("Latency that doubled", slower);
        return sections;
    }

    /** One line of counts, such as {@code 12 new failures, 0 fixed, ...}. */
    public String headline() {
        return newFailures.size() + " new failures, " + fixed.size() + " fixed, " + verdictChanges.size()
                + " other verdict changes, " + cnameChanges.size() + " changed CNAME chains, " + issuerChanges.size()
                + " changed certificate issuers, " + leftApple.size() + " left Apple's ranges, " + slower.size()
                + " slower, " + newIssuers.size() + " new certificate issuers";
    }

    /** The build-log view: the headline, then each non-empty kind with its changes. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add("Drift against " + ConsoleReport.plain(baseline) + (baselineStartedAt.isEmpty() ? ""
                : " (run of " + ConsoleReport.plain(baselineStartedAt) + ")") + ": " + headline());
        sections().forEach((title, changes) -> {
            if (!changes.isEmpty()) {
                lines.add(title + " (" + changes.size() + "):");
                changes.stream().limit(SHOWN).forEach(c -> lines.add("  " + ConsoleReport.plain(c.line())));
                if (changes.size() > SHOWN) {
                    lines.add("  ... and " + (changes.size() - SHOWN) + " more");
                }
            }
        });
        if (!newIssuers.isEmpty()) {
            lines.add("New certificate issuers (" + newIssuers.size() + "):");
            newIssuers.forEach(issuer -> lines.add("  " + ConsoleReport.plain(issuer)));
        }
        return lines;
    }
}
