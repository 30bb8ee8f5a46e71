package dev.orchard.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A list of services and the endpoints Apple devices must reach: Apple's article as data, optionally merged with
 * site catalogs. It is what every Orchard check comes from.
 */
public record Catalog(String name, Source source, List<Service> services) {

    /** The classpath resource of the bundled Apple catalog. */
    public static final String BUNDLED_RESOURCE = "dev/orchard/catalog/apple-enterprise-networks.yaml";

    public Catalog {
        name = Validation.requireText("catalog name", name);
        Objects.requireNonNull(source, "source");
        services = List.copyOf(services);
        Set<String> ids = new LinkedHashSet<>();
        for (Service service : services) {
            if (!ids.add(service.id())) {
                throw new IllegalArgumentException("duplicate service id " + service.id());
            }
        }
    }

    /** Apple's list as shipped with this version of Orchard. */
    public static Catalog bundled() {
        return read(List.of(Location.CLASSPATH_PREFIX + BUNDLED_RESOURCE));
    }

    /**
     * The bundled catalog merged with site catalogs, in order. Each entry is a file path, or {@code classpath:}
     * and a resource name.
     */
    public static Catalog bundledWith(List<String> siteCatalogs) {
        List<String> all = new ArrayList<>();
        all.add(Location.CLASSPATH_PREFIX + BUNDLED_RESOURCE);
        all.addAll(siteCatalogs);
        return read(all);
    }

    /**
     * Reads and merges catalogs in order; the first must name its source. Rows of hosts with a bundled known
     * answer get it unless they set their own.
     */
    public static Catalog read(List<String> catalogs) {
        if (catalogs.isEmpty()) {
            throw new IllegalArgumentException("no catalog given");
        }
        List<CatalogFile> files = catalogs.stream().map(Catalog::readFile).toList();
        return KnownAnswers.apply(CatalogMerger.merge(files), KnownAnswers.bundled());
    }

    /**
     * What selecting one catalog file means: the file alone when it names its source (a full catalog), otherwise
     * the bundled catalog followed by it (a site catalog).
     */
    public static List<String> selection(String catalog) {
        CatalogFile file = readFile(catalog);
        if (file.source() != null) {
            return List.of(catalog);
        }
        return List.of(Location.CLASSPATH_PREFIX + BUNDLED_RESOURCE, catalog);
    }

    /** Reads one catalog file on its own. */
    public static Catalog read(Path file) {
        return read(List.of(file.toString()));
    }

    static CatalogFile readFile(String name) {
        if (name.startsWith(Location.CLASSPATH_PREFIX)) {
            String resource = name.substring(Location.CLASSPATH_PREFIX.length());
            ClassLoader loader = Optional.ofNullable(Thread.currentThread().getContextClassLoader())
                    .orElse(Catalog.class.getClassLoader());
            InputStream in = loader.getResourceAsStream(resource);
            if (in == null) {
                in = Catalog.class.getClassLoader().getResourceAsStream(resource);
            }
            if (in == null) {
                throw new CatalogException(new Location(name, 0), "", "no such classpath resource");
            }
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                return CatalogReader.read(reader, name);
            } catch (IOException e) {
                throw new CatalogException(new Location(name, 0), "", "cannot be read: " + e.getMessage());
            }
        }
        Path path = Path.of(name);
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            return CatalogReader.read(reader, name);
        } catch (NoSuchFileException e) {
            throw new CatalogException(new Location(name, 0), "", "no such file; expected a catalog YAML file");
        } catch (IOException e) {
            throw new CatalogException(new Location(name, 0), "", "cannot be read: " + e.getMessage());
        }
    }

    /** Parses catalog YAML text, for tests and tools; {@code file} names it in errors. */
    public static Catalog parse(String yaml, String file) {
        return CatalogMerger.merge(List.of(CatalogReader.read(new java.io.StringReader(yaml), file)));
    }

    public Optional<Service> findService(String id) {
        return services.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /** The service with this id; an unknown id is an error that lists the known ones. */
    public Service service(String id) {
        return findService(id).orElseThrow(() -> new IllegalArgumentException("no service '" + id + "' in "
                + name + "; known services: " + services.stream().map(Service::id).collect(Collectors.joining(", "))));
    }

    /** Every row, in catalog order. */
    public List<Endpoint> endpoints() {
        return services.stream().flatMap(s -> s.endpoints().stream()).toList();
    }

    /** The distinct host patterns, in catalog order. */
    public Set<String> patterns() {
        return endpoints().stream().map(Endpoint::pattern).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** Every tag that some row carries. */
    public Set<String> tags() {
        return endpoints().stream().flatMap(e -> e.tags().stream()).collect(Collectors.toCollection(java.util.TreeSet::new));
    }
}
