package dev.orchard.engine;

import dev.orchard.catalog.Service;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.hierarchical.Node;

/** One table of the article, such as Device management. */
final class ServiceDescriptor extends AbstractTestDescriptor implements Node<EngineContext> {

    static final String SEGMENT = "service";

    ServiceDescriptor(UniqueId id, Service service) {
        super(id, service.title() + " (" + service.id() + ")", CatalogSources.of(service.location()).orElse(null));
    }

    @Override
    public Type getType() {
        return Type.CONTAINER;
    }
}
