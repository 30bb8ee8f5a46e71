package dev.orchard.maven;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.orchard.catalog.Endpoint;
import dev.orchard.catalog.Transport;
import dev.orchard.probe.CheckTarget;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The effective catalog's rows that have at least one selected check, as a table for people or JSON for scripts.
 * Rows come from engine discovery, so {@code groups} selects exactly what {@code verify} would run. Each row's
 * errata (where the catalog departs from Apple's printed article) and notes come with it, where users look.
 */
final class CatalogListing {

    /** A row with the checks selected of it. */
    private record Row(Endpoint endpoint, List<CheckTarget> checks) {
    }

    private final List<Row> rows;

    private CatalogListing(List<Row> rows) {
        this.rows = rows;
    }

    static CatalogListing of(List<CheckTarget> planned) {
        Map<Endpoint, List<CheckTarget>> byRow = new IdentityHashMap<>();
        List<Endpoint> order = new ArrayList<>();
        for (CheckTarget target : planned) {
            byRow.computeIfAbsent(target.endpoint(), e -> {
                order.add(e);
                return new ArrayList<>();
            }).add(target);
        }
        return new CatalogListing(order.stream().map(e -> new Row(e, List.copyOf(byRow.get(e)))).toList());
    }

    int rowCount() {
        return rows.size();
    }

    int checkCount() {
        return rows.stream().mapToInt(r -> r.checks().size()).sum();
    }

    List<String> table() {
        List<String[]> cells = new ArrayList<>();
        cells.add(new String[] {"SERVICE", "HOST", "PORTS", "PROXY", "CHECKS", "TAGS"});
        for (Row row : rows) {
            Endpoint e = row.endpoint();
            cells.add(new String[] {e.service(), e.pattern(), ports(e), e.proxy().yamlValue(),
                    String.valueOf(row.checks().size()), String.join(",", e.tags())});
        }
        int[] widths = new int[cells.get(0).length];
        for (String[] line : cells) {
            for (int i = 0; i < line.length; i++) {
                widths[i] = Math.max(widths[i], line[i].length());
            }
        }
        List<String> lines = new ArrayList<>();
        for (int r = 0; r < cells.size(); r++) {
            String[] line = cells.get(r);
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < line.length; i++) {
                text.append(i == line.length - 1 ? line[i] : String.format(Locale.ROOT, "%-" + widths[i] + "s  ",
                        line[i]));
            }
            lines.add(text.toString().stripTrailing());
            if (r > 0) {
                Endpoint e = rows.get(r - 1).endpoint();
                e.errata().forEach(x -> lines.add("    erratum " + x.field() + ": Apple printed '" + x.published()
                        + "'. " + x.note()));
                e.notes().forEach(n -> lines.add("    note: " + n));
            }
        }
        lines.add(rowCount() + " rows, " + checkCount() + " checks");
        return lines;
    }

    String json() {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Row row : rows) {
            Endpoint e = row.endpoint();
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("service", e.service());
            item.put("host", e.pattern());
            item.put("ports", e.ports());
            item.put("transports", e.transports().stream().map(Transport::tag).toList());
            item.put("proxy", e.proxy().yamlValue());
            item.put("tags", List.copyOf(e.tags()));
            item.put("checks", row.checks().stream().map(CheckTarget::name).toList());
            item.put("errata", e.errata().stream().map(x -> {
                Map<String, String> erratum = new LinkedHashMap<>();
                erratum.put("field", x.field());
                erratum.put("published", x.published());
                erratum.put("note", x.note());
                return erratum;
            }).toList());
            item.put("notes", e.notes());
            list.add(item);
        }
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(list);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the catalog as JSON: " + e.getMessage(), e);
        }
    }

    private static String ports(Endpoint e) {
        String transports = e.transports().stream().map(Transport::tag).collect(Collectors.joining("+"));
        return e.ports().stream().map(p -> p + "/" + transports).collect(Collectors.joining(","));
    }
}
