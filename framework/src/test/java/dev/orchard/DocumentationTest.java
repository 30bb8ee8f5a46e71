package dev.orchard;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;

import dev.orchard.catalog.Catalog;
import dev.orchard.catalog.Service;
import dev.orchard.probe.CheckKind;
import dev.orchard.probe.Verdict;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/ is the user's reference: every verdict, key, service and tag a user can meet must be on one of its pages.
 * README.md is only the front door: short, and every link in it and in docs/ leads somewhere.
 */
class DocumentationTest {

    private static final Path ROOT = Path.of("..");
    private static final Path DOCS = ROOT.resolve("docs");
    private static final int README_LIMIT = 12 * 1024;
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern HEADING = Pattern.compile("^#{1,6} (.+)$");

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> pages() throws IOException {
        try (Stream<Path> files = Files.list(DOCS)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".md")).sorted().toList();
        }
    }

    /** All of docs/ as one text, since each idea may live on whichever page suits it. */
    private static String docs() throws IOException {
        StringBuilder text = new StringBuilder();
        for (Path page : pages()) {
            text.append(read(page)).append('\n');
        }
        return text.toString();
    }

    @Test
    void everyVerdictIsExplained() throws IOException {
        String text = docs();
        List<String> missing = Arrays.stream(Verdict.values()).map(v -> "`" + v.name() + "`")
                .filter(v -> !text.contains(v)).toList();
        assertThat(missing, is(empty()));
    }

    @Test
    void everyConfigurationKeyIsDocumented() throws IOException {
        String text = docs();
        List<String> missing = ConfigurationKeys.ALL.stream().filter(k -> !text.contains("`" + k))
                .toList();
        assertThat(missing, is(empty()));
    }

    @Test
    void everyServiceAndTagIsListed() throws IOException {
        String text = docs();
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

    @Test
    void readmeStaysAShortFrontDoor() throws IOException {
        assertThat("README.md bytes", Files.size(ROOT.resolve("README.md")), is(lessThan((long) README_LIMIT)));
    }

    @Test
    void everyDocsPageIsInTheIndex() throws IOException {
        Set<String> linked = new HashSet<>();
        for (String target : links(DOCS.resolve("index.md"))) {
            linked.add(target.split("#", 2)[0]);
        }
        List<String> missing = pages().stream().map(p -> p.getFileName().toString())
                .filter(name -> !name.equals("index.md") && !linked.contains(name)).toList();
        assertThat("pages of docs/ missing from docs/index.md", missing, is(empty()));
    }

    @Test
    void everyLinkOfReadmeAndDocsLeadsSomewhere() throws IOException {
        List<Path> files = new ArrayList<>(pages());
        files.add(ROOT.resolve("README.md"));
        List<String> broken = new ArrayList<>();
        for (Path file : files) {
            for (String target : links(file)) {
                if (target.matches("^[a-z][a-z0-9+.-]*:.*")) {
                    continue; // https:, mailto: — outside the checkout, not checked here
                }
                String[] parts = target.split("#", 2);
                Path resolved = parts[0].isEmpty() ? file : file.getParent().resolve(parts[0]).normalize();
                if (!Files.exists(resolved)) {
                    broken.add(ROOT.relativize(file) + ": " + target + " (no such file)");
                } else if (parts.length == 2 && resolved.toString().endsWith(".md")
                        && !anchors(resolved).contains(parts[1])) {
                    broken.add(ROOT.relativize(file) + ": " + target + " (no such heading)");
                }
            }
        }
        assertThat(broken, is(empty()));
    }

    /** The targets of the Markdown links of {@code file}, outside code blocks. */
    private static List<String> links(Path file) {
        List<String> targets = new ArrayList<>();
        for (String line : prose(file)) {
            Matcher link = LINK.matcher(line);
            while (link.find()) {
                targets.add(link.group(1));
            }
        }
        return targets;
    }

    /** The anchors GitHub makes of the headings of a page: lower case, punctuation dropped, spaces to dashes. */
    private static Set<String> anchors(Path page) {
        Set<String> anchors = new HashSet<>();
        for (String line : prose(page)) {
            Matcher heading = HEADING.matcher(line);
            if (heading.matches()) {
                anchors.add(heading.group(1).trim().toLowerCase(Locale.ROOT)
                        .replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-'));
            }
        }
        return anchors;
    }

    /** The lines of a Markdown file outside fenced code blocks, where links and headings are text. */
    private static List<String> prose(Path file) {
        List<String> lines = new ArrayList<>();
        boolean fence = false;
        for (String line : read(file).split("\n")) {
            if (line.startsWith("```")) {
                fence = !fence;
            } else if (!fence) {
                lines.add(line);
            }
        }
        return lines;
    }
}
