package dev.orchard.probe;

/**
 * What a difference between the two families means for devices. A dual-stack device prefers IPv6 (Happy
 * Eyeballs, RFC 8305): when IPv6 is dropped it waits for it before falling back to IPv4, so connections are slow,
 * and a device with only IPv6 fails outright, although every IPv4 check passes.
 */
final class FamilyNotes {

    static final String IPV6_FAILS = "IPv4 to this host passes, so devices here prefer IPv6 (Happy Eyeballs), wait"
            + " for it and only then fall back to IPv4: expect slow connections, and failures on devices or networks"
            + " that have only IPv6";

    private FamilyNotes() {
    }

    /** The IPv4 half of an IPv6 check, which the IPv6 half's message compares with; null for other checks. */
    static CheckTarget otherHalf(CheckTarget target) {
        if (target.check().family() != IpFamily.IPV6) {
            return null;
        }
        return new CheckTarget(target.endpoint(), target.host(), target.check().withFamily(IpFamily.IPV4));
    }

    /** The IPv6 half's result, with what it means added when it failed while the IPv4 half passed. */
    static ProbeResult note(CheckTarget target, ProbeResult ipv6, ProbeResult ipv4) {
        if (!ipv6.failed() || !ipv4.passed()) {
            return ipv6;
        }
        String message = ipv6.message().isEmpty() ? IPV6_FAILS : ipv6.message() + " — " + IPV6_FAILS;
        return ipv6.withMessage(message);
    }
}
