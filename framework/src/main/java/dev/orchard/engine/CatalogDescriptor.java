package dev.orchard.engine;

import dev.orchard.catalog.Catalog;
import dev.orchard.probe.CheckTarget;
import java.util.ArrayList;
import java.util.List;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.hierarchical.Node;

/**
 * One effective catalog (the bundled one plus site catalogs). Before its children report, it starts every
 * selected check at once, so the whole catalog takes about one timeout even when every packet is dropped.
 */
final class CatalogDescriptor extends AbstractTestDescriptor implements Node<EngineContext> {

    static final String SEGMENT = "catalog";

    private final Catalog catalog;

    CatalogDescriptor(UniqueId id, String displayName, TestSource source, Catalog catalog) {
        super(id, displayName, source);
        this.catalog = catalog;
    }

    Catalog catalog() {
        return catalog;
    }

    @Override
    public Type getType() {
        return Type.CONTAINER;
    }

    @Override
    public EngineContext before(EngineContext context) {
        List<CheckDescriptor> checks = new ArrayList<>();
        accept(descriptor -> {
            if (descriptor instanceof CheckDescriptor check) {
                checks.add(check);
            }
        });
        List<CheckTarget> targets = checks.stream().map(CheckDescriptor::target).toList();
        context.start(this, checks, targets);
        return context;
    }
}
