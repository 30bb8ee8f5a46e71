package dev.orchard.lab;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.orchard.catalog.Catalog;
import dev.orchard.config.OrchardSettings.Target;
import dev.orchard.spi.NetworkSimulator;
import dev.orchard.spi.Simulation;
import java.util.List;
import org.apiguardian.api.API;

/**
 * How the framework starts the lab for {@code apple-network.target} {@code lab}, {@code branch-office} and
 * {@code blackhole}, found through {@code META-INF/services}; it is why adding this artifact is all it takes.
 */
@API(status = INTERNAL, since = "0.1")
public final class LabSimulator implements NetworkSimulator {

    /** For {@link java.util.ServiceLoader}. */
    public LabSimulator() {
    }

    @Override
    public Simulation start(Target target, List<Catalog> catalogs) {
        Lab lab = Lab.start();
        try {
            catalogs.forEach(lab::serve);
            if (target == Target.BRANCH_OFFICE) {
                catalogs.forEach(lab::breakLikeBranchOffice);
            } else if (target == Target.BLACKHOLE) {
                catalogs.forEach(lab::dropEverything);
            }
            return lab;
        } catch (RuntimeException e) {
            lab.close();
            throw e;
        }
    }

    @Override
    public Class<Lab> simulationType() {
        return Lab.class;
    }
}
