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
 * @param notes the revision's own notes: its footnotes and the items under "Recent changes", each with its line
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ArticleImport(String fileName, String language, List<ArticleTable> tables, List<String> notices,
        List<String> notes) {

    public ArticleImport {
        tables = List.copyOf(tables);
        notices = List.copyOf(notices);
        notes = List.copyOf(notes);
    }

    public ArticleImport(String fileName, String language, List<ArticleTable> tables, List<String> notices) {
        this(fileName, language, tables, notices, List.of());
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
        Conversion conversion = convert(name, source, probeHostsFrom);
        if (!conversion.unprobed().isEmpty()) {
            throw new CatalogException(conversion.unprobed().stream().map(u -> new Problem(
                    new Location(fileName, u.row().line()), "probeHosts", "wildcard " + u.row().host()
                            + " has no probe host in " + probeHostsFrom.name()
                            + "; expected a catalog row for it with probeHosts")).toList());
        }
        return conversion.catalog();
    }

    /** A wildcard row of the article that no row of the baseline gives a probe host, so no check can be made. */
    public record Unprobed(String service, ArticleRow row) {
    }

    /**
     * The article as a catalog, leniently, for a diff that must complete.
     *
     * @param catalog the rows that can be checked
     * @param unprobed wildcard rows left out of {@code catalog} because they need a probe host
     * @param notices where a printed cell was read through an erratum of the baseline, one sentence each
     */
    public record Conversion(Catalog catalog, List<Unprobed> unprobed, List<String> notices) {
        public Conversion {
            unprobed = List.copyOf(unprobed);
            notices = List.copyOf(notices);
        }
    }

    /**
     * Like {@link #toCatalog}, but a wildcard with no known probe host is left out and listed rather than an
     * error. Where a row of {@code baseline} has an erratum whose published text is exactly the article's cell,
     * the erratum still applies: the cell is read as the baseline reads it, so a known departure is no change.
     */
    public Conversion convert(String name, Source source, Catalog baseline) {
        boolean french = language.equals("fr");
        List<Service> services = new ArrayList<>();
        List<Unprobed> unprobed = new ArrayList<>();
        List<String> applied = new ArrayList<>();
        for (ArticleTable table : tables) {
            List<Endpoint> endpoints = new ArrayList<>();
            Set<String> seen = new LinkedHashSet<>();
            for (ArticleRow row : table.rows()) {
                if (!seen.add(row.host())) {
                    continue;
                }
                Location location = new Location(fileName, row.line());
                Optional<Endpoint> known = baseline.findService(table.serviceId()).stream()
                        .flatMap(s -> s.endpoints().stream()).filter(e -> e.pattern().equals(row.host())).findFirst();
                List<ProbeHost> probeHosts = List.of();
                if (row.host().startsWith("*.")) {
                    probeHosts = known.or(() -> baseline.endpoints().stream()
                            .filter(e -> e.pattern().equals(row.host())).findFirst())
                            .map(Endpoint::probeHosts).orElse(List.of());
                    if (probeHosts.isEmpty()) {
                        unprobed.add(new Unprobed(table.serviceId(), row));
                        continue;
                    }
                }
                Endpoint.Builder builder = Endpoint.builder(table.serviceId(), row.host()).ports(row.ports())
                        .transports(row.transports()).os(row.os())
                        .description(french ? "" : row.description(), french ? row.description() : "")
                        .proxy(row.proxy()).probeHosts(probeHosts).location(location);
                known.ifPresent(e -> applyErrata(e, row, builder, french, location, applied));
                endpoints.add(builder.build());
            }
            String english = ServiceTitles.englishTitle(table.serviceId()).orElse(table.title());
            String printed = table.title().replace(" / ", ": ");
            if (printed.contains(": ")) {
                int colon = printed.indexOf(": ") + 2;
                printed = printed.substring(0, colon) + printed.substring(colon, colon + 1).toLowerCase(java.util.Locale.ROOT)
                        + printed.substring(colon + 1);
            }
            String sub = printed.isEmpty() ? "" : ": " + printed.substring(0, 1).toLowerCase(java.util.Locale.ROOT)
                    + printed.substring(1);
            boolean subTitleOnly = baseline.findService(table.serviceId())
                    .filter(s -> !sub.isEmpty() && s.title().endsWith(sub)).isPresent();
            String title = french || subTitleOnly || table.match() == ArticleTable.Match.SECOND_TABLE
                    ? baseline.findService(table.serviceId()).map(Service::title).orElse(english)
                    : printed.isEmpty() ? english : printed;
            services.add(new Service(table.serviceId(), title.isEmpty() ? table.serviceId() : title,
                    french ? table.title() : "", "", "", endpoints, new Location(fileName, table.line())));
        }
        return new Conversion(new Catalog(name, source, services), unprobed, applied);
    }

    private static void applyErrata(Endpoint known, ArticleRow row, Endpoint.Builder builder, boolean french,
            Location location, List<String> applied) {
        for (Erratum erratum : known.errata()) {
            if (erratum.field().equals("host")
                    || !ArticleCells.normalize(row.printed(erratum.field())).equals(ArticleCells.normalize(erratum.published()))) {
                continue;
            }
            switch (erratum.field()) {
                case "ports" -> builder.ports(known.ports());
                case "transports" -> builder.transports(known.transports());
                case "os" -> builder.os(known.os());
                case "proxy" -> builder.proxy(known.proxy());
                default -> builder.description(french ? "" : known.description(), french ? known.descriptionFr() : "");
            }
            applied.add(location + ": " + erratum.field() + " cell '" + ArticleCells.shown(erratum.published())
                    + "' read through the erratum of " + known.pattern() + " in the baseline");
        }
    }
}
