package dev.orchard.maven;

import dev.orchard.ConfigurationKeys;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What one run of the engine is asked to do: tag expressions, the configuration parameters handed to the
 * launcher and how often failed checks are rerun. Bad values fail here, naming the key, before anything starts.
 *
 * @param groups tag expressions to include, as Surefire's {@code groups}
 * @param excludedGroups tag expressions to exclude
 * @param parameters the {@code apple-network.*} configuration parameters, unset ones left out
 * @param reruns how many times failed checks are rerun
 */
record RunSettings(List<String> groups, List<String> excludedGroups, Map<String, String> parameters, int reruns) {

    static final String RERUNS_KEY = "apple-network.rerunFailingTestsCount";

    RunSettings {
        groups = List.copyOf(groups);
        excludedGroups = List.copyOf(excludedGroups);
        parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        if (reruns < 0) {
            throw new IllegalArgumentException(RERUNS_KEY + ": '" + reruns
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

    /** Adds {@code key} when the value is set and not blank. */
    static void put(Map<String, String> parameters, String key, String value) {
        if (value != null && !value.isBlank()) {
            parameters.put(key, value.strip());
        }
    }

    Optional<String> parameter(String key) {
        return Optional.ofNullable(parameters.get(key));
    }

    List<String> catalogs() {
        return expressions(parameters.get(ConfigurationKeys.CATALOGS));
    }

    boolean realNetwork() {
        return parameters.getOrDefault(ConfigurationKeys.TARGET, "real").strip().equalsIgnoreCase("real");
    }
}
