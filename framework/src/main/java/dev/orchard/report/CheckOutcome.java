package dev.orchard.report;

import dev.orchard.probe.CheckKind;
import dev.orchard.probe.CheckTarget;
import dev.orchard.probe.IpFamily;
import dev.orchard.probe.ProbeResult;
import dev.orchard.probe.Status;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * The final result of one check, with the failed attempts that came before it when the check was rerun. Reports
 * keep the earlier attempts because a check that passes only on a rerun points at an unreliable network path.
 *
 * @param target the check and the host it probed
 * @param tags the check's tags, as users select them
 * @param result the final attempt's result
 * @param earlierAttempts the failed attempts before the final one, oldest first; empty when the check ran once
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record CheckOutcome(CheckTarget target, Set<String> tags, ProbeResult result,
        List<ProbeResult> earlierAttempts) {

    public CheckOutcome {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(result, "result");
        tags = tags == null ? Set.of() : Collections.unmodifiableSet(new LinkedHashSet<>(tags));
        earlierAttempts = earlierAttempts == null ? List.of() : List.copyOf(earlierAttempts);
        for (ProbeResult attempt : earlierAttempts) {
            if (attempt.status() != Status.FAILED) {
                throw new IllegalArgumentException("an earlier attempt of " + target.host() + " "
                        + target.check().displayName() + " is " + attempt.status().jsonName()
                        + "; only failed attempts are rerun");
            }
        }
    }

    /** An outcome of a check that ran once, tagged with its row's and its check's tags, and its IP family. */
    public static CheckOutcome of(CheckTarget target, ProbeResult result) {
        return new CheckOutcome(target, tags(target, result), result, List.of());
    }

    /** An outcome of a check that was rerun after {@code earlierAttempts} failed. */
    public static CheckOutcome rerun(CheckTarget target, ProbeResult result, List<ProbeResult> earlierAttempts) {
        return new CheckOutcome(target, tags(target, result), result, earlierAttempts);
    }

    private static Set<String> tags(CheckTarget target, ProbeResult result) {
        Set<String> tags = defaultTags(target);
        family(target, result).ifPresent(family -> tags.add(family.tag()));
        return tags;
    }

    /**
     * The IP family the check used, where known: its own for a check of one family, else the family of the
     * address it connected to; none for dns, and none through a proxy, which picks the family itself.
     */
    public Optional<IpFamily> family() {
        return family(target, result);
    }

    private static Optional<IpFamily> family(CheckTarget target, ProbeResult result) {
        if (target.check().kind() == CheckKind.DNS) {
            return Optional.empty();
        }
        String route = result.evidence().route();
        if (route != null && !route.equals("direct")) {
            return Optional.empty();
        }
        if (target.check().family() != null) {
            return Optional.of(target.check().family());
        }
        // the host's addresses, when all of one family, decide it whether the check passed or not, so a check keeps
        // its family (and its identity across runs) when it starts failing before it connects
        List<String> addresses = result.evidence().addresses() == null ? List.of() : result.evidence().addresses();
        java.util.Set<IpFamily> families = addresses.stream()
                .map(a -> a.contains(":") ? IpFamily.IPV6 : IpFamily.IPV4)
                .collect(java.util.stream.Collectors.toCollection(() -> java.util.EnumSet.noneOf(IpFamily.class)));
        if (families.size() == 1) {
            return Optional.of(families.iterator().next());
        }
        String connected = result.evidence().connectedTo();
        if (connected == null || connected.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(connected.startsWith("[") ? IpFamily.IPV6 : IpFamily.IPV4);
    }

    /** The row's tags followed by the check's own ({@code tls}, {@code tcp}). */
    public static Set<String> defaultTags(CheckTarget target) {
        Set<String> tags = new LinkedHashSet<>(target.endpoint().tags());
        tags.addAll(target.check().tags());
        return tags;
    }

    public String service() {
        return target.endpoint().service();
    }

    public Status status() {
        return result.status();
    }

    /** True when the check failed at first and passed on a rerun. */
    public boolean flaky() {
        return result.passed() && !earlierAttempts.isEmpty();
    }

    public boolean rerun() {
        return !earlierAttempts.isEmpty();
    }

    /** Every attempt, oldest first; the last is {@link #result()}. */
    public List<ProbeResult> attempts() {
        List<ProbeResult> all = new ArrayList<>(earlierAttempts);
        all.add(result);
        return List.copyOf(all);
    }
}
