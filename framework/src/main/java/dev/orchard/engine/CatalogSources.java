package dev.orchard.engine;

import dev.orchard.catalog.Location;
import java.io.File;
import java.util.Optional;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClasspathResourceSource;
import org.junit.platform.engine.support.descriptor.FilePosition;
import org.junit.platform.engine.support.descriptor.FileSource;

/** Turns a catalog {@link Location} into a test source, so that an IDE jumps to the catalog row. */
final class CatalogSources {

    private CatalogSources() {
    }

    static Optional<TestSource> of(Location location) {
        if (location.file().equals("<code>")) {
            return Optional.empty();
        }
        FilePosition position = location.line() > 0 ? FilePosition.from(location.line()) : null;
        if (location.isClasspathResource()) {
            return Optional.of(ClasspathResourceSource.from(location.resourceName(), position));
        }
        return Optional.of(FileSource.from(new File(location.file()), position));
    }
}
