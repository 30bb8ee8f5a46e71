package dev.orchard.lab;

import dev.orchard.catalog.Catalog;
import dev.orchard.catalog.Endpoint;
import dev.orchard.engine.CheckIds;
import dev.orchard.report.Reports;
import dev.orchard.report.ResultsFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Apple's whole bundled catalog against the broken branch office, run once per test JVM and shared by every test
 * that needs that run: the engine's events ({@code EngineLabRunTest}), the change request
 * ({@code BranchOfficeChangesTest}), the metrics ({@code NodeExporterTest}) and drift's "after"
 * ({@code DriftLabTest}). Each whole run costs one timeout for the dropped ports, so running it once instead of once
 * per test is most of these tests' time. It runs through the launcher, so the auto-registered results listener
 * writes every report as a Surefire run would, and a recording listener keeps what the engine reported per check.
 * The first {@link #get()} runs it; later calls, from any thread, return the same run.
 */
public final class BranchOfficeRun {

    /** The site the run records, in the results, the page's title and the metrics' labels. */
    public static final String SITE = "lyon";

    /** Kept after the build, so people can open the branch office's page and change request. */
    public static final Path REPORTS = Path.of("target", "branch-office-reports");

    private static final String SKIPPED = "SKIPPED";

    private static BranchOfficeRun run;
    private static IllegalStateException error;

    private final List<Check> checks;

    private BranchOfficeRun(List<Check> checks) {
        this.checks = List.copyOf(checks);
    }

    /**
     * What the engine reported for one check.
     *
     * @param uniqueId the check's unique id
     * @param service the service id, from the unique id
     * @param name the display name: the host and the check, such as {@code time.apple.com ntp 123/udp}
     * @param status {@code SUCCESSFUL}, {@code FAILED}, {@code ABORTED} or {@code SKIPPED}
     * @param message the failure's message or the skip's reason; empty for a check that passed
     */
    public record Check(String uniqueId, String service, String name, String status, String message) {

        /** {@code service host check VERDICT}: the verdict is the failure message's first word. */
        public String verdict() {
            return service + " " + name + " " + message.substring(0, Math.max(0, message.indexOf(':')));
        }

        /** {@code uniqueId -> message}, as test failures print a check. */
        public String describe() {
            return uniqueId + " -> " + message;
        }
    }

    /**
     * The shared run, made by the first caller. A run that went wrong is not repeated: every caller gets its
     * error. The reports of an earlier build are deleted first, so no test reads them as this run's.
     */
    public static synchronized BranchOfficeRun get() {
        if (run == null && error == null) {
            try {
                deleteReports();
                Recorder recorder = new Recorder();
                LabRuns.run("branch-office", SITE, REPORTS, List.of(), recorder);
                run = new BranchOfficeRun(recorder.checks());
            } catch (IOException | RuntimeException e) {
                error = new IllegalStateException("the shared branch office run failed", e);
            }
        }
        if (error != null) {
            throw error;
        }
        return run;
    }

    private static void deleteReports() throws IOException {
        if (Files.isDirectory(REPORTS)) {
            try (Stream<Path> files = Files.list(REPORTS)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    /** The injected faults, read from a lab broken exactly as the one the engine ran against. */
    public static List<Lab.Fault> faults() {
        try (Lab lab = Lab.branchOffice(Catalog.bundled())) {
            return lab.faults();
        }
    }

    /** The services with a row that probes a host one of the {@link #faults()} breaks. */
    public static Set<String> faultedServices() {
        Set<String> hosts = new TreeSet<>();
        faults().forEach(f -> hosts.add(f.host()));
        Set<String> services = new TreeSet<>();
        for (Endpoint row : Catalog.bundled().endpoints()) {
            if (row.probeHosts().stream().anyMatch(p -> hosts.contains(p.host()))) {
                services.add(row.service());
            }
        }
        return services;
    }

    /** A report the run wrote, such as {@link Reports#CHANGES_FILE}. */
    public Path report(String fileName) {
        return REPORTS.resolve(fileName);
    }

    /** The JSON results file. */
    public Path results() {
        return report(ResultsFile.FILE_NAME);
    }

    /** The checks that failed, as the engine reported them. */
    public List<Check> failed() {
        return withStatus(TestExecutionResult.Status.FAILED.name());
    }

    /** The checks the engine skipped, each with its reason. */
    public List<Check> skipped() {
        return withStatus(SKIPPED);
    }

    /** The checks that ended neither passed, failed nor skipped: none, in a sound run. */
    public List<Check> aborted() {
        return withStatus(TestExecutionResult.Status.ABORTED.name());
    }

    private List<Check> withStatus(String status) {
        return checks.stream().filter(c -> c.status().equals(status)).toList();
    }

    /** Records every check's outcome; the engine reports checks from several threads. */
    private static final class Recorder implements TestExecutionListener {

        private final List<Check> checks = new ArrayList<>();
        private final List<String> problems = new ArrayList<>();

        @Override
        public synchronized void executionSkipped(TestIdentifier identifier, String reason) {
            if (identifier.isTest()) {
                checks.add(check(identifier, SKIPPED, reason));
            }
        }

        @Override
        public synchronized void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
            String message = result.getThrowable().map(Throwable::getMessage).orElse("");
            if (identifier.isTest()) {
                checks.add(check(identifier, result.getStatus().name(), message));
            } else if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                problems.add(identifier.getUniqueId() + ": " + result.getStatus() + " " + message);
            }
        }

        synchronized List<Check> checks() {
            if (!problems.isEmpty() || checks.isEmpty()) {
                throw new IllegalStateException("the branch office's run did not run its checks: " + problems);
            }
            return List.copyOf(checks);
        }

        private static Check check(TestIdentifier identifier, String status, String message) {
            String service = CheckIds.of(identifier.getUniqueIdObject()).map(CheckIds::service)
                    .orElseThrow(() -> new IllegalStateException("not a check: " + identifier.getUniqueId()));
            return new Check(identifier.getUniqueId(), service, identifier.getDisplayName(), status,
                    message == null ? "" : message);
        }
    }
}
