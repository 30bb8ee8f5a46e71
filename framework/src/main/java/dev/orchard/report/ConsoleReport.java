package dev.orchard.report;

import dev.orchard.internal.Sanitizer;
import dev.orchard.probe.CheckTarget;
import dev.orchard.probe.NetworkSettings;
import dev.orchard.probe.ProbeResult;
import dev.orchard.probe.Status;
import dev.orchard.probe.Verdict;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The lines a person watches in the build log: the plan with its worst-case duration before the run, one line per
 * service as soon as its last check completes, and at the end a table by service and the failures grouped by
 * cause, with each cause's remedy printed once. Plain text in a stable order, so logs of two runs diff cleanly.
 * The engine calls {@link #completed} from many threads; it is safe to do so.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class ConsoleReport {

    private final int checks;
    private final Duration timeout;
    private final int waves;
    private final Map<String, Integer> planned = new LinkedHashMap<>();
    private final Map<String, List<ProbeResult>> done = new LinkedHashMap<>();
    private int servicesDone;

    private ConsoleReport(List<CheckTarget> targets, NetworkSettings settings) {
        this.checks = targets.size();
        this.timeout = settings.timeout() == null ? Duration.ZERO : settings.timeout();
        this.waves = Waves.of(targets, settings.parallelism());
        for (CheckTarget target : targets) {
            planned.merge(target.endpoint().service(), 1, Integer::sum);
        }
    }

    /** A console report for a run of {@code targets} on a network with {@code settings}. */
    public static ConsoleReport plan(List<CheckTarget> targets, NetworkSettings settings) {
        return new ConsoleReport(List.copyOf(targets), settings);
    }

    /** {@code Checking 42 checks of 5 services; worst case ~30 s (5 s timeout x 6 waves)}. */
    public String header() {
        return "Checking " + checks + " checks of " + planned.size() + " services; worst case ~"
                + seconds(timeout.multipliedBy(waves)) + " (" + seconds(timeout) + " timeout x " + waves + " waves)";
    }

    /**
     * Records a check's final result; returns the progress line of its service when that was the service's last
     * check, such as {@code [2/5] mdm: 12 checks, 10 passed, 2 failed, 0 skipped; slowest 5.0 s}.
     */
    public synchronized Optional<String> completed(CheckTarget target, ProbeResult result) {
        String service = target.endpoint().service();
        List<ProbeResult> results = done.computeIfAbsent(service, s -> new ArrayList<>());
        results.add(result);
        if (results.size() != planned.getOrDefault(service, -1)) {
            return Optional.empty();
        }
        servicesDone++;
        long passed = results.stream().filter(r -> r.status() == Status.PASSED).count();
        long failed = results.stream().filter(r -> r.status() == Status.FAILED).count();
        Duration slowest = results.stream().map(ProbeResult::duration).max(Duration::compareTo).orElse(Duration.ZERO);
        return Optional.of("[" + servicesDone + "/" + planned.size() + "] " + service + ": " + results.size()
                + " checks, " + passed + " passed, " + failed + " failed, " + (results.size() - passed - failed)
                + " skipped; slowest " + seconds(slowest));
    }

    /** The end-of-run lines: a table by service with a total row, then the failures grouped by verdict. */
    public static List<String> summary(RunReport report) {
        List<String> lines = new ArrayList<>();
        Map<String, List<CheckOutcome>> services = report.byService();
        int width = Math.max("Service".length(), "Total".length());
        for (String service : services.keySet()) {
            width = Math.max(width, service.length());
        }
        String format = "%-" + width + "s %7s %7s %7s %7s %7s";
        lines.add(String.format(Locale.ROOT, format, "Service", "Checks", "Passed", "Failed", "Skipped", "Flaky"));
        services.forEach((service, outcomes) -> lines.add(row(format, service, Summary.of(outcomes))));
        lines.add(row(format, "Total", report.summary()));
        lines.addAll(Summary.familyLines(report.outcomes()));
        slowest(lines, report);

        Map<Verdict, List<CheckOutcome>> causes = new EnumMap<>(Verdict.class);
        for (CheckOutcome outcome : report.outcomes()) {
            if (outcome.status() == Status.FAILED) {
                causes.computeIfAbsent(outcome.result().verdict(), v -> new ArrayList<>()).add(outcome);
            }
        }
        if (causes.isEmpty()) {
            lines.add("");
            lines.add("No failures.");
            return lines;
        }
        lines.add("");
        lines.add("Failures by cause:");
        causes.forEach((verdict, outcomes) -> {
            lines.add(verdict.name() + " (" + outcomes.size() + "): " + verdict.meaning());
            for (CheckOutcome outcome : outcomes) {
                String message = plain(outcome.result().message());
                lines.add("  " + outcome.service() + "  " + plain(outcome.target().host()) + "  "
                        + outcome.target().check().displayName() + (message.isEmpty() ? "" : ": " + message));
            }
            lines.add("  Remedy: " + verdict.remedy());
        });
        return lines;
    }

    /** How many of the slowest checks the summary names. */
    static final int SLOWEST = 3;

    /**
     * The checks that took longest, so a slow run names what it waited for; a check that ran into the timeout says
     * so.
     */
    private static void slowest(List<String> lines, RunReport report) {
        List<CheckOutcome> ran = report.outcomes().stream().filter(o -> !o.result().duration().isZero())
                .sorted(java.util.Comparator.comparing((CheckOutcome o) -> o.result().duration()).reversed())
                .limit(SLOWEST).toList();
        if (ran.isEmpty()) {
            return;
        }
        Duration timeout = report.settings().timeout();
        lines.add("");
        lines.add("Slowest checks:");
        for (CheckOutcome outcome : ran) {
            Duration took = outcome.result().duration();
            boolean waited = timeout != null && !timeout.isZero() && took.compareTo(timeout) >= 0;
            lines.add("  " + seconds(took) + (waited ? " (the timeout)" : "") + "  " + outcome.service() + "  "
                    + plain(outcome.target().host()) + "  " + outcome.target().check().displayName() + "  "
                    + outcome.result().verdict().name());
        }
    }

    private static String row(String format, String service, Summary s) {
        return String.format(Locale.ROOT, format, service, s.total(), s.passed(), s.failed(), s.skipped(), s.flaky());
    }

    /**
     * Control characters would let a hostile message move the cursor, recolour the terminal or forge a log line;
     * see {@link Sanitizer}.
     */
    public static String plain(String text) {
        return Sanitizer.clean(text, Integer.MAX_VALUE).strip();
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }
}
