package dev.orchard.report;

import dev.orchard.probe.CheckPlanner;
import dev.orchard.probe.CheckTarget;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How many timeouts a run can take back to back if every check waits for its full timeout: enough rounds for
 * the parallelism and the per-host bound, plus one per prerequisite step (dns, then tcp, then tls, then doh).
 * An estimate printed before the run so that nobody mistakes a slow network for a hang.
 */
final class Waves {

    /** At most this many checks of one host run at once, as the network runs them. */
    static final int PER_HOST = 4;

    private Waves() {
    }

    static int of(List<CheckTarget> targets, int parallelism) {
        if (targets.isEmpty()) {
            return 0;
        }
        int lanes = Math.max(1, parallelism);
        int rounds = ceil(targets.size(), lanes);
        Map<String, Integer> perHost = new HashMap<>();
        int depth = 1;
        for (CheckTarget target : targets) {
            perHost.merge(target.host(), 1, Integer::sum);
            depth = Math.max(depth, 1 + CheckPlanner.prerequisites(target.check()).size());
        }
        for (int count : perHost.values()) {
            rounds = Math.max(rounds, ceil(count, Math.min(lanes, PER_HOST)));
        }
        return rounds + depth - 1;
    }

    private static int ceil(int count, int per) {
        return (count + per - 1) / per;
    }
}
