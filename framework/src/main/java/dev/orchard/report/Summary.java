package dev.orchard.report;

import dev.orchard.probe.IpFamily;
import dev.orchard.probe.Verdict;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Counts of a run or of one service. A flaky check is counted as passed too, as Surefire counts it.
 *
 * @param total every check
 * @param passed checks whose final attempt passed
 * @param failed checks whose final attempt failed
 * @param skipped checks that did not run
 * @param flaky checks that passed only on a rerun
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Summary(int total, int passed, int failed, int skipped, int flaky) {

    public static Summary of(List<CheckOutcome> outcomes) {
        int passed = 0;
        int failed = 0;
        int skipped = 0;
        int flaky = 0;
        for (CheckOutcome outcome : outcomes) {
            switch (outcome.status()) {
                case PASSED -> passed++;
                case FAILED -> failed++;
                case SKIPPED -> skipped++;
            }
            if (outcome.flaky()) {
                flaky++;
            }
        }
        return new Summary(outcomes.size(), passed, failed, skipped, flaky);
    }

    /**
     * One line per IP family ({@code IPv4: 40 checks, 40 passed, 0 failed}) when the two families' checks
     * disagree, that is when one family failed more often than the other; empty when they agree or only one
     * family was checked, so single-family runs read as before. Halves that had no path of their family
     * ({@code FAMILY_UNAVAILABLE}) are not counted: they say nothing about the family.
     */
    public static List<String> familyLines(List<CheckOutcome> outcomes) {
        java.util.Map<IpFamily, List<CheckOutcome>> byFamily = new java.util.EnumMap<>(IpFamily.class);
        for (CheckOutcome outcome : outcomes) {
            if (outcome.result().verdict() == Verdict.FAMILY_UNAVAILABLE) {
                continue;
            }
            outcome.family().ifPresent(f -> byFamily.computeIfAbsent(f, k -> new java.util.ArrayList<>()).add(outcome));
        }
        if (byFamily.size() < 2) {
            return List.of();
        }
        Summary v4 = of(byFamily.get(IpFamily.IPV4));
        Summary v6 = of(byFamily.get(IpFamily.IPV6));
        if (v4.failed() == v6.failed()) {
            return List.of();
        }
        return List.of(line(IpFamily.IPV4, v4), line(IpFamily.IPV6, v6));
    }

    private static String line(IpFamily family, Summary s) {
        return family.label() + ": " + s.total() + " checks, " + s.passed() + " passed, " + s.failed() + " failed, "
                + s.skipped() + " skipped";
    }

    /** True when nothing failed; skipped checks do not fail a run. */
    public boolean successful() {
        return failed == 0;
    }
}
