package dev.orchard.sites;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;

import dev.orchard.catalog.Endpoint;
import dev.orchard.catalog.Transport;
import dev.orchard.probe.Check;
import dev.orchard.probe.CheckKind;
import dev.orchard.probe.CheckTarget;
import dev.orchard.probe.IpFamily;
import dev.orchard.probe.NetworkSettings;
import dev.orchard.probe.ProbeResult;
import dev.orchard.probe.Verdict;
import dev.orchard.report.CheckOutcome;
import dev.orchard.report.ResultsFile;
import dev.orchard.report.RunReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each kind of drift on its own, between two hand-made runs of one host. */
class DriftTest {

    @TempDir
    Path dir;

    private static CheckRecord dns(List<String> addresses, List<String> cnames) {
        return new CheckRecord("mdm", "gdmf.apple.com", null, "dns", null, "passed", "OK", "", 8, addresses,
                cnames, List.of(), null);
    }

    private static CheckRecord tls(String status, String verdict, long ms, String issuer, String family) {
        return new CheckRecord("mdm", "gdmf.apple.com", 443, "tls", family, status, verdict, "", ms,
                List.of(), List.of(), List.of(issuer), null);
    }

    @Test
    void cnameChainsAddressesLeavingAppleAndDoubledLatency() {
        Drift drift = Drift.between("before.json", "", List.of(
                dns(List.of("17.253.144.10"), List.of("gdmf.apple.com", "gdmf.apple.com.akadns.net")),
                tls("passed", "OK", 100, "CN=Apple", null)), List.of(
                dns(List.of("203.0.113.7"), List.of("gdmf.apple.com", "gdmf.cdn.example.net")),
                tls("passed", "OK", 260, "CN=Apple", null)));

        assertThat(drift.cnameChanges().get(0).after(), is("gdmf.apple.com → gdmf.cdn.example.net"));
        assertThat(drift.leftApple().get(0).after(), is("203.0.113.7"));
        assertThat(drift.slower().get(0).before() + " -> " + drift.slower().get(0).after(), is("100 ms -> 260 ms"));
        assertThat(drift.newFailures(), is(empty()));
        assertThat(drift.newIssuers(), is(empty()));
    }

    @Test
    void smallLatencyChangesAreNoise() {
        Drift drift = Drift.between("b", "", List.of(tls("passed", "OK", 10, "CN=Apple", null)),
                List.of(tls("passed", "OK", 40, "CN=Apple", null)));

        assertThat(drift.slower(), is(empty()));
        assertThat(drift.isEmpty(), is(true));
    }

    @Test
    void aFixedCheckAndANewIssuer() {
        Drift drift = Drift.between("b", "", List.of(tls("failed", "TLS_INTERCEPTED", 10, "CN=Zscaler", null)),
                List.of(tls("passed", "OK", 12, "CN=Apple", null)));

        assertThat(drift.fixed().get(0).after(), is("OK"));
        assertThat(drift.newIssuers(), contains("CN=Apple"));
        assertThat(drift.issuerChanges().get(0).before(), is("CN=Zscaler"));
    }

    @Test
    void theFamilyIsPartOfTheKeyWhenPresent() {
        Drift drift = Drift.between("b", "", List.of(tls("passed", "OK", 10, "CN=Apple", "ipv4")),
                List.of(tls("passed", "OK", 10, "CN=Apple", "ipv4"), tls("failed", "TCP_TIMEOUT", 10, "CN=Apple",
                        "ipv6")));

        assertThat(drift.newFailures().get(0).check(), is("tls 443 ipv6"));
        assertThat(drift.newFailures().get(0).before(), is("absent"));
    }

    @Test
    void aRunComparedWithItsOwnFileMatchesEachFamilyWithItsOwnHalf() throws IOException {
        Endpoint row = Endpoint.builder("mdm", "gdmf.apple.com").build();
        Check tcp = new Check(CheckKind.TCP, 443, Transport.TCP);
        RunReport run = new RunReport("Apple enterprise networks", "2026-08", Instant.parse("2026-11-30T08:00:00Z"),
                Duration.ofSeconds(1), new NetworkSettings(List.of("127.0.0.1:5353"), null, "default", List.of(),
                        Duration.ofSeconds(5), 64), List.of(
                        CheckOutcome.of(new CheckTarget(row, "gdmf.apple.com", tcp.withFamily(IpFamily.IPV4)),
                                ProbeResult.passed("connected", Duration.ofMillis(4), null)),
                        CheckOutcome.of(new CheckTarget(row, "gdmf.apple.com", tcp.withFamily(IpFamily.IPV6)),
                                ProbeResult.failed(Verdict.TCP_TIMEOUT, "no answer", Duration.ofMillis(5), null))));
        Path baseline = dir.resolve("apple-network-results.json");
        ResultsFile.from(run).write(baseline);

        Drift drift = Baseline.compare(baseline, run);

        assertThat(drift.newFailures(), is(empty()));
        assertThat(drift.fixed(), is(empty()));
        assertThat(drift.verdictChanges(), is(empty()));
    }

    @Test
    void aBrokenBaselineNamesFileLineAndField() throws IOException {
        Path bad = dir.resolve("apple-network-results.json");
        Files.writeString(bad, "{\"catalog\": {\"name\": \"x\"},\n \"results\": [{\"service\": \"mdm\", \"host\": 7}]}");

        IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
                () -> Baseline.compare(bad, bad));

        assertThat(e.getMessage(), containsString(bad + ":2:"));
        assertThat(e.getMessage(), containsString("results[0]: host is a number; expected a string"));
    }
}
