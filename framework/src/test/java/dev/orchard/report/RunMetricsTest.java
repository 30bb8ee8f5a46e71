package dev.orchard.report;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunMetricsTest {

    @TempDir
    Path dir;

    @Test
    void everyCheckHasAStatusAndADurationAndTheRunItsTotals() throws Exception {
        RunReport report = Runs.mixed(null).withSite("paris \"2e\"");
        Path file = Reports.writeMetrics(report, dir.resolve(Reports.METRICS_FILE));

        String prom = Files.readString(file);
        assertThat(prom, allOf(
                containsString("# TYPE apple_network_check_status gauge"),
                containsString("apple_network_check_status{check=\"tcp\",family=\"ipv4\","
                        + "host=\"1-courier.push.apple.com\",port=\"5223\",service=\"mdm\",site=\"paris \\\"2e\\\"\","
                        + "verdict=\"TCP_TIMEOUT\"} 0.0"),
                containsString("apple_network_check_status{check=\"dns\",family=\"\",host=\"albert.apple.com\","
                        + "port=\"\",service=\"device-setup\",site=\"paris \\\"2e\\\"\",verdict=\"DNS_NXDOMAIN\"} 0.0"),
                containsString("verdict=\"NOT_RUN\"} -1.0"),
                containsString("# UNIT apple_network_check_duration_seconds seconds"),
                containsString("apple_network_check_duration_seconds{check=\"tcp\",family=\"ipv4\","
                        + "host=\"1-courier.push.apple.com\",port=\"5223\",service=\"mdm\","
                        + "site=\"paris \\\"2e\\\"\"} 5.001"),
                containsString("apple_network_run_timestamp_seconds{site=\"paris \\\"2e\\\"\"} 1.7959392E9"),
                containsString("apple_network_run_checks{site=\"paris \\\"2e\\\"\",status=\"failed\"} 2.0"),
                containsString("apple_network_run_flaky_checks{site=\"paris \\\"2e\\\"\"} 1.0"),
                containsString("# EOF")));
        assertThat("the hostile row description is no label", prom, not(containsString("<script")));
    }

    @Test
    void promtoolAcceptsTheFile() throws Exception {
        Path file = Reports.writeMetrics(Runs.mixed("http://127.0.0.1:3128"), dir.resolve(Reports.METRICS_FILE));

        Promtool.Result result = Promtool.check(file);

        assertThat(result.output(), result.exit(), is(0));
        assertThat(result.output(), is(""));
    }

    @Test
    void writeAllWritesTheMetricsBesideTheOtherReports() throws Exception {
        assertThat(Reports.writeAll(Runs.mixed(null), dir).contains(dir.resolve(Reports.METRICS_FILE)), is(true));
    }
}
