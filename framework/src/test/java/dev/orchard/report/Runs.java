package dev.orchard.report;

import dev.orchard.catalog.Endpoint;
import dev.orchard.catalog.OperatingSystem;
import dev.orchard.catalog.ProxySupport;
import dev.orchard.catalog.Transport;
import dev.orchard.probe.CertificateInfo;
import dev.orchard.probe.Check;
import dev.orchard.probe.CheckKind;
import dev.orchard.probe.CheckPlanner;
import dev.orchard.probe.CheckTarget;
import dev.orchard.probe.Evidence;
import dev.orchard.probe.NetworkSettings;
import dev.orchard.probe.ProbeResult;
import dev.orchard.probe.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Runs built from real catalog rows, planned checks and probe results, as the engine would hand them over. */
final class Runs {

    static final String HOSTILE = "<script>alert(1)</script> & \"quotes\" ]]> \u0000\u001b[31mred\uD800";
    static final Instant STARTED = Instant.parse("2026-11-29T08:00:00Z");

    static final Endpoint PUSH = Endpoint.builder("mdm", "*.push.apple.com")
            .ports(5223, 443)
            .os(OperatingSystem.IOS, OperatingSystem.MACOS)
            .proxy(ProxySupport.NO)
            .probeHost("1-courier.push.apple.com", "a courier devices connect to")
            .tags("push")
            .description("Push notifications")
            .build();
    static final Endpoint ALBERT = Endpoint.builder("device-setup", "albert.apple.com")
            .ports(443)
            .proxy(ProxySupport.YES)
            .description(HOSTILE)
            .build();
    static final Endpoint TIME = Endpoint.builder("device-setup", "time.apple.com")
            .ports(123)
            .transports(Transport.UDP)
            .build();

    private Runs() {
    }

    static NetworkSettings settings(String proxy) {
        return new NetworkSettings(List.of("127.0.0.1:5353"), proxy, "default", List.of(), Duration.ofSeconds(5),
                64);
    }

    static CheckTarget target(Endpoint endpoint, Check check) {
        return new CheckTarget(endpoint, endpoint.probeHosts().get(0).host(), check);
    }

    /** Every check of the three rows, as the planner plans them. */
    static List<CheckTarget> targets() {
        List<CheckTarget> targets = new ArrayList<>();
        for (Endpoint endpoint : List.of(PUSH, ALBERT, TIME)) {
            String host = endpoint.probeHosts().get(0).host();
            CheckPlanner.checks(endpoint, host).forEach(c -> targets.add(new CheckTarget(endpoint, host, c)));
        }
        return targets;
    }

    static final Evidence DNS_SEEN = new Evidence(List.of("17.57.144.10"),
            List.of("1-courier.push.apple.com", "1-courier.push-apple.com.akadns.net"), List.of("17.57.144.10"),
            null, null, null, null, null, null, null);
    static final CertificateInfo LEAF = new CertificateInfo("CN=courier.push.apple.com",
            "CN=Apple Public Server RSA CA 12 - G1", "q1w2e3", "2027-03-01T00:00:00Z");

    /**
     * mdm: dns passes; tcp 5223 fails on every attempt; tls 5223 is skipped; tcp 443 passes on a rerun; tls 443
     * passes. device-setup: albert's dns fails with a hostile message, its checks are skipped; time passes.
     */
    static RunReport mixed(String proxy) {
        List<CheckOutcome> outcomes = new ArrayList<>();
        for (CheckTarget target : targets()) {
            outcomes.add(outcome(target));
        }
        return new RunReport("Apple enterprise networks", "2024-11", STARTED, Duration.ofMillis(12_345),
                settings(proxy), outcomes);
    }

    /**
     * {@link #mixed} with start times, as the check runner stamps them: each host's checks start one after the
     * other, its DNS first, hosts a few milliseconds apart.
     */
    static RunReport timed(String proxy) {
        RunReport mixed = mixed(proxy);
        java.util.Map<String, Long> cursor = new java.util.HashMap<>();
        List<CheckOutcome> outcomes = new ArrayList<>();
        for (CheckOutcome o : mixed.outcomes()) {
            long start = cursor.computeIfAbsent(o.target().host(), h -> 3L * cursor.size());
            cursor.put(o.target().host(), start + o.result().duration().toMillis());
            outcomes.add(new CheckOutcome(o.target(), o.tags(), o.result().startedAt(STARTED.plusMillis(start)),
                    o.earlierAttempts()));
        }
        return new RunReport(mixed.catalogName(), mixed.catalogRevision(), STARTED, mixed.duration(),
                mixed.settings(), outcomes);
    }

    /** The causes of {@link #large}'s failures, in proportion: most are a firewall that drops direct traffic. */
    private static final Verdict[] LARGE_CAUSES = {Verdict.TCP_TIMEOUT, Verdict.TCP_TIMEOUT, Verdict.TCP_TIMEOUT,
        Verdict.TCP_TIMEOUT, Verdict.TCP_TIMEOUT, Verdict.TCP_TIMEOUT, Verdict.TCP_REFUSED, Verdict.PROXY_DENIED,
        Verdict.TLS_INTERCEPTED, Verdict.DNS_NXDOMAIN};

    /**
     * A run of a badly broken network: {@code checks / 2} hosts in 20 services, each with a dns check and a tcp 443
     * (or tls 443/tcp) check; the first {@code failures} port checks fail, most with TCP_TIMEOUT, a tenth each with
     * TCP_REFUSED, PROXY_DENIED, TLS_INTERCEPTED or (on the dns check) DNS_NXDOMAIN. Every ninth row is a wildcard
     * probed through its host, so wildcard patterns appear too.
     */
    static RunReport large(int checks, int failures) {
        List<CheckOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < checks / 2; i++) {
            String service = String.format(java.util.Locale.ROOT, "service-%02d", i % 20);
            String host = "host-" + i + "." + service + ".apple.com";
            Endpoint.Builder row = Endpoint.builder(service, i % 9 == 0 ? "*.wild-" + i + ".apple.com" : host)
                    .os(OperatingSystem.IOS, OperatingSystem.MACOS)
                    .proxy(i % 3 == 0 ? ProxySupport.YES : ProxySupport.NO)
                    .description("Row " + i + " of a large run, for the page's size and speed");
            if (i % 9 == 0) {
                host = "probe-" + i + ".wild-" + i + ".apple.com";
                row.probeHost(host, "stands in for the wildcard");
            }
            Endpoint endpoint = row.build();
            String address = "17." + (i / 250) + "." + (i % 250) + ".10";
            Verdict cause = i < failures ? LARGE_CAUSES[i % LARGE_CAUSES.length] : Verdict.OK;
            Evidence resolved = new Evidence(List.of(address), List.of(host), List.of(address), null, null, null,
                    null, null, null, "resolver 127.0.0.1:5353 answered A " + address);
            CheckTarget dns = new CheckTarget(endpoint, host, Check.dns());
            Check portCheck = cause == Verdict.TLS_INTERCEPTED ? new Check(CheckKind.TLS, 443, Transport.TCP)
                    : new Check(CheckKind.TCP, 443, Transport.TCP);
            CheckTarget port = new CheckTarget(endpoint, host, portCheck);
            Evidence connected = new Evidence(List.of(address), null, null, address + ":443",
                    cause == Verdict.PROXY_DENIED ? "proxy 127.0.0.1:3128" : "direct", null, null,
                    cause == Verdict.PROXY_DENIED ? 403 : null, null, null);
            if (cause == Verdict.DNS_NXDOMAIN) {
                outcomes.add(CheckOutcome.of(dns, ProbeResult.failed(cause, host + " does not exist",
                        Duration.ofMillis(3), new Evidence(null, List.of(host), null, null, null, null, null, null,
                                null, "resolver 127.0.0.1:5353 answered NXDOMAIN"))));
                outcomes.add(CheckOutcome.of(port, ProbeResult.skipped(Verdict.DNS_NXDOMAIN,
                        "DNS for " + host + " failed (DNS_NXDOMAIN)")));
                continue;
            }
            outcomes.add(CheckOutcome.of(dns, ProbeResult.passed("1 address, 1 of 1 in Apple's 17.0.0.0/8",
                    Duration.ofMillis(2 + i % 7), resolved)));
            outcomes.add(CheckOutcome.of(port, cause == Verdict.OK
                    ? ProbeResult.passed("connected", Duration.ofMillis(20 + i % 50), connected)
                    : ProbeResult.failed(cause, portCheck.displayName() + " to " + host + " (" + address
                            + ") failed: " + cause.meaning(), Duration.ofMillis(cause == Verdict.TCP_TIMEOUT ? 5000
                            : 40), connected)));
        }
        return new RunReport("Apple enterprise networks", "2026-08", STARTED, Duration.ofSeconds(31), settings(null),
                outcomes);
    }

    private static CheckOutcome outcome(CheckTarget target) {
        Check check = target.check();
        String host = target.host();
        Evidence direct = new Evidence(List.of("17.57.144.10"), null, null, "17.57.144.10:" + check.port(), "direct",
                null, null, null, null, null);
        if (host.equals("albert.apple.com")) {
            if (check.kind() == CheckKind.DNS) {
                return CheckOutcome.of(target, ProbeResult.failed(Verdict.DNS_NXDOMAIN,
                        "albert.apple.com does not exist " + HOSTILE, Duration.ofMillis(12),
                        new Evidence(null, List.of("albert.apple.com"), null, null, null, null, null, null, null,
                                "resolver 127.0.0.1:5353 answered NXDOMAIN")));
            }
            return CheckOutcome.of(target, ProbeResult.skipped(Verdict.NOT_RUN, "dns of albert.apple.com failed"));
        }
        if (host.equals("time.apple.com")) {
            return CheckOutcome.of(target, ProbeResult.passed("answered", Duration.ofMillis(30), Evidence.NONE));
        }
        if (check.kind() == CheckKind.DNS) {
            return CheckOutcome.of(target, ProbeResult.passed("resolved", Duration.ofMillis(8), DNS_SEEN));
        }
        if (check.port() == 5223) {
            if (check.kind() == CheckKind.TCP) {
                ProbeResult timeout = ProbeResult.failed(Verdict.TCP_TIMEOUT, "no answer from 17.57.144.10:5223",
                        Duration.ofMillis(5001), direct);
                return CheckOutcome.rerun(target, timeout, List.of(timeout, timeout));
            }
            return CheckOutcome.of(target, ProbeResult.skipped(Verdict.NOT_RUN, "tcp 5223 failed: TCP_TIMEOUT"));
        }
        if (check.kind() == CheckKind.TCP) {
            return CheckOutcome.rerun(target, ProbeResult.passed("connected", Duration.ofMillis(40), direct),
                    List.of(ProbeResult.failed(Verdict.TCP_RESET, "reset after open", Duration.ofMillis(20), direct)));
        }
        return CheckOutcome.of(target, ProbeResult.passed("TLSv1.3 to Apple", Duration.ofMillis(120),
                new Evidence(null, null, null, "17.57.144.10:443", "direct", List.of(LEAF), "TLSv1.3", null, null,
                        null)));
    }
}
