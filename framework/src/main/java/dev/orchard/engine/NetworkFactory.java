package dev.orchard.engine;

import dev.orchard.catalog.Catalog;
import dev.orchard.config.OrchardSettings;
import dev.orchard.probe.Network;
import dev.orchard.spi.NetworkSimulator;
import dev.orchard.spi.Simulation;
import java.util.List;
import org.junit.platform.engine.TestDescriptor;

/**
 * Creates the network the checks run against: the real one from the {@code apple-network.*} keys, or the
 * simulated one (healthy, the demo's broken branch office, or a black hole) serving every host of the selected
 * catalogs, from the {@link NetworkSimulator} on the class path ({@code dev.orchard:orchard-lab}).
 */
final class NetworkFactory {

    /** Closes what a session opened besides the network; it never fails. */
    interface Resources {
        void close();
    }

    /** A network and what must close with it (the simulation's servers). */
    record Session(Network network, Resources resources) implements AutoCloseable {
        @Override
        public void close() {
            try {
                network.close();
            } finally {
                resources.close();
            }
        }
    }

    private NetworkFactory() {
    }

    static Session create(OrchardSettings settings, TestDescriptor root) {
        if (!settings.target().simulated()) {
            return new Session(settings.network(), () -> { });
        }
        List<Catalog> catalogs = root.getChildren().stream().filter(ServiceDescriptor.class::isInstance)
                .map(d -> ((ServiceDescriptor) d).catalogRun()).distinct().map(CatalogRun::catalog).toList();
        Simulation simulation = NetworkSimulator.require(settings.target()).start(settings.target(), catalogs);
        try {
            return new Session(settings.withLimits(simulation.networkBuilder()).build(), simulation::close);
        } catch (RuntimeException e) {
            simulation.close();
            throw e;
        }
    }
}
