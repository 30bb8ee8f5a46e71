package dev.orchard.maven;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.orchard.ConfigurationKeys;
import dev.orchard.catalog.ArticleImport;
import dev.orchard.catalog.ArticleInput;
import dev.orchard.catalog.Catalog;
import dev.orchard.catalog.CatalogDiff;
import dev.orchard.catalog.Change;
import dev.orchard.catalog.Source;
import dev.orchard.config.OrchardSettings;
import dev.orchard.probe.Network;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares a baseline catalog with a newer article (URL, saved HTML page or text) or catalog, so that a new
 * revision of Apple's article is reviewed as a list of changed rows. Wildcard rows of an article take their probe
 * hosts from the baseline; a new wildcard is listed as added and as needing a probe host.
 */
final class CatalogComparison {

    static final String ARTICLE_KEY = ConfigurationKeys.ARTICLE;
    static final String CATALOG_KEY = ConfigurationKeys.CATALOG;
    private static final Pattern REVISION = Pattern.compile("(\\d{4}-\\d{2})");

    private final Catalog older;
    private final Catalog newerCatalog;
    private final String newer;
    private final CatalogDiff diff;
    private final List<String> notices;
    private final List<String> notes;

    private CatalogComparison(Catalog older, Catalog newerCatalog, String newer, CatalogDiff diff,
            List<String> notices, List<String> notes) {
        this.older = older;
        this.newerCatalog = newerCatalog;
        this.newer = newer;
        this.diff = diff;
        this.notices = notices;
        this.notes = notes;
    }

    static CatalogComparison withCatalog(Catalog older, Catalog newer, String name) {
        return new CatalogComparison(older, newer, name, CatalogDiff.between(older, newer), List.of(), List.of());
    }

    /**
     * The article as a catalog, compared with the baseline. A relative path is resolved against {@code base}; a
     * URL is fetched through a network built from {@code network} (the checks' proxy, anchors and timeout).
     */
    static CatalogComparison withArticle(Catalog older, String article, Path base, Map<String, String> network,
            boolean loopbackOnly) {
        String value = ArticleInput.isUrl(article) ? article : resolve(base, article);
        ArticleImport imported;
        try (Network net = network(network, loopbackOnly)) {
            imported = ArticleInput.read(value, url -> {
                Network.Page page = net.fetchPage(url);
                return new ArticleInput.Page(page.contentType(), page.text());
            }, older);
        }
        String fileName = value.replaceFirst(".*[/\\\\]", "");
        Matcher revision = REVISION.matcher(ArticleInput.isUrl(value) ? "" : fileName);
        Source source = new Source(older.source().article(), imported.language(),
                revision.find() ? revision.group(1) : older.source().revision());
        ArticleImport.Conversion conversion = imported.convert(older.name() + " (" + fileName + ")", source, older);
        List<String> notices = new ArrayList<>(imported.notices());
        notices.addAll(conversion.notices());
        return new CatalogComparison(older, conversion.catalog(), value, CatalogDiff.between(older, conversion),
                notices, imported.notes());
    }

    /** The network a URL is fetched through: the checks' proxy, anchors and timeout; loopback-only for the lab. */
    private static Network network(Map<String, String> parameters, boolean loopbackOnly) {
        OrchardSettings settings = OrchardSettings.from(parameters);
        Network.Builder builder = settings.withLimits(Network.builder()).loopbackOnly(loopbackOnly);
        settings.get(OrchardSettings.PROXY).filter(p -> !p.equalsIgnoreCase("none")).ifPresent(builder::proxy);
        settings.get(OrchardSettings.NON_PROXY_HOSTS).ifPresent(builder::nonProxyHosts);
        settings.get(OrchardSettings.TRUST_ANCHORS).ifPresent(builder::trustAnchors);
        return builder.build();
    }

    private static String resolve(Path base, String article) {
        Path path = Path.of(article);
        return path.isAbsolute() ? article : base.resolve(path).normalize().toString();
    }

    CatalogDiff diff() {
        return diff;
    }

    String newer() {
        return newer;
    }

    String summary() {
        return diff.structural().size() + " structural and " + diff.wording().size() + " wording changes from "
                + older.source().revision() + " to " + newerCatalog.source().revision();
    }

    /** Structural changes first, then (when asked) wording changes, then the import's notices and notes. */
    List<String> table(String from, boolean showWording) {
        List<String> lines = new ArrayList<>();
        lines.add("Changes from " + from + " (" + describe(older) + ") to " + newer + ": "
                + diff.structural().size() + " structural, " + diff.wording().size() + " wording");
        lines.add(diff.structural().isEmpty() ? "no structural changes" : "Structural changes:");
        diff.structural().forEach(c -> lines.add("  " + c.text()));
        if (!diff.wording().isEmpty()) {
            if (showWording) {
                lines.add("Wording changes:");
                diff.wording().forEach(c -> lines.add("  " + c.text()));
            } else {
                lines.add(diff.wording().size() + " wording changes (descriptions, titles) not shown; -D"
                        + ConfigurationKeys.SHOW_WORDING + "=true shows them");
            }
        }
        if (!notices.isEmpty()) {
            lines.add("Read with notices (cells taken in their closest reading):");
            notices.forEach(n -> lines.add("  " + n));
        }
        if (!notes.isEmpty()) {
            lines.add("The article's notes (footnotes, recent changes):");
            notes.forEach(n -> lines.add("  " + n));
        }
        return lines;
    }

    private static String describe(Catalog catalog) {
        return catalog.source().revision() + ", " + catalog.source().language();
    }

    /** {@code {"from", "to", "changes", "notices", "notes"}}; the field names are documented in docs/import-and-diff.md. */
    String json() {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("from", side(older, older.name()));
        document.put("to", side(newerCatalog, newer));
        List<Map<String, Object>> changes = new ArrayList<>();
        for (Change change : diff.changes()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("change", change.kind().change());
            item.put("service", change.service());
            item.put("host", change.host().isEmpty() ? null : change.host());
            item.put("field", change.field().isEmpty() ? null : change.field());
            item.put("before", change.before().isEmpty() ? null : change.before());
            item.put("after", change.after().isEmpty() ? null : change.after());
            item.put("structural", change.structural());
            item.put("line", change.line() == 0 ? null : change.line());
            item.put("needsProbeHost", change.needsProbeHost());
            item.put("kind", change.kind().name().toLowerCase(java.util.Locale.ROOT));
            item.put("text", change.text());
            changes.add(item);
        }
        document.put("changes", changes);
        document.put("notices", notices);
        document.put("notes", notes);
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the diff as JSON: " + e.getMessage(), e);
        }
    }

    private static Map<String, Object> side(Catalog catalog, String name) {
        Map<String, Object> side = new LinkedHashMap<>();
        side.put("name", name);
        side.put("revision", catalog.source().revision());
        side.put("language", catalog.source().language());
        side.put("rows", catalog.endpoints().size());
        side.put("hosts", catalog.patterns().size());
        return side;
    }
}
