package dev.orchard.report;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.orchard.catalog.Endpoint;
import dev.orchard.catalog.Transport;
import dev.orchard.probe.AppleRanges;
import dev.orchard.probe.Check;
import dev.orchard.probe.CheckKind;
import dev.orchard.probe.CheckTarget;
import dev.orchard.probe.Evidence;
import dev.orchard.probe.ProbeResult;
import dev.orchard.probe.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChangeRequestTest {

    @TempDir
    Path dir;

    private static final Endpoint COURIERS = Endpoint.builder("mdm", "*.push.apple.com").ports(5223)
            .probeHost("1-courier.push.apple.com", "a courier").probeHost("21-courier.push.apple.com", "another")
            .build();
    private static final Endpoint COURIERS_AGAIN = Endpoint.builder("device-setup", "*.push.apple.com").ports(5223)
            .probeHost("1-courier.push.apple.com", "the same courier, listed in a second table").build();
    private static final Endpoint TIME = Endpoint.builder("device-setup", "time.apple.com").ports(123)
            .transports(Transport.UDP).build();

    private static List<Map<String, String>> rows(Path csv) throws IOException {
        try (MappingIterator<Map<String, String>> it = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(csv.toFile())) {
            return it.readAll();
        }
    }

    private static CheckOutcome failed(Endpoint row, String host, Check check, Verdict verdict, Evidence e) {
        return CheckOutcome.of(new CheckTarget(row, host, check), ProbeResult.failed(verdict, "failed",
                Duration.ofMillis(5), e));
    }

    private static RunReport run(List<CheckOutcome> outcomes) {
        return new RunReport("Apple enterprise networks", "2026-08", Runs.STARTED, Duration.ofSeconds(1),
                Runs.settings(null), outcomes);
    }

    @Test
    void theMixedRunAsksForOneFirewallAndOneDnsFilterChange() throws IOException {
        Path csv = Reports.writeChanges(Runs.mixed(null), dir.resolve(Reports.CHANGES_FILE));

        assertThat(Files.readString(csv), is("""
                change,host,port,transport,service,verdict,reason
                firewall-allow,*.push.apple.com,5223,tcp,mdm,TCP_TIMEOUT,the connection attempt got no answer; \
                failed: 1-courier.push.apple.com tcp 5223
                dns-filter-allow,albert.apple.com,,,device-setup,DNS_NXDOMAIN,the resolver says the name does not \
                exist; failed: albert.apple.com dns
                """));
    }

    @Test
    void oneRowPerChangeHostPortAndTransportWithTheWildcardAsAppleWritesIt() throws IOException {
        Check tcp5223 = new Check(CheckKind.TCP, 5223, Transport.TCP);
        RunReport report = run(List.of(
                failed(COURIERS, "1-courier.push.apple.com", tcp5223, Verdict.TCP_TIMEOUT, null),
                failed(COURIERS, "21-courier.push.apple.com", tcp5223, Verdict.TCP_REFUSED, null),
                failed(COURIERS_AGAIN, "1-courier.push.apple.com", tcp5223, Verdict.TCP_TIMEOUT, null),
                failed(TIME, "time.apple.com", new Check(CheckKind.NTP, 123, Transport.UDP), Verdict.NTP_INVALID,
                        null),
                failed(TIME, "time.apple.com", new Check(CheckKind.NTP, 123, Transport.UDP),
                        Verdict.UDP_NO_RESPONSE, null),
                CheckOutcome.of(new CheckTarget(TIME, "time.apple.com", Check.dns()),
                        ProbeResult.passed("resolved", Duration.ofMillis(3), null))));

        Path csv = Reports.writeChanges(report, dir.resolve(Reports.CHANGES_FILE));
        List<Map<String, String>> rows = rows(csv);

        assertThat("a cell with a comma is quoted", Files.readString(csv), containsString(",\"the connection attempt"));

        assertThat(rows.size(), is(3));
        assertThat(List.copyOf(rows.get(0).keySet()), is(ChangesCsv.COLUMNS));
        assertThat(rows.get(0), is(Map.of("change", "firewall-allow", "host", "*.push.apple.com", "port", "5223",
                "transport", "tcp", "service", "mdm device-setup", "verdict", "TCP_TIMEOUT TCP_REFUSED", "reason",
                "the connection attempt got no answer; the connection was refused with a reset; "
                        + "failed: 1-courier.push.apple.com tcp 5223, 21-courier.push.apple.com tcp 5223")));
        assertThat(rows.get(1).get("change") + " " + rows.get(1).get("host") + " " + rows.get(1).get("port") + "/"
                + rows.get(1).get("transport"), is("firewall-allow time.apple.com 123/udp"));
        assertThat(rows.get(2).get("change") + " " + rows.get(2).get("verdict"), is("other NTP_INVALID"));
    }

    @Test
    void passedAndSkippedChecksCallForNothingAndTheFileKeepsItsHeader() throws IOException {
        RunReport report = run(List.of(
                CheckOutcome.of(new CheckTarget(TIME, "time.apple.com", Check.dns()),
                        ProbeResult.passed("resolved", Duration.ofMillis(3), null)),
                CheckOutcome.of(new CheckTarget(TIME, "time.apple.com", new Check(CheckKind.NTP, 123,
                        Transport.UDP)), ProbeResult.skipped(Verdict.DNS_NXDOMAIN, "dns failed"))));

        Path csv = Reports.writeChanges(report, dir.resolve(Reports.CHANGES_FILE));

        assertThat(Files.readString(csv), is("change,host,port,transport,service,verdict,reason\n"));
        assertThat(ResultsFile.from(report).changes(), is(List.of()));
    }

    @Test
    void everyFailureVerdictCallsForAChangeAndOnlyTheIssuesKindsExist() {
        List<Verdict> none = Arrays.stream(Verdict.values()).filter(v -> ChangeKind.of(v).isEmpty()).toList();
        assertThat(none, contains(Verdict.OK, Verdict.DISABLED, Verdict.FAMILY_UNAVAILABLE));
        assertThat(Arrays.stream(ChangeKind.values()).map(ChangeKind::id).toList(), contains("firewall-allow",
                "proxy-allow", "proxy-auth-exempt", "tls-inspection-exempt", "dns-filter-allow", "other"));
        assertThat(ChangeKind.of(Verdict.TCP_TIMEOUT), is(Optional.of(ChangeKind.FIREWALL_ALLOW)));
        assertThat(ChangeKind.of(Verdict.TCP_REFUSED), is(Optional.of(ChangeKind.FIREWALL_ALLOW)));
        assertThat(ChangeKind.of(Verdict.TCP_UNREACHABLE), is(Optional.of(ChangeKind.FIREWALL_ALLOW)));
        assertThat(ChangeKind.of(Verdict.PROXY_DENIED), is(Optional.of(ChangeKind.PROXY_ALLOW)));
        assertThat(ChangeKind.of(Verdict.PROXY_AUTH_REQUIRED), is(Optional.of(ChangeKind.PROXY_AUTH_EXEMPT)));
        assertThat(ChangeKind.of(Verdict.TLS_INTERCEPTED), is(Optional.of(ChangeKind.TLS_INSPECTION_EXEMPT)));
        assertThat(ChangeKind.of(Verdict.DNS_NXDOMAIN), is(Optional.of(ChangeKind.DNS_FILTER_ALLOW)));
        assertThat(ChangeKind.of(Verdict.DNS_SINKHOLE), is(Optional.of(ChangeKind.DNS_FILTER_ALLOW)));
        assertThat(ChangeKind.of(Verdict.DNS_SERVFAIL), is(Optional.of(ChangeKind.OTHER)));
    }

    @Test
    void theJsonCarriesTheSameChangesWithTheChecksTheyFix() throws IOException {
        RunReport report = Runs.mixed(null);
        Path json = Reports.writeJson(report, dir.resolve(ResultsFile.FILE_NAME));
        Path csv = Reports.writeChanges(report, dir.resolve(Reports.CHANGES_FILE));

        List<ResultsFile.Change> changes = ResultsFile.read(json).changes();
        List<Map<String, String>> rows = rows(csv);

        assertThat(changes.size(), is(rows.size()));
        for (int i = 0; i < rows.size(); i++) {
            ResultsFile.Change change = changes.get(i);
            Map<String, String> row = rows.get(i);
            assertThat(List.of(change.change(), change.host(), change.port() == null ? "" : change.port().toString(),
                    change.transport() == null ? "" : change.transport(), change.service(), change.verdict(),
                    change.reason()), is(ChangesCsv.COLUMNS.stream().map(row::get).toList()));
        }
        assertThat(changes.get(0).checks(), contains("1-courier.push.apple.com tcp 5223"));
        assertThat("a dns change has no port", changes.get(1).port() == null, is(true));
    }

    @Test
    void appleRangesNoteAppearsWhenSeveralRowsInApplesAddressesFailTheFirewall() {
        Endpoint other = Endpoint.builder("device-setup", "albert.apple.com").build();
        Endpoint cdn = Endpoint.builder("device-setup", "updates.cdn-apple.com").build();
        Check tcp443 = new Check(CheckKind.TCP, 443, Transport.TCP);
        List<CheckOutcome> outcomes = new ArrayList<>();
        outcomes.add(resolved(COURIERS, "1-courier.push.apple.com", "17.57.144.10"));
        outcomes.add(failed(COURIERS, "1-courier.push.apple.com", new Check(CheckKind.TCP, 5223, Transport.TCP),
                Verdict.TCP_TIMEOUT, null));
        outcomes.add(resolved(other, "albert.apple.com", "2620:149:a44::10"));
        outcomes.add(failed(other, "albert.apple.com", tcp443, Verdict.TCP_TIMEOUT, null));
        RunReport report = run(outcomes);

        String note = FirewallRangeNote.firewallNote(report, ChangeRequest.of(report).of(ChangeKind.FIREWALL_ALLOW))
                .orElseThrow();

        assertThat(note, containsString("17.0.0.0/8"));
        assertThat(note, containsString("2403:300::/32, 2620:149::/32, 2a01:b740::/32"));
        assertThat(note, not(containsString("need rules by name")));

        outcomes.add(resolved(cdn, "updates.cdn-apple.com", "23.32.0.5"));
        outcomes.add(failed(cdn, "updates.cdn-apple.com", tcp443, Verdict.TCP_REFUSED, null));
        RunReport withCdn = run(outcomes);
        assertThat(FirewallRangeNote.firewallNote(withCdn, ChangeRequest.of(withCdn).of(ChangeKind.FIREWALL_ALLOW))
                .orElseThrow(), containsString("need rules by name: updates.cdn-apple.com."));

        RunReport one = run(outcomes.subList(0, 2));
        assertThat("one row is not a family", FirewallRangeNote.firewallNote(one,
                ChangeRequest.of(one).of(ChangeKind.FIREWALL_ALLOW)).isPresent(), is(false));
    }

    @Test
    void appleRangesAreMatchedOnTheWholePrefix() {
        assertThat(AppleRanges.contains("17.253.144.10"), is(true));
        assertThat(AppleRanges.contains("172.16.0.1"), is(false));
        assertThat(AppleRanges.contains("2403:300:a42::1"), is(true));
        assertThat(AppleRanges.contains("2403:0300:0:0:0:0:0:1"), is(true));
        assertThat(AppleRanges.contains("2A01:B740::5"), is(true));
        assertThat(AppleRanges.contains("2403:301::1"), is(false));
        assertThat(AppleRanges.contains("2403::1"), is(false));
        assertThat(AppleRanges.contains("::1"), is(false));
    }

    private static CheckOutcome resolved(Endpoint row, String host, String address) {
        return CheckOutcome.of(new CheckTarget(row, host, Check.dns()), ProbeResult.passed("resolved",
                Duration.ofMillis(3), new Evidence(List.of(address), null, null, null, null, null, null, null, null,
                        null)));
    }
}
