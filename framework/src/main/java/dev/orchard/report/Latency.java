package dev.orchard.report;

import java.time.Duration;
import java.util.List;

/**
 * The median and maximum duration of a service's checks that ran; skipped checks took no time and would drag the
 * median down, so they are left out.
 */
record Latency(String service, Duration median, Duration max, int count) {

    static Latency of(String service, List<CheckOutcome> outcomes) {
        List<Duration> ran = outcomes.stream()
                .filter(o -> o.status() != dev.orchard.probe.Status.SKIPPED)
                .map(o -> o.result().duration())
                .sorted()
                .toList();
        if (ran.isEmpty()) {
            return new Latency(service, Duration.ZERO, Duration.ZERO, 0);
        }
        int mid = ran.size() / 2;
        Duration median = ran.size() % 2 == 1 ? ran.get(mid) : ran.get(mid - 1).plus(ran.get(mid)).dividedBy(2);
        return new Latency(service, median, ran.get(ran.size() - 1), ran.size());
    }
}
