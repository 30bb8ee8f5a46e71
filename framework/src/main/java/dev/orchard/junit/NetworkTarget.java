package dev.orchard.junit;

import dev.orchard.ConfigurationKeys;
import java.util.Arrays;
import java.util.Locale;

/** Which network a {@link NetworkTest} runs against; the same words as {@code apple-network.target}. */
enum NetworkTarget {
    REAL,
    LAB,
    BRANCH_OFFICE;

    /** Parses {@code real}, {@code lab} or {@code branch-office}; {@code source} names where the value came from. */
    static NetworkTarget parse(String value, String source) {
        String wanted = value.strip().toLowerCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(values()).filter(t -> t.name().toLowerCase(Locale.ROOT).equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(source + ": '" + value
                        + "' is not a target; expected real, lab or branch-office"));
    }

    static NetworkTarget fromKey(String value) {
        return parse(value, ConfigurationKeys.TARGET);
    }
}
