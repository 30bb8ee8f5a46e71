package dev.orchard.lab;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.orchard.catalog.Endpoint;
import dev.orchard.catalog.Transport;
import dev.orchard.probe.CheckPlanner;
import dev.orchard.probe.CheckTarget;
import dev.orchard.probe.FamilyPlan;
import dev.orchard.probe.IpFamily;
import dev.orchard.probe.Network;
import dev.orchard.probe.ProbeResult;
import dev.orchard.probe.Status;
import dev.orchard.probe.Verdict;
import dev.orchard.probe.NetworkSettings;
import dev.orchard.report.CheckOutcome;
import dev.orchard.report.ConsoleReport;
import dev.orchard.report.Reports;
import dev.orchard.report.ResultsFile;
import dev.orchard.report.RunReport;
import dev.orchard.report.Summary;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lab serving hosts on [::1] beside 127.0.0.1, with the IPv6 path of one host dropped: each family is checked
 * apart, the dropped one fails as a dropping firewall makes it fail, and nothing else does.
 */
class DualStackLabTest {

    private static final String DUAL = "swdist.apple.com";
    private static final String DROPPED = "gdmf.apple.com";
    private static final String IPV4_ONLY = "albert.apple.com";
    private static final Duration TIMEOUT = Duration.ofSeconds(1);

    /** Without ::1 the IPv6 half cannot be served here; under CI that is a failure, not a skip. */
    @BeforeAll
    static void ipv6Loopback() {
        boolean available;
        try (ServerSocket socket = new ServerSocket(0, 1, LabRelay.IPV6_LOOPBACK)) {
            available = socket.getLocalPort() > 0;
        } catch (IOException e) {
            available = false;
        }
        if (!"true".equals(System.getenv("CI"))) {
            assumeTrue(available, "this machine has no ::1, so the lab cannot serve IPv6");
        }
    }

    private static Endpoint endpoint(String host, Transport transport) {
        return transport == Transport.TCP
                ? Endpoint.builder("test", host).ports(443, 80).transports(Transport.TCP).tlsPorts(List.of(443)).build()
                : Endpoint.builder("test", host).ports(123).transports(Transport.UDP).tlsPorts(List.of()).build();
    }

    private record Run(Map<String, ProbeResult> byName, List<CheckOutcome> outcomes) {
        ProbeResult get(String name) {
            ProbeResult result = byName.get(name);
            if (result == null) {
                throw new AssertionError("no check named " + name + " in " + byName.keySet());
            }
            return result;
        }
    }

    private static Run run(Lab lab, Transport transport, String... hosts) {
        FamilyPlan plan = FamilyPlan.of(EnumSet.allOf(IpFamily.class), EnumSet.allOf(IpFamily.class));
        List<CheckTarget> targets = new ArrayList<>();
        for (String host : hosts) {
            Endpoint endpoint = endpoint(host, transport);
            plan.apply(CheckPlanner.checks(endpoint, host))
                    .forEach(check -> targets.add(new CheckTarget(endpoint, host, check)));
        }
        try (Network net = lab.networkBuilder().timeout(TIMEOUT).build()) {
            List<ProbeResult> results = net.runAll(targets, null);
            Map<String, ProbeResult> byName = new LinkedHashMap<>();
            List<CheckOutcome> outcomes = new ArrayList<>();
            for (int i = 0; i < targets.size(); i++) {
                byName.put(targets.get(i).name(), results.get(i));
                outcomes.add(CheckOutcome.of(targets.get(i), results.get(i)));
            }
            return new Run(byName, outcomes);
        }
    }

    @Test
    void eachFamilyIsCheckedApartAndADroppedIpv6PathTimesOutWhileIpv4Passes(@TempDir Path reports)
            throws IOException {
        try (Lab lab = Lab.start().serveDualStack(DUAL).serveDualStack(DROPPED).serve(IPV4_ONLY)
                .dropTcp(DROPPED, 443, IpFamily.IPV6)) {
            Run run = run(lab, Transport.TCP, DUAL, DROPPED, IPV4_ONLY);

            for (String name : List.of("tcp 443", "tls 443/tcp", "tcp 80", "http 80/tcp")) {
                for (String family : List.of("IPv4", "IPv6")) {
                    ProbeResult result = run.get(DUAL + " " + name + " (" + family + ")");
                    assertThat(name + " " + family + ": " + result.message(), result.status(), is(Status.PASSED));
                }
            }
            assertThat(run.get(DUAL + " tcp 443 (IPv6)").evidence().connectedTo(), startsWith("[::1]:"));
            assertThat(run.get(DUAL + " tcp 443 (IPv4)").evidence().connectedTo(), startsWith("127.0.0.1:"));

            ProbeResult dropped = run.get(DROPPED + " tcp 443 (IPv6)");
            assertThat(dropped.message(), dropped.verdict(), is(Verdict.TCP_TIMEOUT));
            assertThat(dropped.message(), containsString("Happy Eyeballs"));
            assertThat(dropped.message(), containsString("slow connections"));
            assertThat(run.get(DROPPED + " tcp 443 (IPv4)").status(), is(Status.PASSED));
            assertThat(run.get(DROPPED + " tls 443/tcp (IPv4)").status(), is(Status.PASSED));
            assertThat("port 80 is not dropped", run.get(DROPPED + " http 80/tcp (IPv6)").status(),
                    is(Status.PASSED));
            ProbeResult tlsAfterDrop = run.get(DROPPED + " tls 443/tcp (IPv6)");
            assertThat(tlsAfterDrop.status(), is(Status.SKIPPED));
            assertThat(tlsAfterDrop.verdict(), is(Verdict.TCP_TIMEOUT));

            ProbeResult noAaaa = run.get(IPV4_ONLY + " tcp 443 (IPv6)");
            assertThat(noAaaa.status(), is(Status.SKIPPED));
            assertThat(noAaaa.verdict(), is(Verdict.FAMILY_UNAVAILABLE));
            assertThat(run.get(IPV4_ONLY + " tcp 443 (IPv4)").status(), is(Status.PASSED));

            List<String> failed = run.byName().entrySet().stream().filter(e -> e.getValue().failed())
                    .map(Map.Entry::getKey).toList();
            assertThat("nothing else fails", failed, is(List.of(DROPPED + " tcp 443 (IPv6)")));

            ProbeResult dns = run.get(DUAL + " dns");
            assertThat(dns.message(), containsString("1 of 1 IPv6 addresses in Apple's IPv6 ranges"));
            assertThat("RFC 5952", dns.evidence().addresses().get(1), startsWith("2403:300:"));
            assertThat(dns.evidence().addresses().get(1), not(containsString(":0:0:")));

            CheckOutcome v6 = run.outcomes().stream().filter(o -> o.target().name().equals(DROPPED
                    + " tcp 443 (IPv6)")).findFirst().orElseThrow();
            assertThat(v6.family().orElseThrow(), is(IpFamily.IPV6));
            assertThat(v6.tags(), hasItem("ipv6"));
            assertThat(Summary.familyLines(run.outcomes()), is(List.of(
                    "IPv4: 12 checks, 12 passed, 0 failed, 0 skipped",
                    "IPv6: 8 checks, 6 passed, 1 failed, 1 skipped")));

            RunReport report = new RunReport("dual-stack lab", "test", Instant.now(), Duration.ofSeconds(1),
                    new NetworkSettings(List.of(), null, "pem", List.of(), TIMEOUT, 8), run.outcomes());
            assertThat(ConsoleReport.summary(report), hasItem("IPv6: 8 checks, 6 passed, 1 failed, 1 skipped"));
            Reports.writeAll(report, reports);
            String html = Files.readString(reports.resolve(Reports.HTML_FILE));
            assertThat(html, containsString("IPv6: 8 checks, 6 passed, 1 failed, 1 skipped"));
            assertThat(html, containsString("[::1]:"));
            String json = Files.readString(reports.resolve(ResultsFile.FILE_NAME));
            assertThat(json, containsString("\"family\" : \"ipv6\""));
            assertThat(json, containsString("\"2403:300:"));
            assertThat(json, not(containsString(":0:0:0:")));
        }
    }

    @Test
    void udpChecksRunPerFamilyAndADroppedIpv6PathGetsNoAnswer() {
        try (Lab lab = Lab.start().serveDualStack(DUAL).serveDualStack(DROPPED).dropUdp(DROPPED, 123, IpFamily.IPV6)) {
            Run run = run(lab, Transport.UDP, DUAL, DROPPED);
            assertThat(run.get(DUAL + " ntp 123/udp (IPv6)").status(), is(Status.PASSED));
            assertThat(run.get(DUAL + " ntp 123/udp (IPv6)").evidence().connectedTo(), startsWith("[::1]:"));
            assertThat(run.get(DROPPED + " ntp 123/udp (IPv6)").verdict(), is(Verdict.UDP_NO_RESPONSE));
            assertThat(run.get(DROPPED + " ntp 123/udp (IPv6)").message(), containsString("Happy Eyeballs"));
            assertThat(run.get(DROPPED + " ntp 123/udp (IPv4)").status(), is(Status.PASSED));
        }
    }

    @Test
    void aRejectOfOneFamilyIsARefusal() {
        try (Lab lab = Lab.start().serveDualStack(DUAL).rejectTcp(DUAL, 443, IpFamily.IPV4)) {
            Run run = run(lab, Transport.TCP, DUAL);
            assertThat(run.get(DUAL + " tcp 443 (IPv4)").verdict(), is(Verdict.TCP_REFUSED));
            ProbeResult v6 = run.get(DUAL + " tcp 443 (IPv6)");
            assertThat(v6.message(), v6.status(), is(Status.PASSED));
        }
    }
}
