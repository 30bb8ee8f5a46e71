package dev.orchard.catalogtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orchard.catalog.ArticleImport;
import dev.orchard.catalog.ArticleImporter;
import dev.orchard.catalog.ArticleRow;
import dev.orchard.catalog.ArticleTable;
import dev.orchard.catalog.BundledRevision;
import dev.orchard.catalog.Catalog;
import dev.orchard.catalog.Endpoint;
import dev.orchard.catalog.Erratum;
import dev.orchard.catalog.OperatingSystem;
import dev.orchard.catalog.ProxySupport;
import dev.orchard.catalog.Service;
import dev.orchard.catalog.Transport;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each bundled revision of the catalog says what its revision of Apple's article says, row by row and field by
 * field: the English 2026-08 (the default) and the French 2024-11. Where it departs on purpose, an erratum of that
 * field quotes the article's cell; any other difference is a typing mistake.
 */
class CatalogFidelityTest {

    /** A bundled revision, the reference file it was taken from and the copy the framework jar carries. */
    record Revision(BundledRevision bundled, String referenceFile, String classpathCopy) {
        @Override
        public String toString() {
            return bundled.revision();
        }

        ArticleImport article() throws IOException {
            Optional<String> reference = referenceCopy(referenceFile);
            String text = reference.orElseGet(() -> CatalogFidelityTest.classpathCopy(classpathCopy));
            return ArticleImporter.read(new StringReader(text), reference.isPresent() ? referenceFile : classpathCopy,
                    catalog());
        }

        Catalog catalog() {
            return Catalog.bundled(bundled);
        }
    }

    static Stream<Revision> revisions() {
        return Stream.of(
                new Revision(BundledRevision.R2026_08, "apple-enterprise-networks.en.2026-08.txt",
                        "dev/orchard/catalog/articles/2026-08.en.txt"),
                new Revision(BundledRevision.R2024_11, "apple-enterprise-networks.fr.txt",
                        "dev/orchard/catalog/articles/2024-11.fr.txt"));
    }

    static Optional<String> referenceCopy(String name) throws IOException {
        String dir = System.getProperty("orchard.reference.dir");
        if (dir == null || dir.isBlank()) {
            return Optional.empty();
        }
        Path file = Path.of(dir, name);
        return Files.isRegularFile(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8)) : Optional.empty();
    }

    static String classpathCopy(String name) {
        try (InputStream in = Catalog.class.getClassLoader().getResourceAsStream(name)) {
            assertNotNull(in, "the framework jar must carry " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError("cannot read " + name + ": " + e.getMessage(), e);
        }
    }

    @ParameterizedTest
    @MethodSource("revisions")
    void theReferenceCopyAndTheBundledCopyAreIdentical(Revision revision) throws IOException {
        Optional<String> reference = referenceCopy(revision.referenceFile());
        // Fails rather than skips: the copy is part of the checkout, so its absence is a broken build.
        assertTrue(reference.isPresent(), () -> "no " + revision.referenceFile() + " in orchard.reference.dir="
                + System.getProperty("orchard.reference.dir") + " (framework/src/test/resources/reference)");
        assertEquals(reference.get(), classpathCopy(revision.classpathCopy()), "the bundled article "
                + revision.classpathCopy() + " differs from the reference copy " + revision.referenceFile());
    }

    @ParameterizedTest
    @MethodSource("revisions")
    void theCatalogHasTheArticlesServicesInOrder(Revision revision) throws IOException {
        assertEquals(revision.article().tables().stream().map(ArticleTable::serviceId).toList(),
                revision.catalog().services().stream().map(Service::id).toList(),
                "the catalog's services must be the article's tables, in the article's order");
    }

    @ParameterizedTest
    @MethodSource("revisions")
    void everyServiceHasTheArticlesRowsInOrder(Revision revision) throws IOException {
        Catalog catalog = revision.catalog();
        List<String> problems = new ArrayList<>();
        for (ArticleTable table : revision.article().tables()) {
            Optional<Service> service = catalog.findService(table.serviceId());
            if (service.isEmpty()) {
                problems.add(table.serviceId() + ": missing from the catalog (article line " + table.line() + ")");
                continue;
            }
            List<Endpoint> endpoints = service.get().endpoints();
            if (endpoints.size() != table.rows().size()) {
                problems.add(table.serviceId() + ": " + endpoints.size() + " rows in the catalog, "
                        + table.rows().size() + " in the article (line " + table.line() + ")");
            }
            for (int i = 0; i < Math.min(endpoints.size(), table.rows().size()); i++) {
                ArticleRow row = table.rows().get(i);
                compare(problems, endpoints.get(i), row, i, "host", Endpoint::pattern, ArticleRow::host);
            }
        }
        assertTrue(problems.isEmpty(), () -> "the catalog's rows differ from the article:\n  "
                + String.join("\n  ", problems));
    }

    @ParameterizedTest
    @MethodSource("revisions")
    void everyFieldIsAsPrintedOrHasAnErratumQuotingTheArticle(Revision revision) throws IOException {
        Catalog catalog = revision.catalog();
        ArticleImport article = revision.article();
        boolean french = article.language().equals("fr");
        List<String> problems = new ArrayList<>();
        for (ArticleTable table : article.tables()) {
            List<Endpoint> endpoints = catalog.findService(table.serviceId()).map(Service::endpoints).orElse(List.of());
            for (int i = 0; i < Math.min(endpoints.size(), table.rows().size()); i++) {
                Endpoint endpoint = endpoints.get(i);
                ArticleRow row = table.rows().get(i);
                compare(problems, endpoint, row, i, "ports", e -> e.ports(), ArticleRow::ports);
                compare(problems, endpoint, row, i, "transports", e -> e.transports(), ArticleRow::transports);
                compare(problems, endpoint, row, i, "os", e -> osText(e.os()), r -> osText(r.os()));
                compare(problems, endpoint, row, i, "description",
                        french ? Endpoint::descriptionFr : Endpoint::description, ArticleRow::description);
                compare(problems, endpoint, row, i, "proxy", Endpoint::proxy, ArticleRow::proxy);
            }
        }
        assertTrue(problems.isEmpty(), () -> problems.size() + " fields differ from the article without an erratum"
                + " quoting it:\n  " + String.join("\n  ", problems));
    }

    private static void compare(List<String> problems, Endpoint endpoint, ArticleRow row, int index, String field,
            Function<Endpoint, Object> catalogValue, Function<ArticleRow, Object> articleValue) {
        Object ours = catalogValue.apply(endpoint);
        Object printed = articleValue.apply(row);
        if (Objects.equals(ours, printed)) {
            return;
        }
        String cell = row.printed(field);
        Optional<Erratum> erratum = endpoint.erratum(field);
        if (erratum.isPresent() && (erratum.get().published().equals(cell)
                || erratum.get().published().equals(columnCell(row, field)))) {
            return;
        }
        problems.add(endpoint.service() + " row " + (index + 1) + " (" + endpoint.pattern() + ", article line "
                + row.line() + ", " + endpoint.location() + "): " + (field.equals("description") ? "descriptionFr"
                : field) + ": catalog has " + show(ours) + ", article has " + show(printed) + " (printed '" + cell
                + "')" + erratum.map(e -> "; its erratum quotes '" + e.published() + "', not the article's cell")
                .orElse("; no erratum of " + field + " quotes the article's cell"));
    }

    /** The cell in the field's own column, for rows where the article printed a value one column early. */
    private static String columnCell(ArticleRow row, String field) {
        int column = List.of("host", "ports", "transports", "os", "description", "proxy").indexOf(field);
        return column >= 0 && column < row.cells().size() ? row.cells().get(column) : "";
    }

    private static String osText(java.util.Set<OperatingSystem> os) {
        return os.stream().sorted().map(OperatingSystem::displayName).collect(Collectors.joining(", "));
    }

    private static String show(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(v -> v instanceof Transport t ? t.tag() : String.valueOf(v))
                    .collect(Collectors.joining(", "));
        }
        return value instanceof ProxySupport proxy ? proxy.yamlValue() : "'" + value + "'";
    }
}
