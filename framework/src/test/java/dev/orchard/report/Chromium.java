package dev.orchard.report;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Headless Chromium for tests that render a page: it opens only the file, and its resolver maps every name to
 * NOTFOUND so nothing leaves the machine even if a page were to reference a host.
 */
public final class Chromium {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    private final Path profile;

    /** A browser with its profile in {@code profile}; skips the test when Chromium is not installed. */
    public Chromium(Path profile) {
        assumeTrue(Files.isExecutable(CHROMIUM), "no " + CHROMIUM + " here: install it with "
                + "'apt-get install -y chromium' to render the HTML report in a headless browser");
        this.profile = profile;
    }

    /** Opens {@code page} with the extra {@code mode} switches, such as {@code --dump-dom}. */
    public Browser run(Path page, String... mode) throws Exception {
        List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--host-resolver-rules=MAP * ~NOTFOUND", "--user-data-dir=" + profile,
                "--enable-logging=stderr", "--v=0"));
        command.addAll(List.of(mode));
        command.add(page.toUri().toString());
        Path stdout = Files.createTempFile(profile, "stdout", ".txt");
        Path stderr = Files.createTempFile(profile, "stderr", ".txt");
        Process browser = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile())
                .start();
        if (!browser.waitFor(120, TimeUnit.SECONDS)) {
            browser.destroyForcibly();
            fail("chromium did not finish within 120 s: " + command);
        }
        return new Browser(browser.exitValue(), Files.readString(stdout), Files.readString(stderr));
    }

    /**
     * Screenshots {@code page} into {@code png} (replacing an earlier one) in a window of {@code size}, such as
     * {@code 1280,800}, and checks that a clean render left a real PNG there: the file stays for people to look at.
     */
    public Path screenshot(Path page, Path png, String size) throws Exception {
        Files.deleteIfExists(png);
        run(page, "--screenshot=" + png, "--window-size=" + size).assertRendered();
        byte[] bytes = Files.readAllBytes(png);
        assertThat(bytes.length, greaterThan(10_000));
        assertThat(new String(bytes, 1, 3, StandardCharsets.US_ASCII), is("PNG"));
        return png;
    }

    /** What the browser did. */
    public record Browser(int exit, String stdout, String stderr) {

        /** The browser ended normally and the page logged no error; returns this browser to read its output. */
        public Browser assertRendered() {
            assertThat(stderr, exit, is(0));
            assertThat(pageConsole(), is(List.of()));
            return this;
        }

        /** The page's own console output: script errors and blocked loads, not the browser's D-Bus noise. */
        public List<String> pageConsole() {
            return stderr.lines().filter(l -> l.contains(":CONSOLE") || l.contains("Uncaught")).toList();
        }
    }
}
