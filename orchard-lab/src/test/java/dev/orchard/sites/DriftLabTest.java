package dev.orchard.sites;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import dev.orchard.lab.BranchOfficeRun;
import dev.orchard.lab.LabCertificates;
import dev.orchard.lab.LabRuns;
import dev.orchard.report.ResultsFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A healthy office turns into the broken branch office: drift names exactly the checks the lab broke, and the two
 * inspection CAs that appeared, and nothing that stayed as it was.
 *
 * <p>"After" is {@link BranchOfficeRun}'s whole-catalog run, shared with the module's other tests. "Before" is a
 * healthy lab run of only the services with a row on a host that a fault breaks ({@link
 * BranchOfficeRun#faultedServices()}), not of the whole catalog: drift counts a check the baseline lacks as a new
 * failure when it fails now, so the baseline must hold every check the faults touch, and a service tag holds all
 * checks of its rows, including the checks skipped after a broken step. Checks of the other services are absent
 * from the baseline and pass now, which drift ignores. The restriction cannot hide a fault: a check that a fault
 * broke outside these services would show up as {@code absent -> VERDICT}, which the exact list below rejects. The
 * healthy lab drops nothing, so this run ends in well under one timeout anyway; the restriction saves its checks.
 */
class DriftLabTest {

    @TempDir
    static Path dir;
    static Path healthy;
    static Path broken;

    @BeforeAll
    static void runs() {
        healthy = LabRuns.run("lab", BranchOfficeRun.SITE, dir.resolve("before"),
                List.copyOf(BranchOfficeRun.faultedServices()));
        broken = BranchOfficeRun.get().results();
    }

    @Test
    void newFailuresAreExactlyTheInjectedFaults() throws Exception {
        Drift drift = Baseline.compare(healthy, broken);

        assertThat(drift.newFailures().stream().map(c -> c.service() + " " + c.host() + " " + c.check() + " "
                + c.before() + " -> " + c.after()).toList(), containsInAnyOrder(
                "device-setup time.apple.com ntp 123 OK -> UDP_NO_RESPONSE",
                "mdm 1-courier.push.apple.com tcp 5223 OK -> TCP_TIMEOUT",
                "mdm 1-courier.push.apple.com tcp 2197 OK -> TCP_TIMEOUT",
                "mdm 21-courier.push.apple.com tcp 5223 OK -> TCP_TIMEOUT",
                "mdm 21-courier.push.apple.com tcp 2197 OK -> TCP_TIMEOUT",
                "mdm iprofiles.apple.com tcp 443 OK -> PROXY_DENIED",
                "mdm deviceenrollment.apple.com tcp 443 OK -> PROXY_DENIED",
                "business-school-manager idmsa.apple.com tls 443 OK -> TLS_INTERCEPTED",
                "apple-account idmsa.apple.com tls 443 OK -> TLS_INTERCEPTED",
                "apps gateway.icloud.com tls 443 OK -> TLS_INTERCEPTED",
                "icloud gateway.icloud.com tls 443 OK -> TLS_INTERCEPTED",
                "icloud cvws.icloud-content.com dns OK -> DNS_NXDOMAIN",
                "apple-intelligence api.smoot.apple.com dns OK -> DNS_SINKHOLE"));
        assertThat(drift.fixed(), is(empty()));
        List<String> skippedNow = ResultsFile.read(broken).results().stream()
                .filter(r -> r.status().equals("skipped"))
                .map(r -> r.service() + " " + r.host() + " " + r.check() + (r.port() == null ? "" : " " + r.port()))
                .toList();
        assertThat("the other verdict changes are the checks skipped after a broken step",
                drift.verdictChanges().stream().map(c -> c.service() + " " + c.host() + " " + c.check()).toList(),
                containsInAnyOrder(skippedNow.toArray()));
        // the same 11 skips as EngineLabRunTest: cvws (tcp, tls, quic), the couriers (tls 5223, 2197), deviceenrollment tls
        assertThat(skippedNow.size(), is(11));
        assertThat(drift.newIssuers(), containsInAnyOrder(containsString(LabCertificates.PALO_ALTO_CA),
                containsString(LabCertificates.ZSCALER_CA)));
        assertThat(drift.issuerChanges().stream().map(Drift.Change::host).distinct().toList(),
                containsInAnyOrder("gateway.icloud.com", "idmsa.apple.com"));
    }

    @Test
    void aRunComparedWithItselfHasNoNewFailures() throws Exception {
        Drift drift = Baseline.compare(broken, broken);

        assertThat(drift.newFailures(), is(empty()));
        assertThat(drift.newIssuers(), is(empty()));
        assertThat(drift.verdictChanges(), is(empty()));
    }

    @Test
    void theDriftFilesSayTheSame() throws Exception {
        Drift drift = Baseline.compare(healthy, broken);
        List<Path> files = Baseline.write(drift, "lyon", dir.resolve("drift"));

        String json = Files.readString(files.get(0));
        String html = Files.readString(files.get(1));
        assertThat(json, allOf(containsString("\"newFailures\""), containsString("PROXY_DENIED"),
                containsString(LabCertificates.PALO_ALTO_CA)));
        assertThat(html, allOf(containsString("New failures (13)"), containsString("New certificate issuers (2)"),
                containsString("<title>Apple network drift at lyon</title>")));
        assertThat(drift.lines(), hasItem(containsString(": 13 new failures, ")));
    }

    @Test
    void theSiteIsRecordedInTheResults() throws Exception {
        assertThat(ResultsFile.read(broken).settings().site(), is("lyon"));
    }
}
