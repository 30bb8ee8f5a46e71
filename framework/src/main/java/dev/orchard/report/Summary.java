package dev.orchard.report;

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

    /** True when nothing failed; skipped checks do not fail a run. */
    public boolean successful() {
        return failed == 0;
    }
}
