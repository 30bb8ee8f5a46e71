package dev.orchard.probe;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;

/**
 * Decides whether one family's half of a check can run, before any packet: the host needs an address (or a
 * connect-to override) of the family, and this machine a route to it. Through a proxy only the IPv4 half runs,
 * since the proxy, not the device, picks the family.
 */
final class FamilyGate {

    private FamilyGate() {
    }

    /** The skipped result of a half that cannot run, or empty when it can. */
    static Optional<ProbeResult> unavailable(CheckTarget target, Route route) {
        IpFamily family = target.check().family();
        if (family == null) {
            return Optional.empty();
        }
        String name = target.name();
        if (!(route instanceof DirectRoute direct)) {
            return family == IpFamily.IPV4 ? Optional.empty() : Optional.of(skipped(name + " goes through "
                    + route.describe() + ", which picks the IP family: the " + family.other().label()
                    + " check covers it once"));
        }
        int port = target.check().port();
        DirectRoute restricted = direct.restrictedTo(family);
        List<InetSocketAddress> targets = restricted.targets(target.host(), port);
        if (targets.isEmpty()) {
            return Optional.of(skipped(name + ": " + (direct.overridden(target.host(), port)
                    ? "the connect-to overrides send " + target.host() + ":" + port + " to no " + family.label()
                            + " address"
                    : target.host() + " has no " + family.label() + " address (" + (family == IpFamily.IPV4 ? "A"
                            : "AAAA") + " record)") + ", so there is no " + family.label() + " path to check"));
        }
        InetSocketAddress first = targets.get(0);
        if (!Routes.reachable(first.getAddress())) {
            return Optional.of(skipped(name + ": this machine has no " + family.label() + " route to "
                    + IpLiteral.text(first.getAddress()) + ", so devices here would not use " + family.label()
                    + " to it either"));
        }
        return Optional.empty();
    }

    private static ProbeResult skipped(String message) {
        return ProbeResult.skipped(Verdict.FAMILY_UNAVAILABLE, "skipped: " + message);
    }
}
