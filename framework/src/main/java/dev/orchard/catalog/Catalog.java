package dev.orchard.catalog;

import dev.orchard.internal.Sanitizer;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * A list of services and the endpoints Apple devices must reach: Apple's article as data, optionally merged with
 * site catalogs. It is what every Orchard check comes from.
 */
@API(status = API.Status.STABLE, since = "0.1")
public record Catalog(String name, Source source, List<Service> services) {

    /** The classpath resource of the bundled Apple catalog's current revision (see {@link BundledRevision}). */
    public static final String BUNDLED_RESOURCE = "dev/orchard/catalog/apple-enterprise-networks.yaml";

    /**
     * The largest catalog file read, in bytes (512 KiB): eight times Apple's whole list, and small enough that even
     * one string of this size (SnakeYAML's time grows with the square of a scalar's length) fails in well under a
     * second.
     */
    public static final int MAX_BYTES = 512 * 1024;

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
        return bundled(BundledRevision.current());
    }

    /** A bundled revision of Apple's list, such as the French 2024-11 one. */
    public static Catalog bundled(BundledRevision revision) {
        return read(List.of(Location.CLASSPATH_PREFIX + revision.resource()));
    }

    /**
     * The bundled catalog merged with site catalogs, in order. Each entry is a file path, or {@code classpath:}
     * and a resource name.
     */
    public static Catalog bundledWith(List<String> siteCatalogs) {
        return bundledWith(BundledRevision.current(), siteCatalogs);
    }

    /** A bundled revision merged with site catalogs, in order. */
    public static Catalog bundledWith(BundledRevision revision, List<String> siteCatalogs) {
        List<String> all = new ArrayList<>();
        all.add(Location.CLASSPATH_PREFIX + revision.resource());
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
            try (InputStream stream = in) {
                return CatalogReader.read(new StringReader(bounded(stream, new Location(name, 0))), name);
            } catch (IOException e) {
                throw new CatalogException(new Location(name, 0), "", "cannot be read: " + e.getMessage());
            }
        }
        Location where = new Location(name, 0);
        Path path;
        try {
            path = Path.of(name);
        } catch (InvalidPathException e) {
            throw new CatalogException(where, "", "is not a valid file path; expected a catalog YAML file");
        }
        try {
            // Checked before opening: opening a FIFO for reading blocks until someone writes to it.
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
            if (attributes.isDirectory()) {
                throw new CatalogException(where, "", "is a directory; expected a catalog YAML file");
            }
            if (!attributes.isRegularFile()) {
                throw new CatalogException(where, "", "is not a regular file (a FIFO, device or socket); expected "
                        + "a catalog YAML file");
            }
            if (attributes.size() > MAX_BYTES) {
                throw tooLarge(where, attributes.size());
            }
            try (InputStream in = Files.newInputStream(path)) {
                return CatalogReader.read(new StringReader(bounded(in, where)), name);
            }
        } catch (NoSuchFileException e) {
            throw new CatalogException(where, "", "no such file; expected a catalog YAML file");
        } catch (IOException e) {
            throw new CatalogException(where, "", "cannot be read: " + Sanitizer.quote(e.getMessage()));
        }
    }

    /**
     * The text of a catalog of at most {@link #MAX_BYTES}, read without ever holding more; strict UTF-8. Bounding the
     * input bounds the parse: SnakeYAML's time grows with the square of a scalar's length.
     */
    private static String bounded(InputStream in, Location where) throws IOException {
        byte[] bytes = in.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            throw tooLarge(where, -1);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new CatalogException(where, "", "is not UTF-8 text; expected a catalog YAML file");
        }
    }

    private static CatalogException tooLarge(Location where, long size) {
        return new CatalogException(where, "", (size < 0 ? "is larger than " : "is " + size + " bytes, larger than ")
                + MAX_BYTES + " bytes, the most a catalog file may have (Apple's whole list is about 64 KB); "
                + "expected a catalog YAML file");
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
