package dev.orchard.probe;

import java.time.Duration;
import java.util.List;
import org.apiguardian.api.API;

/**
 * The settings of a {@link Network} as reports show them. {@code proxy} never carries credentials.
 *
 * @param dnsServers the resolvers, or {@code system}
 * @param proxy the proxy as {@code http://host:port}, or null for none
 * @param trustAnchors {@code default} or the PEM file given
 * @param connectTo the overrides
 * @param timeout the per-check timeout
 * @param parallelism how many checks run at once
 */
@API(status = API.Status.MAINTAINED, since = "0.1")
public record NetworkSettings(List<String> dnsServers, String proxy, String trustAnchors, List<String> connectTo,
        Duration timeout, int parallelism) {

    public NetworkSettings {
        dnsServers = List.copyOf(dnsServers);
        connectTo = List.copyOf(connectTo);
    }
}
