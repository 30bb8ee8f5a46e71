package dev.orchard.engine;

import dev.orchard.catalog.Service;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.hierarchical.Node;

/**
 * One table of the article, such as Device management. Its source is a class name of its own,
 * {@code apple-network.<service id>}, because Surefire groups tests by class source: each service then reports
 * as its own test set, and the same host in two tables stays two distinct testcases.
 */
final class ServiceDescriptor extends AbstractTestDescriptor implements Node<EngineContext> {

    static final String SEGMENT = "service";

    ServiceDescriptor(UniqueId id, Service service) {
        super(id, service.title() + " (" + service.id() + ")",
                ClassSource.from("apple-network." + service.id()));
    }

    @Override
    public Type getType() {
        return Type.CONTAINER;
    }
}
