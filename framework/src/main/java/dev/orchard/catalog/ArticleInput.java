package dev.orchard.catalog;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * Reads Apple's article in the forms administrators have it: an {@code http(s)://} URL (fetched through the
 * checks' own proxy, trust anchors and timeout), a saved HTML page, or the text form with pipe tables. The form is
 * told by the value and the content, never by asking.
 */
@API(status = API.Status.EXPERIMENTAL)
public final class ArticleInput {

    private static final Pattern URL = Pattern.compile("(?i)^https?://\\S+$");
    /** Saved pages start with a doctype or a tag; the text form never does. */
    private static final Pattern HTML = Pattern.compile("(?is)^\\s*(<!doctype html|<html|<head|<body|<!--|<meta|<div|<h[1-6]|<table)");

    private ArticleInput() {
    }

    /**
     * Fetches a web page. The catalog does not reach the network itself: the caller hands in the checks' network
     * (as {@code network::fetchPage} adapted to a {@link Page}), which keeps the catalog free of the probes.
     */
    @FunctionalInterface
    public interface Fetcher {
        /** The page at {@code url}; an IOException names what went wrong. */
        Page fetch(String url) throws IOException;
    }

    /** A fetched page: its content type (to tell HTML from text) and its text. */
    public record Page(String contentType, String text) {
    }

    /** Whether a value names a URL rather than a file. */
    public static boolean isUrl(String article) {
        return URL.matcher(article.strip()).matches();
    }

    /**
     * Reads the article a value names; unknown titles are matched against {@code known}.
     *
     * @param article a URL, or the path of a saved HTML page or of the text form
     * @param fetcher how a URL is fetched (the checks' network, so its proxy, trust anchors and timeout apply)
     * @throws CatalogException naming the file or URL when it cannot be read or holds no host table
     */
    public static ArticleImport read(String article, Fetcher fetcher, Catalog known) {
        String value = article.strip();
        if (isUrl(value)) {
            Page page;
            try {
                page = fetcher.fetch(value);
            } catch (IOException | RuntimeException e) {
                throw new CatalogException(new Location(value, 0), "", "cannot be fetched: " + e.getMessage());
            }
            boolean html = page.contentType().toLowerCase(Locale.ROOT).contains("html")
                    || HTML.matcher(page.text()).lookingAt();
            return parse(page.text(), html, value, () -> known);
        }
        Path path = Path.of(value);
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new CatalogException(new Location(value, 0), "", "no such file; expected Apple's article as a "
                    + "saved HTML page, its text form, or an http(s):// URL");
        } catch (IOException | RuntimeException e) {
            throw new CatalogException(new Location(value, 0), "", "cannot be read: " + e.getMessage());
        }
        String name = path.getFileName() == null ? value : path.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean html = name.endsWith(".html") || name.endsWith(".htm") || HTML.matcher(text).lookingAt();
        return parse(text, html, value, () -> known);
    }

    /** Reads an article's content: HTML when {@code html}, otherwise the text form. */
    public static ArticleImport parse(String content, boolean html, String name, Supplier<Catalog> known) {
        if (!html) {
            return ArticleImporter.read(new StringReader(content), name, known);
        }
        ArticleHtml.Lines lines = ArticleHtml.of(content);
        return ArticleImporter.read(lines.text(), lines.sourceLines(), lines.titles(), name, known);
    }
}
