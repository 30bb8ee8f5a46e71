package dev.orchard.probe;

import dev.orchard.internal.Sanitizer;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The result of one check: status, verdict, a message for a person, how long it took, what was seen and when it
 * started. Probes return one for every network condition; they never throw for one. The message is cleaned by
 * {@link Sanitizer}: it quotes servers and files, and reports print it. The runner stamps the start, so that
 * reports can draw a timeline; a result made outside a run has none.
 *
 * @param started when the check started (its DNS query, pre-flight connect or probe); null when unknown
 */
@API(status = API.Status.STABLE, since = "0.1")
public record ProbeResult(Status status, Verdict verdict, String message, Duration duration, Evidence evidence,
        Instant started) {

    public ProbeResult {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(verdict, "verdict");
        message = message == null ? "" : Sanitizer.clean(message);
        duration = duration == null ? Duration.ZERO : duration;
        evidence = evidence == null ? Evidence.NONE : evidence;
    }

    /** A result without a start time. */
    public ProbeResult(Status status, Verdict verdict, String message, Duration duration, Evidence evidence) {
        this(status, verdict, message, duration, evidence, null);
    }

    /** A copy that started at {@code at}. */
    public ProbeResult startedAt(Instant at) {
        return new ProbeResult(status, verdict, message, duration, evidence, at);
    }

    /** A copy that says {@code text} instead, keeping everything else, its start included. */
    public ProbeResult withMessage(String text) {
        return new ProbeResult(status, verdict, text, duration, evidence, started);
    }

    /** A copy with {@code seen} as its evidence, keeping everything else, its start included. */
    public ProbeResult withEvidence(Evidence seen) {
        return new ProbeResult(status, verdict, message, duration, seen, started);
    }

    public static ProbeResult passed(String message, Duration duration, Evidence evidence) {
        return new ProbeResult(Status.PASSED, Verdict.OK, message, duration, evidence);
    }

    public static ProbeResult failed(Verdict verdict, String message, Duration duration, Evidence evidence) {
        return new ProbeResult(Status.FAILED, verdict, message, duration, evidence);
    }

    public static ProbeResult skipped(Verdict verdict, String message) {
        return new ProbeResult(Status.SKIPPED, verdict, message, Duration.ZERO, Evidence.NONE);
    }

    public boolean passed() {
        return status == Status.PASSED;
    }

    public boolean failed() {
        return status == Status.FAILED;
    }
}
