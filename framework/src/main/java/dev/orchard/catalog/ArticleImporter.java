package dev.orchard.catalog;

import dev.orchard.catalog.ArticleCells.Column;
import dev.orchard.catalog.ArticleTable.Match;
import dev.orchard.catalog.CatalogException.Problem;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * Reads Apple's article "Use Apple products on enterprise networks", as pipe tables in French or English, so that
 * each new revision can be compared with the catalog instead of being retyped by hand. {@link ArticleInput} reads
 * the other forms (a saved HTML page, a URL) into the same lines.
 *
 * <p>Only two things fail an import: text that cannot be read, and text with no host table. Anything else Apple
 * may print (a link in a cell, a footnote mark, an unknown word, a row with too few cells) becomes a notice and the
 * closest reading. Footnotes and the items under "Recent changes" are kept as the revision's notes.
 *
 * <p>A table's section title is the last run of title lines (lines that do not end like a sentence) before it.
 * Known titles map to service ids in either language and across Apple's renames; a table under an unknown title
 * goes to the known service that shares most of its hosts, and the import says so in a notice.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ArticleImporter {

    private static final Pattern RECENT = Pattern.compile("(?i)(recent changes|modifications récentes|changements récents)");
    private static final Pattern FOOTNOTE_LINE = Pattern.compile("^(?:[*†‡§¹²³⁴⁵⁶⁷⁸⁹]+|\\[\\d{1,2}])\\s*\\S");
    private static final int NOTE_LENGTH = 600;
    private static final Pattern SEPARATOR = Pattern.compile("\\|?\\s*:?-{3,}:?\\s*(\\|\\s*:?-{3,}:?\\s*)*\\|?\\s*");

    private final String file;
    private final Supplier<Catalog> known;
    private Catalog knownCatalog;
    private final List<Problem> problems = new ArrayList<>();
    private final List<String> notices = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final ArticleCells cells;
    /** The source line of each text line (an HTML page's lines differ from the text made of it). */
    private final int[] sourceLines;
    /** Which lines are headings, where the form says so (HTML); null where titles are told by their shape. */
    private final boolean[] titles;

    private ArticleImporter(String file, Supplier<Catalog> known, int[] sourceLines, boolean[] titles) {
        this.file = file;
        this.known = known;
        this.sourceLines = sourceLines;
        this.titles = titles;
        this.cells = new ArticleCells(file, notices);
    }

    /**
     * Reads an article; tables with unknown titles are matched against {@link Catalog#bundled()}, which is only
     * read when such a table exists.
     *
     * @throws CatalogException when the text cannot be read or holds no host table
     */
    public static ArticleImport read(Reader text, String fileName) {
        return read(text, fileName, Catalog::bundled);
    }

    /** Reads an article, matching tables with unknown titles to the services of {@code known} by their hosts. */
    public static ArticleImport read(Reader text, String fileName, Catalog known) {
        return read(text, fileName, () -> known);
    }

    static ArticleImport read(Reader text, String fileName, Supplier<Catalog> known) {
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(text)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.add(line);
            }
        } catch (IOException e) {
            throw new CatalogException(new Location(fileName, 0), "", "cannot be read: " + e.getMessage());
        }
        return new ArticleImporter(fileName, known, null, null).read(lines);
    }

    /** Reads lines made from another form (an HTML page), each with the line it came from in that form. */
    static ArticleImport read(List<String> lines, int[] sourceLines, boolean[] titles, String fileName,
            Supplier<Catalog> known) {
        return new ArticleImporter(fileName, known, sourceLines, titles).read(lines);
    }

    /** A table as found, before it is mapped to a service. */
    private record Found(List<String> headings, boolean continuation, int line, List<ArticleRow> rows) {
    }

    private ArticleImport read(List<String> lines) {
        List<Found> found = new ArrayList<>();
        String language = null;
        int textStart = 0;
        int i = 0;
        while (i < lines.size()) {
            List<String> header = cellsOf(lines.get(i));
            Optional<Column> first = header.isEmpty() ? Optional.empty() : Column.ofHeader(header.get(0));
            if (first.orElse(null) != Column.HOST) {
                i++;
                continue;
            }
            int headerLine = line(i);
            if (language == null) {
                language = header.get(0).strip().toLowerCase(java.util.Locale.ROOT).startsWith("host") ? "en" : "fr";
            }
            collectNotes(lines.subList(textStart, i), textStart);
            List<String> headings = headings(lines.subList(textStart, i), textStart);
            Map<Column, Integer> columns = columns(headerLine, header);
            i++;
            if (i < lines.size() && SEPARATOR.matcher(lines.get(i)).matches()) {
                i++;
            }
            List<ArticleRow> rows = new ArrayList<>();
            while (i < lines.size() && lines.get(i).contains("|")) {
                List<String> row = cellsOf(lines.get(i));
                if (row.size() != header.size()) {
                    notices.add(new Location(file, line(i)) + ": has " + row.size() + " cells; expected "
                            + header.size() + " like the header on line " + headerLine + "; read "
                            + (row.size() < header.size() ? "the missing cells as empty" : "the first " + header.size()));
                }
                Optional.ofNullable(cells.row(line(i), row, columns)).ifPresent(rows::add);
                i++;
            }
            found.add(new Found(headings, headings.isEmpty(), headerLine, rows));
            textStart = i;
        }
        collectNotes(lines.subList(textStart, lines.size()), textStart);
        if (found.isEmpty() && problems.isEmpty()) {
            problem(lines.isEmpty() ? 0 : line(0), "", "has no host table; expected pipe tables with the header "
                    + "'Hosts | Ports | Protocol | OS | Description | Supports proxies |' or its French form, or an "
                    + "HTML page with such tables");
        }
        if (!problems.isEmpty()) {
            throw new CatalogException(problems);
        }
        List<ArticleTable> tables = map(found);
        return new ArticleImport(file, language, tables, notices, notes);
    }

    private int line(int index) {
        return sourceLines == null ? index + 1 : sourceLines[index];
    }

    /**
     * Keeps the revision's own notes: footnotes (a line that starts with a footnote mark) and the items under
     * "Recent changes", which name Apple's corrections.
     */
    private void collectNotes(List<String> text, int offset) {
        boolean recent = false;
        for (int j = 0; j < text.size(); j++) {
            String line = ArticleCells.normalize(text.get(j));
            if (line.isEmpty()) {
                continue;
            }
            if (RECENT.matcher(line).matches()) {
                recent = true;
            } else if (recent && line.startsWith("- ")) {
                notes.add(new Location(file, line(offset + j)) + ": " + ArticleCells.shown(line.substring(2), NOTE_LENGTH));
            } else if (FOOTNOTE_LINE.matcher(line).find()) {
                notes.add(new Location(file, line(offset + j)) + ": " + ArticleCells.shown(line, NOTE_LENGTH));
            } else if (titles == null ? isTitle(line) : titles[offset + j]) {
                recent = false;
            }
        }
    }

    /** The last run of title lines before a table; empty when only sentences stand between two tables. */
    private List<String> headings(List<String> text, int offset) {
        List<String> run = new ArrayList<>();
        for (int j = text.size() - 1; j >= 0; j--) {
            String line = ArticleCells.normalize(text.get(j));
            if (line.isEmpty()) {
                continue;
            }
            if (titles == null ? isTitle(line) : titles[offset + j]) {
                run.add(0, line);
            } else if (!run.isEmpty()) {
                break;
            }
        }
        return run;
    }

    /** Titles are short and do not end like a sentence. */
    private static boolean isTitle(String line) {
        return line.length() <= 100 && !line.contains("|") && !line.matches(".*[.:;!?…]$");
    }

    /** The columns by their headers; an unknown header is ignored and a missing column read as empty cells. */
    private Map<Column, Integer> columns(int line, List<String> header) {
        Map<Column, Integer> columns = new EnumMap<>(Column.class);
        for (int c = 0; c < header.size(); c++) {
            Optional<Column> column = Column.ofHeader(ArticleCells.normalize(header.get(c)));
            if (column.isEmpty()) {
                notices.add(new Location(file, line) + ": unknown column '" + ArticleCells.shown(header.get(c))
                        + "'; ignored it (known: Hosts, Ports, Protocol, OS, Description, Supports proxies, or the "
                        + "French Hôtes, Ports, Protocole, Système d’exploitation, Description, Prend en charge les proxys)");
            } else {
                columns.putIfAbsent(column.get(), c);
            }
        }
        for (Column column : Column.values()) {
            if (!columns.containsKey(column)) {
                notices.add(new Location(file, line) + ": the table has no " + column.field
                        + " column; read its cells as empty");
            }
        }
        return columns;
    }

    /** The cells of a pipe line, stripped; the empty cell after a trailing pipe is not a cell. */
    private static List<String> cellsOf(String line) {
        if (!line.contains("|")) {
            return List.of();
        }
        List<String> cells = new ArrayList<>(List.of(line.strip().split("\\|", -1)));
        if (!cells.isEmpty() && cells.get(cells.size() - 1).isBlank()) {
            cells.remove(cells.size() - 1);
        }
        if (line.strip().startsWith("|") && !cells.isEmpty() && cells.get(0).isBlank()) {
            cells.remove(0);
        }
        return cells.stream().map(String::strip).toList();
    }

    /** Maps tables to services: first every known title, then unknown titles by their hosts. */
    private List<ArticleTable> map(List<Found> found) {
        String[] ids = new String[found.size()];
        Match[] matches = new Match[found.size()];
        String[] titles = new String[found.size()];
        Set<String> taken = new HashSet<>();
        String previous = null;
        for (int t = 0; t < found.size(); t++) {
            Found table = found.get(t);
            if (table.continuation()) {
                titles[t] = t == 0 ? "" : titles[t - 1];
                Optional<String> second = Optional.ofNullable(previous).flatMap(ServiceTitles::secondTableOf);
                if (second.isPresent() && taken.add(second.get())) {
                    ids[t] = second.get();
                    matches[t] = Match.SECOND_TABLE;
                }
                continue;
            }
            titles[t] = String.join(" / ", table.headings());
            Optional<String> id = byTitle(table.headings());
            if (id.isPresent() && taken.add(id.get())) {
                ids[t] = id.get();
                matches[t] = Match.TITLE;
            }
            previous = ids[t];
        }
        for (int t = 0; t < found.size(); t++) {
            if (ids[t] == null) {
                matchByHosts(found.get(t), titles[t], taken, ids, matches, t);
            }
        }
        List<ArticleTable> tables = new ArrayList<>();
        for (int t = 0; t < found.size(); t++) {
            tables.add(new ArticleTable(titles[t], ids[t], matches[t], found.get(t).line(), found.get(t).rows()));
        }
        return tables;
    }

    /** A title run maps by its last known line: a sub-title ("Administrators and managers") wins over its section. */
    private static Optional<String> byTitle(List<String> headings) {
        for (int h = headings.size() - 1; h >= 0; h--) {
            Optional<String> id = ServiceTitles.idOf(headings.get(h));
            if (id.isPresent()) {
                return id;
            }
        }
        return Optional.empty();
    }

    private void matchByHosts(Found table, String title, Set<String> taken, String[] ids, Match[] matches, int t) {
        Set<String> hosts = new LinkedHashSet<>();
        table.rows().forEach(r -> hosts.add(r.host()));
        String best = null;
        long bestOverlap = 0;
        if (knownCatalog == null) {
            knownCatalog = known.get();
        }
        for (Service service : knownCatalog.services()) {
            if (taken.contains(service.id())) {
                continue;
            }
            Set<String> patterns = new HashSet<>();
            service.endpoints().forEach(e -> patterns.add(e.pattern()));
            long overlap = hosts.stream().filter(patterns::contains).count();
            if (overlap > bestOverlap) {
                best = service.id();
                bestOverlap = overlap;
            }
        }
        String shown = title.isEmpty() ? "(untitled)" : title;
        if (best != null) {
            notices.add(new Location(file, table.line()) + ": table '" + shown + "' matched to " + best
                    + " by its hosts (" + bestOverlap + " of " + hosts.size() + ")");
            ids[t] = best;
            matches[t] = Match.HOSTS;
        } else {
            String id = ServiceTitles.newId(title.isEmpty() ? "table-" + table.line() : title);
            while (!taken.add(id)) {
                id = id + "-" + table.line();
            }
            notices.add(new Location(file, table.line()) + ": table '" + shown + "' has an unknown title and shares no"
                    + " host with a known service; made the new service " + id);
            ids[t] = id;
            matches[t] = Match.NEW;
            return;
        }
        taken.add(best);
    }

    private void problem(int line, String field, String message) {
        problems.add(new Problem(new Location(file, line), field, message));
    }
}
