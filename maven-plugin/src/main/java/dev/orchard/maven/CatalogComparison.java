package dev.orchard.maven;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.orchard.catalog.ArticleImport;
import dev.orchard.catalog.ArticleImporter;
import dev.orchard.catalog.Catalog;
import dev.orchard.catalog.CatalogDiff;
import dev.orchard.catalog.CatalogException;
import dev.orchard.catalog.Change;
import dev.orchard.catalog.Source;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares a baseline catalog with a newer article text or catalog, so that a new revision of Apple's article is
 * reviewed as a list of changed rows. Wildcard rows of an article take their probe hosts from the baseline.
 */
final class CatalogComparison {

    static final String ARTICLE_KEY = "apple-network.article";
    static final String CATALOG_KEY = "apple-network.catalog";
    static final String BASELINE_KEY = "apple-network.baseline";
    private static final Pattern REVISION = Pattern.compile("(\\d{4}-\\d{2})");

    private CatalogComparison() {
    }

    static Catalog baseline(Path file) {
        return file == null ? Catalog.bundled() : Catalog.read(file);
    }

    /** The article as a catalog; a wildcard the baseline has no probe host for is a message naming its line. */
    static Catalog fromArticle(Path article, Catalog baseline) {
        ArticleImport imported;
        try (Reader reader = Files.newBufferedReader(article, StandardCharsets.UTF_8)) {
            imported = ArticleImporter.read(reader, article.toString(), baseline);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(ARTICLE_KEY + ": " + article
                    + ": no such file; expected the text of Apple's article");
        } catch (IOException e) {
            throw new IllegalArgumentException(ARTICLE_KEY + ": " + article + ": cannot be read: " + e.getMessage());
        }
        Matcher revision = REVISION.matcher(article.getFileName().toString());
        Source source = new Source(baseline.source().article(), imported.language(),
                revision.find() ? revision.group(1) : baseline.source().revision());
        try {
            return imported.toCatalog(baseline.name() + " (" + article.getFileName() + ")", source, baseline);
        } catch (CatalogException e) {
            throw new IllegalArgumentException(e.getMessage() + "\nA wildcard row needs a concrete host to probe: "
                    + "add it with probeHosts to the baseline catalog (" + BASELINE_KEY + ") and compare again.");
        }
    }

    static String json(CatalogDiff diff) {
        List<Map<String, String>> changes = new ArrayList<>();
        for (Change change : diff.changes()) {
            Map<String, String> item = new LinkedHashMap<>();
            item.put("service", change.service());
            item.put("host", change.host());
            item.put("kind", change.kind().name().toLowerCase(java.util.Locale.ROOT));
            item.put("text", change.text());
            changes.add(item);
        }
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(changes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the diff as JSON: " + e.getMessage(), e);
        }
    }
}
