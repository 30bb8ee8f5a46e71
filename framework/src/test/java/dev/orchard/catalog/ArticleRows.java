package dev.orchard.catalog;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Holds a bundled catalog to the reference text of its article row by row, reading the pipe tables here,
 * independently of the importer: the one comparison for every language, which differ only in their words.
 *
 * @param header how a table's header line starts ({@code Hosts |})
 * @param only the word after a single OS ({@code only})
 * @param osSeparators a regular expression between OS names
 * @param yes the proxy cell that means yes
 * @param description the catalog's description in the article's language
 */
record ArticleRows(String header, String only, String osSeparators, String yes,
        Function<Endpoint, String> description) {

    static final ArticleRows ENGLISH = new ArticleRows("Hosts |", " only", ", and |, | and ", "Yes",
            Endpoint::description);
    static final ArticleRows FRENCH = new ArticleRows("Hôtes |", " uniquement", ", | et ", "Oui",
            Endpoint::descriptionFr);

    /** Every cell that differs from the catalog's value with no erratum of that field quoting it; none is good. */
    List<String> mismatches(Catalog catalog, List<String> articleLines) {
        List<List<String[]>> tables = tables(articleLines);
        assertThat(tables, hasSize(catalog.services().size()));
        List<String> mismatches = new ArrayList<>();
        for (int t = 0; t < tables.size(); t++) {
            List<Endpoint> endpoints = catalog.services().get(t).endpoints();
            List<String[]> rows = tables.get(t);
            assertThat(catalog.services().get(t).id(), endpoints, hasSize(rows.size()));
            for (int r = 0; r < rows.size(); r++) {
                String[] cells = rows.get(r);
                Endpoint e = endpoints.get(r);
                compare(mismatches, e, "host", cells[0], cells[0], e.pattern());
                compare(mismatches, e, "ports", cells[1], cells[1],
                        e.ports().stream().map(String::valueOf).collect(Collectors.joining(", ")));
                compare(mismatches, e, "transports", cells[2], Stream.of(cells[2].split(", "))
                        .map(x -> Transport.parse(x).orElseThrow()).distinct().toList().toString(),
                        e.transports().toString());
                compare(mismatches, e, "os", cells[3], osOf(cells[3]).toString(), new TreeSet<>(e.os()).toString());
                compare(mismatches, e, "description", cells[4], cells[4], description.apply(e));
                compare(mismatches, e, "proxy", cells[5], cells[5].equals(yes) ? "yes" : switch (cells[5]) {
                    case "—" -> "no";
                    case "" -> "not-stated";
                    default -> cells[5];
                }, e.proxy().yamlValue());
            }
        }
        return mismatches;
    }

    private List<List<String[]>> tables(List<String> articleLines) {
        List<List<String[]>> tables = new ArrayList<>();
        for (String line : articleLines) {
            if (line.startsWith(header)) {
                tables.add(new ArrayList<>());
            } else if (line.contains(" | ") && !line.startsWith("---")) {
                String[] cells = Arrays.stream(line.split("\\|", -1)).map(String::strip).toArray(String[]::new);
                assertThat(line, cells.length, is(7));
                tables.get(tables.size() - 1).add(cells);
            }
        }
        return tables;
    }

    private Set<OperatingSystem> osOf(String cell) {
        Set<OperatingSystem> os = new TreeSet<>();
        if (cell.equals("-")) {
            return os;
        }
        for (String name : cell.replace(only, "").split(osSeparators)) {
            os.add(OperatingSystem.parse(name).orElseThrow(() -> new AssertionError("unknown OS " + name)));
        }
        return os;
    }

    /** A value read from {@code cell} must be the catalog's, unless an erratum of the field quotes the cell. */
    private static void compare(List<String> mismatches, Endpoint e, String field, String cell, String expected,
            String value) {
        if (expected.equals(value)) {
            return;
        }
        boolean explained = e.erratum(field).map(Erratum::published).filter(cell::equals).isPresent();
        if (!explained) {
            mismatches.add(e.location() + " " + e.pattern() + " " + field + ": article '" + cell + "', catalog '"
                    + value + "'");
        }
    }
}
