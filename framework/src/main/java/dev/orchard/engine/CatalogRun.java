package dev.orchard.engine;

import dev.orchard.catalog.Catalog;
import dev.orchard.probe.CheckTarget;
import java.util.ArrayList;
import java.util.List;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;

/**
 * One effective catalog of a run (the bundled one plus site catalogs) and its unique-id segment. It is not a node of
 * the tree: Surefire names every test after the topmost container with a class source, so the services hang
 * directly under the engine (see {@link ServiceDescriptor}); their unique ids still start with this catalog's.
 * When the first of its services starts, every selected check of the catalog starts at once, so the whole catalog
 * takes about one timeout even when every packet is dropped.
 */
final class CatalogRun {

    static final String SEGMENT = "catalog";

    private final UniqueId uniqueId;
    private final Catalog catalog;
    private boolean started;

    CatalogRun(UniqueId uniqueId, Catalog catalog) {
        this.uniqueId = uniqueId;
        this.catalog = catalog;
    }

    UniqueId uniqueId() {
        return uniqueId;
    }

    Catalog catalog() {
        return catalog;
    }

    /**
     * Starts the checks of every service of this catalog under {@code root}, once per run, and publishes the
     * catalog and network on {@code first}, the service that started them (the catalog has no node of its own).
     */
    synchronized void startOnce(EngineContext context, TestDescriptor root, TestDescriptor first) {
        if (started) {
            return;
        }
        started = true;
        List<CheckDescriptor> checks = new ArrayList<>();
        for (TestDescriptor child : root.getChildren()) {
            if (child instanceof ServiceDescriptor service && service.catalogRun() == this) {
                service.accept(descriptor -> {
                    if (descriptor instanceof CheckDescriptor check) {
                        checks.add(check);
                    }
                });
            }
        }
        List<CheckTarget> targets = checks.stream().map(CheckDescriptor::target).toList();
        context.start(first, catalog, checks, targets);
    }
}
