package dev.orchard.probe;

/**
 * The skipped results of checks whose prerequisite failed. They carry the prerequisite's verdict so a report
 * groups them under the real cause instead of counting a second, misleading failure.
 */
final class Skips {

    private Skips() {
    }

    static ProbeResult dnsFailed(String host, ProbeResult dns) {
        return ProbeResult.skipped(dns.verdict(), "skipped: DNS for " + host + " failed (" + dns.verdict() + ")");
    }

    static ProbeResult prerequisiteFailed(Check prerequisite, String host, ProbeResult before) {
        String how = before.status() == Status.SKIPPED ? "was skipped" : "failed";
        return ProbeResult.skipped(before.verdict(), "skipped: " + prerequisite.displayName() + " to " + host + " "
                + how + " (" + before.verdict() + ")");
    }
}
