package dev.orchard.maven;

import dev.orchard.ConfigurationKeys;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the launcher's configuration parameters from goal parameters. Relative catalog and trust-anchor paths
 * are resolved against the project (or the working directory), as users write them next to their pom.
 */
final class NetworkParameters {

    private final Path base;
    private final Map<String, String> parameters = new LinkedHashMap<>();

    NetworkParameters(Path base) {
        this.base = base;
    }

    NetworkParameters put(String key, String value) {
        RunSettings.put(parameters, key, value);
        return this;
    }

    NetworkParameters catalogs(String value) {
        List<String> resolved = new ArrayList<>();
        for (String entry : RunSettings.expressions(value)) {
            resolved.add(entry.startsWith("classpath:") ? entry : path(entry));
        }
        return put(ConfigurationKeys.CATALOGS, String.join(",", resolved));
    }

    NetworkParameters trustAnchors(String value) {
        return value == null || value.isBlank() ? this : put(ConfigurationKeys.TRUST_ANCHORS, path(value.strip()));
    }

    /** A {@code file:} PAC path is resolved against the project like other paths; URLs and auto pass as given. */
    NetworkParameters pac(String value) {
        if (value == null || value.isBlank()) {
            return this;
        }
        String given = value.strip();
        return put(ConfigurationKeys.PAC, given.startsWith("file:") && !given.startsWith("file://")
                ? "file:" + path(given.substring(5)) : given);
    }

    private String path(String entry) {
        Path path = Path.of(entry);
        return path.isAbsolute() ? entry : base.resolve(path).normalize().toString();
    }

    Map<String, String> map() {
        return Map.copyOf(parameters);
    }
}
