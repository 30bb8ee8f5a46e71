package dev.orchard.engine;

import dev.orchard.catalog.Endpoint;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.hierarchical.Node;

/** One probed host of one row: the pattern and the concrete host, so both show in IDEs and reports. */
final class EndpointDescriptor extends AbstractTestDescriptor implements Node<EngineContext> {

    static final String SEGMENT = "endpoint";

    private final Endpoint endpoint;
    private final String host;

    EndpointDescriptor(UniqueId id, Endpoint endpoint, String host) {
        super(id, endpoint.label(host), CatalogSources.of(endpoint.location()).orElse(null));
        this.endpoint = endpoint;
        this.host = host;
    }

    Endpoint endpoint() {
        return endpoint;
    }

    String host() {
        return host;
    }

    @Override
    public EngineContext before(EngineContext context) {
        context.describe(this);
        return context;
    }

    /** The unique-id value: pattern and host, which together are unique within a service. */
    static String idValue(Endpoint endpoint, String host) {
        return CheckIds.endpointSegment(endpoint, host);
    }

    @Override
    public Type getType() {
        return Type.CONTAINER;
    }
}
