package dev.orchard.catalog;

import java.util.List;
import org.apiguardian.api.API;

/**
 * One table of the article, such as "Device management". Its id is stable across Apple's renames and is also
 * the JUnit tag that selects it ({@code -Dgroups=mdm}).
 */
@API(status = API.Status.STABLE, since = "0.1")
public record Service(
        String id,
        String title,
        String titleFr,
        String description,
        String descriptionFr,
        List<Endpoint> endpoints,
        Location location) {

    public Service {
        Validation.requireServiceId(id);
        title = Validation.requireText("title of service " + id, title);
        titleFr = titleFr == null ? "" : titleFr.strip();
        description = description == null ? "" : description.strip();
        descriptionFr = descriptionFr == null ? "" : descriptionFr.strip();
        endpoints = endpoints == null ? List.of() : List.copyOf(endpoints);
        for (Endpoint endpoint : endpoints) {
            if (!endpoint.service().equals(id)) {
                throw new IllegalArgumentException("endpoint " + endpoint.pattern() + " belongs to service "
                        + endpoint.service() + ", not " + id);
            }
        }
        location = location == null ? Location.unknown() : location;
    }

    public Service(String id, String title, List<Endpoint> endpoints) {
        this(id, title, "", "", "", endpoints, Location.unknown());
    }

    /** The endpoints a site has not disabled. */
    public List<Endpoint> enabledEndpoints() {
        return endpoints.stream().filter(e -> !e.isDisabled()).toList();
    }

    Service withEndpoints(List<Endpoint> replaced) {
        return new Service(id, title, titleFr, description, descriptionFr, replaced, location);
    }
}
