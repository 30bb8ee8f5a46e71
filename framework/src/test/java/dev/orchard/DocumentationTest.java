package dev.orchard;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;

import dev.orchard.catalog.Catalog;
import dev.orchard.catalog.Service;
import dev.orchard.probe.CheckKind;
import dev.orchard.probe.Verdict;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README is the user's reference: every verdict, key, service and tag a user can meet must be in it. */
class DocumentationTest {

    private static String readme() throws IOException {
        Path readme = Path.of("..", "README.md");
        return Files.readString(readme, StandardCharsets.UTF_8);
    }

    @Test
    void everyVerdictIsExplained() throws IOException {
        String text = readme();
        List<String> missing = Arrays.stream(Verdict.values()).map(v -> "`" + v.name() + "`")
                .filter(v -> !text.contains(v)).toList();
        assertThat(missing, is(empty()));
    }

    @Test
    void everyConfigurationKeyIsDocumented() throws IOException {
        String text = readme();
        List<String> missing = ConfigurationKeys.ALL.stream().filter(k -> !text.contains("`" + k))
                .toList();
        assertThat(missing, is(empty()));
    }

    @Test
    void everyServiceAndTagIsListed() throws IOException {
        String text = readme();
        Catalog catalog = Catalog.bundled();
        List<String> missing = new ArrayList<>();
        for (Service service : catalog.services()) {
            if (!text.contains("`" + service.id() + "`")) {
                missing.add(service.id());
            }
        }
        for (String tag : catalog.tags()) {
            if (!text.contains("`" + tag + "`")) {
                missing.add(tag);
            }
        }
        for (CheckKind kind : CheckKind.values()) {
            if (!text.contains("`" + kind.tag() + "`")) {
                missing.add(kind.tag());
            }
        }
        assertThat(missing, is(empty()));
    }
}
