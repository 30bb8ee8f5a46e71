package dev.orchard.spi;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.orchard.ConfigurationKeys;
import dev.orchard.catalog.Catalog;
import dev.orchard.config.OrchardSettings.Target;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import org.apiguardian.api.API;

/**
 * Starts a simulated network for the targets {@code lab}, {@code branch-office} and {@code blackhole}. The framework
 * ships none: {@code dev.orchard:orchard-lab} provides one (listed in its
 * {@code META-INF/services/dev.orchard.spi.NetworkSimulator}), as OkHttp ships mockwebserver apart, so the framework
 * jar carries no simulated servers and users add the lab only where they test against it.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface NetworkSimulator {

    /**
     * Starts servers for every host of the catalogs, healthy for {@code lab}, broken like the demo's branch office
     * for {@code branch-office}, dropping every port for {@code blackhole}. The caller closes the simulation.
     */
    Simulation start(Target target, List<Catalog> catalogs);

    /**
     * The class of what {@link #start} returns, which a {@code @NetworkTest} may take as a parameter to add its own
     * hosts and faults (the lab's {@code Lab}).
     */
    Class<? extends Simulation> simulationType();

    /** The simulator on the class path, if any. */
    static Optional<NetworkSimulator> find() {
        ClassLoader loader = NetworkSimulator.class.getClassLoader();
        return ServiceLoader.load(NetworkSimulator.class, loader).findFirst();
    }

    /** The simulator for a simulated target; without one, a message that says which artifact to add. */
    static NetworkSimulator require(Target target) {
        return find().orElseThrow(() -> new IllegalStateException(missing(target)));
    }

    /** Why a simulated target cannot run here, and what to add. */
    static String missing(Target target) {
        return ConfigurationKeys.TARGET + "=" + target.spelling() + " runs the checks against the simulated network, "
                + "which is not on the class path: add the dependency dev.orchard:orchard-lab (<scope>test</scope> in "
                + "a project's pom) next to orchard-framework";
    }
}
