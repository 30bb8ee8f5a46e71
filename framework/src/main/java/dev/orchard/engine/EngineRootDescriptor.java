package dev.orchard.engine;

import dev.orchard.config.OrchardSettings;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;
import org.junit.platform.engine.support.hierarchical.Node;

/**
 * The engine's root; it closes the network, and with it every thread and socket, when the run ends. It keeps the
 * settings discovery read, so that the execution does not read them (and the files they name) again.
 */
final class EngineRootDescriptor extends EngineDescriptor implements Node<EngineContext> {

    private OrchardSettings settings;

    EngineRootDescriptor(UniqueId uniqueId) {
        super(uniqueId, "Apple network");
    }

    void settings(OrchardSettings read) {
        this.settings = read;
    }

    /** The settings discovery read; null when discovery rejected them. */
    OrchardSettings settings() {
        return settings;
    }

    @Override
    public void after(EngineContext context) {
        context.close();
    }
}
