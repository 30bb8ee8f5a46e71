package dev.orchard.catalog;

import dev.orchard.catalog.CatalogException.Problem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges catalogs in the order given. Later files add services, add rows to services of the same id, disable
 * rows and add probe hosts; they never silently replace a row.
 */
final class CatalogMerger {

    private CatalogMerger() {
    }

    static Catalog merge(List<CatalogFile> files) {
        CatalogFile first = files.get(0);
        if (first.source() == null) {
            throw new CatalogException(first.location(), "source",
                    "is missing; the first catalog must name its source (article, language, revision)");
        }
        Map<String, Service> services = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        for (CatalogFile file : files) {
            for (Service service : file.services()) {
                Service existing = services.get(service.id());
                if (existing == null) {
                    services.put(service.id(), service);
                    continue;
                }
                List<Endpoint> endpoints = new ArrayList<>(existing.endpoints());
                for (Endpoint added : service.endpoints()) {
                    boolean duplicate = endpoints.stream().anyMatch(e -> e.pattern().equals(added.pattern()));
                    if (duplicate) {
                        problems.add(new Problem(added.location(), "host", added.pattern() + " is already in service "
                                + service.id() + "; disable the existing row first, or add probe hosts to it"));
                    } else {
                        endpoints.add(added);
                    }
                }
                services.put(service.id(), existing.withEndpoints(endpoints));
            }
            for (CatalogFile.Disable disable : file.disables()) {
                boolean matched = false;
                for (Map.Entry<String, Service> entry : services.entrySet()) {
                    if (disable.service() != null && !disable.service().equals(entry.getKey())) {
                        continue;
                    }
                    List<Endpoint> endpoints = new ArrayList<>();
                    for (Endpoint endpoint : entry.getValue().endpoints()) {
                        if (endpoint.pattern().equals(disable.host())) {
                            endpoints.add(endpoint.disable(disable.reason()));
                            matched = true;
                        } else {
                            endpoints.add(endpoint);
                        }
                    }
                    entry.setValue(entry.getValue().withEndpoints(endpoints));
                }
                if (!matched) {
                    problems.add(new Problem(disable.location(), "host", "no row " + disable.host()
                            + (disable.service() == null ? "" : " in service " + disable.service())
                            + " to disable; expected a host exactly as the catalog lists it"));
                }
            }
            for (CatalogFile.ProbeHostAddition addition : file.probeHostAdditions()) {
                boolean matched = false;
                for (Map.Entry<String, Service> entry : services.entrySet()) {
                    if (addition.service() != null && !addition.service().equals(entry.getKey())) {
                        continue;
                    }
                    List<Endpoint> endpoints = new ArrayList<>();
                    for (Endpoint endpoint : entry.getValue().endpoints()) {
                        if (endpoint.pattern().equals(addition.pattern())) {
                            try {
                                endpoints.add(endpoint.withMoreProbeHosts(addition.hosts()));
                                matched = true;
                            } catch (IllegalArgumentException e) {
                                problems.add(new Problem(addition.location(), "hosts", e.getMessage()));
                                endpoints.add(endpoint);
                            }
                        } else {
                            endpoints.add(endpoint);
                        }
                    }
                    entry.setValue(entry.getValue().withEndpoints(endpoints));
                }
                if (!matched && problems.stream().noneMatch(p -> p.location().equals(addition.location()))) {
                    problems.add(new Problem(addition.location(), "pattern", "no row " + addition.pattern()
                            + " to add probe hosts to; expected a pattern exactly as the catalog lists it"));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new CatalogException(problems);
        }
        return new Catalog(first.name(), first.source(), new ArrayList<>(services.values()));
    }
}
