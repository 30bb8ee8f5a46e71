package dev.orchard.report;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Debian's real tools of the Prometheus project, for tests that prove a .prom file is what Prometheus reads. Under
 * {@code CI=true} a missing tool fails the test (CI installs the packages); elsewhere the test is skipped.
 */
public final class Promtool {

    public static final Path PROMTOOL = Path.of("/usr/bin/promtool");
    public static final Path NODE_EXPORTER = Path.of("/usr/bin/prometheus-node-exporter");

    private Promtool() {
    }

    /** Skips, or fails under CI, when {@code tool} is not installed. */
    public static void require(Path tool, String debianPackage) {
        if (Files.isExecutable(tool)) {
            return;
        }
        String message = "no " + tool + " here: install Debian's '" + debianPackage + "' package";
        if ("true".equals(System.getenv("CI"))) {
            fail(message + " (CI=true: .ci/run installs it)");
        }
        assumeTrue(false, message);
    }

    /** {@code promtool check metrics < file}: its exit status and what it printed. */
    public static Result check(Path file) throws Exception {
        require(PROMTOOL, "prometheus");
        Process process = new ProcessBuilder(PROMTOOL.toString(), "check", "metrics")
                .redirectInput(file.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("promtool did not finish within 60 s");
        }
        return new Result(process.exitValue(), output);
    }

    /** What promtool said. */
    public record Result(int exit, String output) {
    }
}
