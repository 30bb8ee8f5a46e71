package dev.orchard.maven;

import dev.orchard.config.OrchardSettings;
import dev.orchard.internal.Sanitizer;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.Log;

/** Sends a listing to the build log, or to the file of {@code apple-network.output} for scripts. */
final class TextOutput {

    static final String OUTPUT_KEY = OrchardSettings.OUTPUT.name();

    private TextOutput() {
    }

    /** True for json, false for table; anything else names the key and the accepted values. */
    static boolean json(String format) throws MojoExecutionException {
        try {
            return OrchardSettings.defaults().withText(OrchardSettings.FORMAT, format).get(OrchardSettings.FORMAT)
                    .orElseThrow().equals("json");
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException(RunGoal.printable(e.getMessage()));
        }
    }

    /** To the log when {@code file} is null, else to the file (its directories created). */
    static void write(List<String> lines, File file, Log log) throws MojoExecutionException {
        if (file == null) {
            lines.forEach(line -> log.info(Sanitizer.cleanLines(line, Integer.MAX_VALUE)));
            return;
        }
        Path output = file.toPath();
        try {
            Path parent = output.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(output, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MojoExecutionException(RunGoal.printable(OUTPUT_KEY + ": cannot write " + output + ": "
                    + e.getMessage() + "; expected a writable file path"));
        }
        log.info("Wrote " + output);
    }
}
