package dev.orchard.sites;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
    void aBrokenBaselineNamesFileLineAndField() throws IOException {
        Path bad = dir.resolve("apple-network-results.json");
        Files.writeString(bad, "{\"catalog\": {\"name\": \"x\"},\n \"results\": [{\"service\": \"mdm\", \"host\": 7}]}");

        IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
                () -> Baseline.compare(bad, bad));

        assertThat(e.getMessage(), containsString(bad + ":2:"));
        assertThat(e.getMessage(), containsString("results[0]: host is a number; expected a string"));
    }
}
