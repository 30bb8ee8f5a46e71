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
 * each new revision can be compared with the catalog instead of being retyped by hand.
 *
 * <p>A table's section title is the last run of title lines (lines that do not end like a sentence) before it.
 * Known titles map to service ids in either language and across Apple's renames; a table under an unknown title
 * goes to the known service that shares most of its hosts, and the import says so in a notice.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ArticleImporter {

    private static final Pattern SEPARATOR = Pattern.compile("\\|?\\s*:?-{3,}:?\\s*(\\|\\s*:?-{3,}:?\\s*)*\\|?\\s*");

    private final String file;
    private final Supplier<Catalog> known;
    private Catalog knownCatalog;
    private final List<Problem> problems = new ArrayList<>();
    private final List<String> notices = new ArrayList<>();
    private final ArticleCells cells;

    private ArticleImporter(String file, Supplier<Catalog> known) {
        this.file = file;
        this.known = known;
        this.cells = new ArticleCells(file, problems, notices);
    }

    /**
     * Reads an article; tables with unknown titles are matched against {@link Catalog#bundled()}, which is only
     * read when such a table exists.
     *
     * @throws CatalogException naming the file, line and column of every row that cannot be read
     */
    public static ArticleImport read(Reader text, String fileName) {
        return read(text, fileName, Catalog::bundled);
    }

    /** Reads an article, matching tables with unknown titles to the services of {@code known} by their hosts. */
    public static ArticleImport read(Reader text, String fileName, Catalog known) {
        return read(text, fileName, () -> known);
    }

    private static ArticleImport read(Reader text, String fileName, Supplier<Catalog> known) {
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(text)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.add(line);
            }
        } catch (IOException e) {
            throw new CatalogException(new Location(fileName, 0), "", "cannot be read: " + e.getMessage());
        }
        return new ArticleImporter(fileName, known).read(lines);
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
            int headerLine = i + 1;
            if (language == null) {
                language = header.get(0).strip().toLowerCase(java.util.Locale.ROOT).startsWith("host") ? "en" : "fr";
            }
            List<String> headings = headings(lines.subList(textStart, i));
            Map<Column, Integer> columns = columns(headerLine, header);
            i++;
            if (i >= lines.size() || !SEPARATOR.matcher(lines.get(i)).matches()) {
                problem(i + 1, "", "expected the separator line ---|---| under the table header on line " + headerLine);
            } else {
                i++;
            }
            List<ArticleRow> rows = new ArrayList<>();
            while (i < lines.size() && lines.get(i).contains("|")) {
                List<String> row = cellsOf(lines.get(i));
                if (columns != null) {
                    if (row.size() != header.size()) {
                        problem(i + 1, "", "has " + row.size() + " cells; expected " + header.size()
                                + " like the header on line " + headerLine + " (" + String.join(" | ", header) + ")");
                    } else {
                        Optional.ofNullable(cells.row(i + 1, row, columns)).ifPresent(rows::add);
                    }
                }
                i++;
            }
            found.add(new Found(headings, headings.isEmpty(), headerLine, rows));
            textStart = i;
        }
        if (found.isEmpty() && problems.isEmpty()) {
            problem(lines.isEmpty() ? 0 : 1, "", "has no host table; expected pipe tables with the header "
                    + "'Hosts | Ports | Protocol | OS | Description | Supports proxies |' or its French form");
        }
        if (!problems.isEmpty()) {
            throw new CatalogException(problems);
        }
        List<ArticleTable> tables = map(found);
        return new ArticleImport(file, language, tables, notices);
    }

    /** The last run of title lines before a table; empty when only sentences stand between two tables. */
    private static List<String> headings(List<String> text) {
        List<String> run = new ArrayList<>();
        for (int j = text.size() - 1; j >= 0; j--) {
            String line = text.get(j).strip();
            if (line.isEmpty()) {
                continue;
            }
            if (isTitle(line)) {
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

    private Map<Column, Integer> columns(int line, List<String> header) {
        Map<Column, Integer> columns = new EnumMap<>(Column.class);
        for (int c = 0; c < header.size(); c++) {
            Optional<Column> column = Column.ofHeader(header.get(c));
            if (column.isEmpty()) {
                problem(line, "", "unknown column '" + header.get(c) + "'; expected Hosts, Ports, Protocol, OS, "
                        + "Description, Supports proxies (or the French Hôtes, Ports, Protocole, Système d’exploitation, "
                        + "Description, Prend en charge les proxys)");
                return null;
            }
            columns.put(column.get(), c);
        }
        for (Column column : Column.values()) {
            if (!columns.containsKey(column)) {
                problem(line, "", "the table has no " + column.field + " column; expected the header "
                        + "'Hosts | Ports | Protocol | OS | Description | Supports proxies |' or its French form");
                return null;
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
