package dev.orchard.catalog;

import dev.orchard.catalog.CatalogException.Problem;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * What the importer read from one copy of Apple's article: its tables, mapped to services, and a notice for every
 * conversion or mapping a person should check.
 *
 * @param fileName the name the article was read under; errors and notices cite it with line numbers
 * @param language {@code fr} or {@code en}, from the table headers
 * @param tables the tables in the order printed
 * @param notices what the importer converted or matched by other means than a known title, one sentence each
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ArticleImport(String fileName, String language, List<ArticleTable> tables, List<String> notices) {

    public ArticleImport {
        tables = List.copyOf(tables);
        notices = List.copyOf(notices);
    }

    /** Every row, in the order printed. */
    public List<ArticleRow> rows() {
        return tables.stream().flatMap(t -> t.rows().stream()).toList();
    }

    /** The distinct host cells, exactly as printed, in the order printed. */
    public Set<String> hosts() {
        Set<String> hosts = new LinkedHashSet<>();
        rows().forEach(r -> hosts.add(r.printedHost()));
        return hosts;
    }

    public Optional<ArticleTable> table(String serviceId) {
        return tables.stream().filter(t -> t.serviceId().equals(serviceId)).findFirst();
    }

    /**
     * The article as a catalog, for {@link CatalogDiff}. Apple's article names no concrete host behind a wildcard,
     * so wildcard rows take their probe hosts from the rows of {@code probeHostsFrom} with the same pattern; a
     * wildcard found there in no service is an error naming its line, rather than a host made up here.
     */
    public Catalog toCatalog(String name, Source source, Catalog probeHostsFrom) {
        boolean french = language.equals("fr");
        List<Service> services = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (ArticleTable table : tables) {
            List<Endpoint> endpoints = new ArrayList<>();
            for (ArticleRow row : table.rows()) {
                Location location = new Location(fileName, row.line());
                List<ProbeHost> probeHosts = List.of();
                if (row.host().startsWith("*.")) {
                    probeHosts = probeHostsFrom.endpoints().stream().filter(e -> e.pattern().equals(row.host()))
                            .findFirst().map(Endpoint::probeHosts).orElse(List.of());
                    if (probeHosts.isEmpty()) {
                        problems.add(new Problem(location, "probeHosts", "wildcard " + row.host() + " has no probe"
                                + " host in " + probeHostsFrom.name() + "; expected a catalog row for it with probeHosts"));
                        continue;
                    }
                }
                endpoints.add(Endpoint.builder(table.serviceId(), row.host()).ports(row.ports())
                        .transports(row.transports()).os(row.os())
                        .description(french ? "" : row.description(), french ? row.description() : "")
                        .proxy(row.proxy()).probeHosts(probeHosts).location(location).build());
            }
            String english = ServiceTitles.englishTitle(table.serviceId()).orElse(table.title());
            String title = french ? english : table.title().isEmpty() ? english : table.title();
            services.add(new Service(table.serviceId(), title.isEmpty() ? table.serviceId() : title,
                    french ? table.title() : "", "", "", endpoints, new Location(fileName, table.line())));
        }
        if (!problems.isEmpty()) {
            throw new CatalogException(problems);
        }
        return new Catalog(name, source, services);
    }
}
