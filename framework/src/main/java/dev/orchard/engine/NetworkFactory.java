package dev.orchard.engine;

import dev.orchard.catalog.Catalog;
import dev.orchard.config.OrchardSettings;
import dev.orchard.lab.Lab;
import dev.orchard.probe.Network;
import java.util.List;
import org.junit.platform.engine.TestDescriptor;

/**
 * Creates the network the checks run against: the real one from the {@code apple-network.*} keys, or the
 * simulated lab (healthy, or the demo's broken branch office) serving every host of the selected catalogs.
 */
final class NetworkFactory {

    /** Closes what a session opened besides the network; it never fails. */
    interface Resources {
        void close();
    }

    /** A network and what must close with it (the lab's servers). */
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
        Lab lab = Lab.start();
        try {
            catalogs.forEach(lab::serve);
            if (settings.target() == OrchardSettings.Target.BRANCH_OFFICE) {
                catalogs.forEach(lab::breakLikeBranchOffice);
            } else if (settings.target() == OrchardSettings.Target.BLACKHOLE) {
                catalogs.forEach(lab::dropEverything);
            }
            return new Session(settings.withLimits(lab.networkBuilder()).build(), lab::close);
        } catch (RuntimeException e) {
            lab.close();
            throw e;
        }
    }
}
