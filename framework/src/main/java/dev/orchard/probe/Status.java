package dev.orchard.probe;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.apiguardian.api.API;

/** The outcome of a check, as reports and JUnit count it. */
@API(status = API.Status.STABLE, since = "0.1")
public enum Status {
    PASSED,
    FAILED,
    SKIPPED;

    /** {@code passed}, {@code failed} or {@code skipped}, as the JSON results file writes it. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status a results file names with {@link #jsonName()}; empty for any other text. */
    public static Optional<Status> fromJsonName(String name) {
        return Arrays.stream(values()).filter(s -> s.jsonName().equals(name)).findFirst();
    }
}
