package dev.orchard.catalog;

import java.util.List;

/**
 * What one YAML file says: its own services, plus, for a site catalog, the Apple rows it disables and the probe
 * hosts it adds to rows of earlier catalogs.
 */
record CatalogFile(
        String name,
        Source source,
        List<Service> services,
        List<Disable> disables,
        List<ProbeHostAddition> probeHostAdditions,
        Location location) {

    /** Turns off a row the site deliberately does not use; {@code service} null means every service. */
    record Disable(String service, String host, String reason, Location location) {
    }

    /** Adds concrete hosts to a wildcard row of an earlier catalog. */
    record ProbeHostAddition(String service, String pattern, List<ProbeHost> hosts, Location location) {
    }
}
