package dev.orchard.report;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.orchard.probe.Check;
import dev.orchard.probe.CheckKind;
import dev.orchard.catalog.Transport;
import dev.orchard.probe.ProbeResult;
import dev.orchard.probe.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportsTest {

    @TempDir
    Path dir;

    @Test
    void writeAllWritesJsonXmlAndHtmlIntoANewDirectory() throws IOException {
        Path reports = dir.resolve("target/apple-network-reports");

        List<Path> files = Reports.writeAll(Runs.mixed(null), reports);

        assertThat(files.stream().map(f -> f.getFileName().toString()).toList(), contains(
                "apple-network-results.json", "apple-network-changes.csv", "TEST-apple-network.mdm.xml",
                "TEST-apple-network.device-setup.xml", "index.html", "apple-network-results.prom"));
        for (Path file : files) {
            assertThat(file + " is written", Files.size(file) > 0, is(true));
            assertThat(file.getParent(), is(reports));
        }
        assertThat(ResultsFile.read(reports.resolve(ResultsFile.FILE_NAME)).summary().total(), is(10));
    }

    @Test
    void anEmptyRunStillWritesAReadableJsonAndPage() throws IOException {
        RunReport empty = new RunReport("Empty", "2024-11", Runs.STARTED, Duration.ZERO, Runs.settings(null),
                List.of());

        List<Path> files = Reports.writeAll(empty, dir);

        // JSON, CSV, page and metrics; no XML for a run without services
        assertThat(files.size(), is(4));
        assertThat(ResultsFile.read(files.get(0)).results(), is(List.of()));
        assertThat(Files.readString(files.get(1)), is("change,host,port,transport,service,verdict,reason\n"));
        assertThat(Files.readString(files.get(2)), containsString("Every check that ran passed."));
    }

    @Test
    void outcomesAreTaggedByRowAndCheckAndCountedOnce() {
        CheckOutcome outcome = CheckOutcome.rerun(Runs.target(Runs.PUSH, new Check(CheckKind.TLS, 443,
                Transport.TCP)), ProbeResult.passed("", Duration.ofMillis(5), null),
                List.of(ProbeResult.failed(Verdict.TLS_HANDSHAKE_TIMEOUT, "held", Duration.ofSeconds(5), null)));

        assertThat(List.copyOf(outcome.tags()), contains("mdm", "ios", "macos", "direct-only", "push", "tls", "tcp"));
        assertThat(outcome.flaky(), is(true));
        assertThat(outcome.attempts().size(), is(2));
        assertThat(Summary.of(List.of(outcome)), is(new Summary(1, 1, 0, 0, 1)));
    }

    @Test
    void anEarlierAttemptMustHaveFailed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CheckOutcome.rerun(Runs.target(Runs.TIME, Check.dns()), ProbeResult.passed("", null, null),
                        List.of(ProbeResult.passed("", null, null))));

        assertThat(e.getMessage(), is("an earlier attempt of time.apple.com dns is passed; only failed attempts are "
                + "rerun"));
    }

    @Test
    void proxyCredentialsAreRemovedInEveryForm() {
        assertThat(dev.orchard.internal.Sanitizer.withoutCredentials("http://alice:s3cr3t@127.0.0.1:3128"), is("http://127.0.0.1:3128"));
        assertThat(dev.orchard.internal.Sanitizer.withoutCredentials("http://alice@[::1]:3128"), is("http://[::1]:3128"));
        assertThat(dev.orchard.internal.Sanitizer.withoutCredentials("http://al ice:s3 cr3t@127.0.0.1:3128"), is("http://127.0.0.1:3128"));
        assertThat(dev.orchard.internal.Sanitizer.withoutCredentials("http://127.0.0.1:3128"), is("http://127.0.0.1:3128"));
        assertThat(dev.orchard.internal.Sanitizer.withoutCredentials(null) == null, is(true));
    }
}
