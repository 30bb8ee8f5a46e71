package dev.orchard.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The known answers of Apple's and DigiCert's hosts, kept apart from the bundled catalog (in
 * {@value #RESOURCE}, keyed by host) so that a new revision of the article does not have to carry them. They are
 * merged onto the rows of every catalog read from files; a row that sets its own {@code answer:} keeps it.
 */
final class KnownAnswers {

    static final String RESOURCE = "dev/orchard/catalog/known-answers.yaml";

    private static volatile Map<String, KnownAnswer> bundled;

    private KnownAnswers() {
    }

    /** The bundled known answers, by host. */
    static Map<String, KnownAnswer> bundled() {
        Map<String, KnownAnswer> answers = bundled;
        if (answers == null) {
            try (InputStream in = KnownAnswers.class.getClassLoader().getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("the classpath lacks " + RESOURCE);
                }
                try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                    answers = Map.copyOf(CatalogReader.readKnownAnswers(reader,
                            Location.CLASSPATH_PREFIX + RESOURCE));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + RESOURCE, e);
            }
            bundled = answers;
        }
        return answers;
    }

    /** The catalog with {@code answers} set on each row of a listed host that has none of its own. */
    static Catalog apply(Catalog catalog, Map<String, KnownAnswer> answers) {
        List<Service> services = catalog.services().stream().map(service -> service.withEndpoints(
                service.endpoints().stream().map(e -> e.knownAnswer().isPresent() || !answers.containsKey(e.pattern())
                        ? e : e.withAnswer(answers.get(e.pattern()))).toList())).toList();
        return new Catalog(catalog.name(), catalog.source(), services);
    }
}
