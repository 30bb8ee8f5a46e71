package dev.orchard.catalog;

import dev.orchard.internal.Sanitizer;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Where a catalog element was written, so that errors, IDEs and reports can point at the row. {@code file} is a
 * filesystem path, or {@code classpath:} followed by a resource name.
 */
@API(status = API.Status.STABLE, since = "0.1")
public record Location(String file, int line) {

    static final String CLASSPATH_PREFIX = "classpath:";

    public Location {
        Objects.requireNonNull(file, "file");
        if (line < 0) {
            throw new IllegalArgumentException("line must not be negative: " + line);
        }
    }

    /** For elements built in code rather than read from a file. */
    public static Location unknown() {
        return new Location("<code>", 0);
    }

    public boolean isClasspathResource() {
        return file.startsWith(CLASSPATH_PREFIX);
    }

    /** The resource name without the {@code classpath:} prefix. */
    public String resourceName() {
        return isClasspathResource() ? file.substring(CLASSPATH_PREFIX.length()) : file;
    }

    @Override
    public String toString() {
        String shown = Sanitizer.clean(file, 300);
        return line > 0 ? shown + ":" + line : shown;
    }
}
