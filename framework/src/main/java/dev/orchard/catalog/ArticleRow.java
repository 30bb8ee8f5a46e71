package dev.orchard.catalog;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * One host row of the article, both as printed and as the catalog model reads it. Keeping the printed cells
 * lets the fidelity test tell a deliberate catalog erratum from a typing mistake.
 *
 * @param line the row's line in the article text
 * @param cells the raw cells, in the order printed
 * @param host the host pattern (a URL cell is reduced to its host, with a notice)
 * @param ports the ports, in the order printed
 * @param transports TCP and/or UDP ("SSH" is TCP)
 * @param os the platforms; empty for "-"
 * @param description the description in the article's language; empty where the cell held something else
 * @param proxy whether the host works through a proxy
 * @param printed for each field (host, ports, transports, os, description, proxy), the cell its value was read from
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ArticleRow(
        int line,
        List<String> cells,
        String host,
        List<Integer> ports,
        List<Transport> transports,
        Set<OperatingSystem> os,
        String description,
        ProxySupport proxy,
        Map<String, String> printed) {

    public ArticleRow {
        cells = List.copyOf(cells);
        ports = List.copyOf(ports);
        transports = List.copyOf(transports);
        os = Set.copyOf(os);
        printed = Map.copyOf(printed);
    }

    /** The article's text for a field (an {@link Erratum#FIELDS} name), as printed. */
    public String printed(String field) {
        return printed.getOrDefault(field, "");
    }

    /** The host cell exactly as printed. */
    public String printedHost() {
        return printed("host");
    }
}
