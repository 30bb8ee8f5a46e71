package dev.orchard.sites;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Turns {@code apple-network.results} (or a baseline) into files: each comma-separated entry is a file, a
 * directory (every {@code *.json} below it, except Orchard's aggregate and drift files) or a glob such as
 * {@code artifacts/**}{@code /apple-network-results.json}, relative to a base directory. What CI servers collect
 * as artifacts is exactly such a tree.
 *
 * @param files the files found, each once, in the order given (directories and globs sorted by path)
 * @param problems one line per entry that named nothing
 */
record ResultsSources(List<Path> files, List<String> problems) {

    /** The entries of a comma-separated list; blank ones dropped. */
    static List<String> entries(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    static ResultsSources expand(List<String> entries, Path base, String key) {
        Set<Path> files = new LinkedHashSet<>();
        List<String> problems = new ArrayList<>();
        for (String entry : entries) {
            try {
                List<Path> found = expand(entry, base);
                if (found.isEmpty()) {
                    problems.add(key + ": '" + entry + "' names no file; expected a results file, a directory "
                            + "holding results files, or a glob such as sites/*/"
                            + dev.orchard.report.ResultsFile.FILE_NAME);
                }
                files.addAll(found);
            } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
                problems.add(key + ": cannot read '" + entry + "': " + e.getMessage());
            }
        }
        return new ResultsSources(List.copyOf(files), List.copyOf(problems));
    }

    private static List<Path> expand(String entry, Path base) throws IOException {
        if (!isGlob(entry)) {
            Path path = base.resolve(entry).normalize();
            if (Files.isDirectory(path)) {
                return walk(path, path.getFileSystem().getPathMatcher("glob:**.json"));
            }
            return Files.exists(path) ? List.of(path) : List.of();
        }
        String pattern = entry.replace('\\', '/');
        int firstWild = firstWildcard(pattern);
        int cut = pattern.lastIndexOf('/', firstWild);
        Path root = base.resolve(cut < 0 ? "" : pattern.substring(0, cut)).normalize();
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        String rest = cut < 0 ? pattern : pattern.substring(cut + 1);
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + rest);
        List<Path> matched = new ArrayList<>();
        for (Path file : walk(root, path -> true)) {
            if (matcher.matches(root.relativize(file))) {
                matched.add(file);
            }
        }
        return matched;
    }

    private static List<Path> walk(Path root, PathMatcher matcher) throws IOException {
        try (Stream<Path> tree = Files.walk(root)) {
            return tree.filter(Files::isRegularFile).filter(matcher::matches)
                    .filter(p -> !OWN_OUTPUTS.contains(p.getFileName().toString()))
                    .sorted().toList();
        }
    }

    private static boolean isGlob(String entry) {
        return firstWildcard(entry) < entry.length();
    }

    private static int firstWildcard(String entry) {
        for (int i = 0; i < entry.length(); i++) {
            if ("*?[{".indexOf(entry.charAt(i)) >= 0) {
                return i;
            }
        }
        return entry.length();
    }

    /** Orchard's other JSON files, which sit beside results files in a reports directory. */
    private static final Set<String> OWN_OUTPUTS = Set.of(AggregateJson.FILE_NAME, Baseline.JSON_FILE);
}
