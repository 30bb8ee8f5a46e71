package dev.orchard.spi;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.orchard.probe.Network;
import org.apiguardian.api.API;

/** A running simulated network, started by a {@link NetworkSimulator}; closing it frees every server. */
@API(status = EXPERIMENTAL, since = "0.1")
public interface Simulation extends AutoCloseable {

    /**
     * A builder for a {@link Network} pointed at the simulation, loopback only. The routes are fixed when it is
     * built, so faults added afterwards do not reach that network.
     */
    Network.Builder networkBuilder();

    /** Stops every server; it never fails. */
    @Override
    void close();
}
