package dev.orchard.sites;

import dev.orchard.probe.CertificateInfo;
import dev.orchard.report.ResultsFile;
import dev.orchard.report.Summary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Results files of imagined sites, written by Orchard's own {@link ResultsFile} writer. */
final class SiteFiles {

    static final String HOSTILE = "<script>alert(1)</script> & \"q\" \u001b[31m";
    static final String ZSCALER = "CN=Zscaler Intermediate Root CA (zscaler.net), O=Zscaler Inc.";
    static final String APPLE = "CN=Apple Public Server RSA CA 12 - G1, O=Apple Inc.";

    private SiteFiles() {
    }

    static ResultsFile.Result result(String service, String host, Integer port, String check, String verdict,
            long ms, String issuer) {
        String status = verdict.equals("OK") ? "passed" : verdict.equals("NOT_RUN") ? "skipped" : "failed";
        List<CertificateInfo> chain = issuer == null ? null
                : List.of(new CertificateInfo("CN=" + host, issuer, "spki", "2027-01-01T00:00:00Z"));
        ResultsFile.Observed evidence = new ResultsFile.Observed(List.of("17.1.2.3"),
                check.equals("dns") ? List.of(host, host + ".edgekey.net") : null, List.of("17.1.2.3"), null, chain,
                null, null, null, null);
        return new ResultsFile.Result(service, host, host, port, port == null ? null : "tcp", check,
                port == null ? null : "direct", status, verdict, verdict.equals("OK") ? "fine" : "broken at " + host,
                ms, null, List.of(service), evidence, null, null, null, null);
    }

    /** A site with the three checks of two services; {@code tlsVerdict} and {@code issuer} make it differ. */
    static Path write(Path dir, String site, String startedAt, String tlsVerdict, String issuer) throws IOException {
        List<ResultsFile.Result> results = new ArrayList<>();
        results.add(result("mdm", "gdmf.apple.com", null, "dns", "OK", 8, null));
        results.add(result("mdm", "gdmf.apple.com", 443, "tcp", "OK", 20, null));
        results.add(result("mdm", "gdmf.apple.com", 443, "tls", tlsVerdict, 120, issuer));
        results.add(result("icloud", "gateway.icloud.com", 443, "tcp", "OK", 30, null));
        results.add(result("icloud", "gateway.icloud.com", 443, "tls", tlsVerdict, 110, issuer));
        int failed = (int) results.stream().filter(r -> r.status().equals("failed")).count();
        ResultsFile file = new ResultsFile(new ResultsFile.CatalogInfo("Apple enterprise networks", "2024-11"),
                startedAt, 1000, new ResultsFile.Settings(5000, null, List.of(), site),
                new Summary(results.size(), results.size() - failed, failed, 0, 0), results, null);
        Path target = dir.resolve(site.replaceAll("[^A-Za-z0-9-]", "_")).resolve(ResultsFile.FILE_NAME);
        Files.createDirectories(target.getParent());
        file.write(target);
        return target;
    }
}
