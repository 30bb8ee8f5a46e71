package dev.orchard.catalog;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;

import dev.orchard.probe.Deadline;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random catalog text, with fixed seeds and bounded rounds: reading it either works or ends in a
 * {@link CatalogException} (never another exception), quickly, with a bounded message free of control characters.
 * The inputs are random YAML tokens, random bytes, and the bundled catalog with random mutations.
 */
class CatalogFuzzTest {

    private static final String[] TOKENS = {"name: ", "services:\n", "  - id: ", "    endpoints:\n", "      - host: ",
        "ports: [", "]", "[", "{", "}", ": ", "- ", "\n", "  ", "&a ", "*a", "!!binary ", "!!python/object ", "'",
        "\"", "\\u0000", "#", "%YAML 1.1\n", "---\n", "...\n", "? ", "|\n", ">\n", "99999999999999999999", "0x1F",
        "1e999", "\u0000", "\u001b[31m", "\uFEFF", "\uD800", "title: ", "source: ", "tls: ", "proxy: ", "<<: "};

    private static String bundled() throws IOException {
        try (InputStream in = CatalogFuzzTest.class.getClassLoader().getResourceAsStream(Catalog.BUNDLED_RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void read(String text) {
        try {
            Catalog.parse(text, "fuzz.yaml");
        } catch (CatalogException e) {
            String message = e.getMessage();
            assertThat(message, message.length(), lessThan(20_000));
            assertThat(message, message.chars().anyMatch(c -> c < 0x20 && c != '\n'), is(false));
        }
    }

    @Test
    void randomTokensAndBytesEndInOurErrorsOnly() {
        Random random = new Random(42);
        Deadline.endsBefore(Duration.ofSeconds(30), () -> {
            for (int i = 0; i < 1_500; i++) {
                StringBuilder text = new StringBuilder();
                int parts = random.nextInt(60);
                for (int j = 0; j < parts; j++) {
                    if (random.nextInt(5) == 0) {
                        text.append((char) random.nextInt(0x3000));
                    } else {
                        text.append(TOKENS[random.nextInt(TOKENS.length)]);
                    }
                }
                read(text.toString());
            }
            return null;
        });
    }

    @Test
    void mutatedBundledCatalogsEndInOurErrorsOnly() throws IOException {
        String original = bundled();
        Random random = new Random(7);
        Deadline.endsBefore(Duration.ofSeconds(60), () -> {
            for (int i = 0; i < 60; i++) {
                StringBuilder text = new StringBuilder(original);
                for (int m = random.nextInt(5) + 1; m > 0; m--) {
                    int at = random.nextInt(text.length());
                    switch (random.nextInt(3)) {
                        case 0 -> text.deleteCharAt(at);
                        case 1 -> text.insert(at, TOKENS[random.nextInt(TOKENS.length)]);
                        default -> text.setCharAt(at, (char) random.nextInt(0x80));
                    }
                }
                read(text.toString());
            }
            return null;
        });
    }
}
