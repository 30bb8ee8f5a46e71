package dev.orchard.probe;

import java.util.Locale;
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
}
