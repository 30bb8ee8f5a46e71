package dev.orchard.report;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.orchard.catalog.Catalog;
import dev.orchard.catalog.Endpoint;
import dev.orchard.catalog.ProxySupport;
import dev.orchard.catalog.Transport;
import dev.orchard.lab.BranchOfficeRun;
import dev.orchard.lab.Lab;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The demo's broken branch office, run for real on loopback: its {@code apple-network-changes.csv} lists exactly
 * the changes the lab's injected faults call for. The expected rows are derived from {@link Lab#faults()} and the
 * catalog, the way an administrator who knew the faults would write the ticket, not from an earlier run's output.
 * The run is {@link BranchOfficeRun}'s, shared with the other tests of this module; its reports stay in
 * {@code target/branch-office-reports}.
 */
class BranchOfficeChangesTest {

    /** The ports a device sends through its proxy, for rows that work through a proxy. */
    private static final Set<Integer> PROXIED_PORTS = Set.of(80, 443);

    @Test
    void theChangeRequestListsExactlyWhatTheInjectedFaultsCallFor() throws IOException {
        Path changes = BranchOfficeRun.get().report(Reports.CHANGES_FILE);
        Catalog catalog = Catalog.bundled();
        Set<String> expected = new TreeSet<>();
        for (Lab.Fault fault : BranchOfficeRun.faults()) {
            Set<String> calledFor = calledFor(catalog, fault);
            assertThat("the catalog has a row that the fault " + fault + " breaks", calledFor, is(not(empty())));
            expected.addAll(calledFor);
        }
        assertThat(written(changes), is(expected));
    }

    /** What an administrator must change for one fault, for every catalog row whose checks it breaks. */
    private static Set<String> calledFor(Catalog catalog, Lab.Fault fault) {
        Set<String> changes = new TreeSet<>();
        for (Endpoint row : catalog.endpoints()) {
            if (row.isDisabled() || row.probeHosts().stream().noneMatch(p -> p.host().equals(fault.host()))) {
                continue;
            }
            String host = row.pattern();
            boolean tcp = row.transports().contains(Transport.TCP);
            switch (fault.kind()) {
                case NXDOMAIN, SINKHOLE -> changes.add("dns-filter-allow " + host + " -");
                case DROP_TCP, REJECT_TCP, RESET_TCP -> {
                    if (tcp && row.ports().contains(fault.port()) && !proxied(row, fault.port())) {
                        changes.add("firewall-allow " + host + " " + fault.port() + "/tcp");
                    }
                }
                case DROP_UDP -> {
                    if (row.transports().contains(Transport.UDP) && row.ports().contains(fault.port())) {
                        changes.add("firewall-allow " + host + " " + fault.port() + "/udp");
                    }
                }
                case TARPIT, INTERCEPT_TLS -> {
                    if (row.tlsPorts().contains(fault.port()) && !proxied(row, fault.port())) {
                        changes.add("tls-inspection-exempt " + host + " " + fault.port() + "/tcp");
                    }
                }
                case PROXY_DENY, PROXY_REQUIRE_AUTH -> row.ports().stream().filter(p -> tcp && proxied(row, p))
                        .forEach(p -> changes.add((fault.kind() == Lab.Fault.Kind.PROXY_DENY ? "proxy-allow "
                                : "proxy-auth-exempt ") + host + " " + p + "/tcp"));
                case PAC_TO_DENYING_PROXY -> row.ports().stream().filter(p -> tcp && (p == 80 || p == 443))
                        .forEach(p -> changes.add("proxy-allow " + host + " " + p + "/tcp"));
                case PROXY_INTERCEPT -> row.tlsPorts().stream().filter(p -> proxied(row, p))
                        .forEach(p -> changes.add("tls-inspection-exempt " + host + " " + p + "/tcp"));
                case PROXY_UPSTREAM_ERROR -> row.ports().stream().filter(p -> tcp && proxied(row, p))
                        .forEach(p -> changes.add("other " + host + " " + p + "/tcp"));
            }
        }
        return changes;
    }

    private static boolean proxied(Endpoint row, int port) {
        return row.proxy() == ProxySupport.YES && PROXIED_PORTS.contains(port);
    }

    /** The file's rows as {@code change host port/transport}, with {@code -} for a DNS change. */
    private static Set<String> written(Path csv) throws IOException {
        Set<String> rows = new TreeSet<>();
        try (MappingIterator<Map<String, String>> it = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(csv.toFile())) {
            for (Map<String, String> row : it.readAll()) {
                assertThat("service and verdict of " + row, row.get("service").isEmpty() || row.get("verdict")
                        .isEmpty(), is(false));
                rows.add(row.get("change") + " " + row.get("host") + " "
                        + (row.get("port").isEmpty() ? "-" : row.get("port") + "/" + row.get("transport")));
            }
        }
        return rows;
    }
}
