package dev.orchard.catalog;

import dev.orchard.internal.Sanitizer;
import java.util.List;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * A catalog that cannot be used, with every problem found: each names the file, the line, the field and what
 * was expected. Its message is meant for the person who wrote the file; it never needs a stack trace.
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class CatalogException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** One problem in one place. */
    public record Problem(Location location, String field, String message) {

        /** Catalog content reaches the log through these: escaped and bounded (see {@link Sanitizer}). */
        public Problem {
            field = field == null ? "" : Sanitizer.quote(field);
            message = Sanitizer.clean(message);
        }

        @Override
        public String toString() {
            return location + ": " + (field.isEmpty() ? "" : field + ": ") + message;
        }
    }

    private final transient List<Problem> problems;

    public CatalogException(List<Problem> problems) {
        super(format(problems), null, false, false);
        this.problems = List.copyOf(problems);
    }

    public CatalogException(Location location, String field, String message) {
        this(List.of(new Problem(location, field, message)));
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String format(List<Problem> problems) {
        String lines = problems.stream().map(Problem::toString).collect(Collectors.joining("\n  "));
        return problems.size() == 1 ? lines
                : problems.size() + " problems in the catalog:\n  " + lines;
    }
}
