package dev.orchard.sites;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.fail;

import dev.orchard.lab.BranchOfficeRun;
import dev.orchard.report.Promtool;
import dev.orchard.report.Reports;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end with Debian's real {@code prometheus-node-exporter}: its textfile collector reads Orchard's .prom
 * files (the shared branch office run's, {@link BranchOfficeRun}, and an aggregate's) from a directory, it serves
 * them on a loopback port, and curl scrapes them, as Prometheus would. Only the textfile collector runs, so nothing
 * else of the machine is exported.
 */
class NodeExporterTest {

    @TempDir
    Path dir;

    @Test
    void nodeExporterServesOrchardsMetrics() throws Exception {
        Promtool.require(Promtool.NODE_EXPORTER, "prometheus-node-exporter");
        Path textfiles = Files.createDirectories(dir.resolve("textfile"));
        Files.copy(BranchOfficeRun.get().report(Reports.METRICS_FILE), textfiles.resolve("apple-network.prom"));
        Path artifacts = dir.resolve("artifacts");
        SiteFiles.write(artifacts, "paris", "2026-11-30T08:00:00Z", "TLS_INTERCEPTED", SiteFiles.ZSCALER);
        Aggregator.run(artifacts.toString(), null, dir, dir.resolve("aggregate"), line -> { });
        Files.copy(dir.resolve("aggregate").resolve(Aggregator.METRICS_FILE),
                textfiles.resolve("apple-network-aggregate.prom"));

        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        Process exporter = new ProcessBuilder(Promtool.NODE_EXPORTER.toString(), "--collector.disable-defaults",
                "--collector.textfile", "--collector.textfile.directory=" + textfiles,
                "--web.listen-address=127.0.0.1:" + port).redirectErrorStream(true).start();
        try {
            CountDownLatch listening = new CountDownLatch(1);
            StringBuilder output = new StringBuilder();
            Thread reader = new Thread(() -> {
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(exporter.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = lines.readLine()) != null) {
                        synchronized (output) {
                            output.append(line).append('\n');
                        }
                        if (line.contains("Listening on")) {
                            listening.countDown();
                        }
                    }
                } catch (java.io.IOException e) {
                    // the process ended
                }
            });
            reader.setDaemon(true);
            reader.start();
            if (!listening.await(60, TimeUnit.SECONDS)) {
                synchronized (output) {
                    fail("node_exporter did not listen within 60 s:\n" + output);
                }
            }
            Process curl = new ProcessBuilder(List.of("curl", "-sS", "--fail", "--max-time", "30",
                    "http://127.0.0.1:" + port + "/metrics")).redirectErrorStream(true).start();
            String metrics = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(curl.waitFor(60, TimeUnit.SECONDS), is(true));
            assertThat(metrics, curl.exitValue(), is(0));

            assertThat(metrics, allOf(
                    containsString("node_textfile_scrape_error 0"),
                    containsString("apple_network_check_status{check=\"tls\",family=\"ipv4\","
                            + "host=\"gateway.icloud.com\",port=\"443\","
                            + "service=\"icloud\",site=\"lyon\",verdict=\"TLS_INTERCEPTED\"} 0"),
                    containsString("apple_network_cause_sites{verdict=\"TLS_INTERCEPTED\"} 1"),
                    containsString("apple_network_aggregate_sites 1")));
            assertThat(metrics, matchesPattern("(?s).*apple_network_run_checks\\{site=\"lyon\",status=\"failed\"\\} "
                    + "1[0-9]\n.*"));
            assertThat(metrics, matchesPattern("(?s).*apple_network_run_timestamp_seconds\\{site=\"lyon\"\\} "
                    + "1\\.[0-9.e+]+\n.*"));
        } finally {
            exporter.destroy();
            if (!exporter.waitFor(30, TimeUnit.SECONDS)) {
                exporter.destroyForcibly();
            }
        }
    }
}
