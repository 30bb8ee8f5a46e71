package dev.orchard.engine;

import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;
import org.junit.platform.engine.support.hierarchical.Node;

/** The engine's root; it closes the network, and with it every thread and socket, when the run ends. */
final class EngineRootDescriptor extends EngineDescriptor implements Node<EngineContext> {

    EngineRootDescriptor(UniqueId uniqueId) {
        super(uniqueId, "Apple network");
    }

    @Override
    public void after(EngineContext context) {
        context.close();
    }
}
