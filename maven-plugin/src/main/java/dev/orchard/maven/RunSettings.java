package dev.orchard.maven;

import dev.orchard.config.OrchardSettings;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one run of the engine is asked to do: tag expressions, the engine's settings and how often failed checks
 * are rerun. Bad values fail before this is built, naming the key.
 *
 * @param groups tag expressions to include, as Surefire's {@code groups}
 * @param excludedGroups tag expressions to exclude
 * @param settings the {@code apple-network.*} settings handed to the engine
 * @param reruns how many times failed checks are rerun
 */
record RunSettings(List<String> groups, List<String> excludedGroups, OrchardSettings settings, int reruns) {

    RunSettings {
        groups = List.copyOf(groups);
        excludedGroups = List.copyOf(excludedGroups);
        Objects.requireNonNull(settings, "settings");
        if (reruns < 0) {
            throw new IllegalArgumentException(OrchardSettings.RERUN_FAILING_TESTS_COUNT.name() + ": '" + reruns
                    + "' is negative; expected 0 or more reruns of failed checks");
        }
    }

    /** Splits Surefire-style comma separated tag expressions; blank means none. */
    static List<String> expressions(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** The launcher's configuration parameters. */
    Map<String, String> parameters() {
        return settings.toParameters();
    }
}
