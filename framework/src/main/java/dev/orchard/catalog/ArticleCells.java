package dev.orchard.catalog;

import dev.orchard.catalog.CatalogException.Problem;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the cells of one article row into model values. Where Apple printed something the model cannot take as
 * is, it converts it and leaves a notice; where it cannot convert, it reports a problem. It never guesses
 * silently.
 */
final class ArticleCells {

    /** The columns of a table, in the model's order; each header name is accepted in French or English. */
    enum Column {
        HOST("host", "hôtes", "hosts", "hôte", "host"),
        PORTS("ports", "ports", "port"),
        TRANSPORTS("transports", "protocole", "protocol", "protocoles", "protocols"),
        OS("os", "système d’exploitation", "os", "operating system", "système d'exploitation"),
        DESCRIPTION("description", "description"),
        PROXY("proxy", "prend en charge les proxys", "supports proxies", "supports proxy");

        final String field;
        final List<String> headers;

        Column(String field, String... headers) {
            this.field = field;
            this.headers = List.of(headers);
        }

        static Optional<Column> ofHeader(String header) {
            String wanted = header.strip().toLowerCase(Locale.ROOT).replace('’', '\'');
            for (Column column : values()) {
                if (column.headers.stream().anyMatch(h -> h.replace('’', '\'').equals(wanted))) {
                    return Optional.of(column);
                }
            }
            return Optional.empty();
        }
    }

    private static final Set<String> NO = Set.of("—", "-", "–", "no", "non");
    private static final Set<String> YES = Set.of("oui", "yes");
    /** Printed where a dash was meant ("__" in the 2024-11 French copy). */
    private static final Set<String> NO_TYPOS = Set.of("__", "_", "--");

    private final String file;
    private final List<Problem> problems;
    private final List<String> notices;

    ArticleCells(String file, List<Problem> problems, List<String> notices) {
        this.file = file;
        this.problems = problems;
        this.notices = notices;
    }

    /** The row, or null when a cell cannot be read (the problem is recorded). */
    ArticleRow row(int line, List<String> cells, Map<Column, Integer> columns) {
        int before = problems.size();
        Map<String, String> printed = new LinkedHashMap<>();
        for (Column column : Column.values()) {
            printed.put(column.field, cells.get(columns.get(column)));
        }
        String host = host(line, printed.get("host"));
        List<Integer> ports = ports(line, printed.get("ports"));
        List<Transport> transports = transports(line, printed.get("transports"));
        Set<OperatingSystem> os = os(line, printed.get("os"));
        String description = printed.get("description");
        String proxyCell = printed.get("proxy");
        ProxySupport proxy;
        if (proxyCell.isEmpty() && proxyValue(description).isPresent()) {
            proxy = proxyValue(description).get();
            notices.add(at(line) + ": the description cell holds the proxy value '" + description
                    + "' and the proxy cell is empty; read it as proxy " + proxy.yamlValue()
                    + " with no description");
            printed.put("proxy", description);
            description = "";
        } else {
            proxy = proxy(line, proxyCell);
        }
        if (problems.size() > before) {
            return null;
        }
        return new ArticleRow(line, cells, host, ports, transports, os, description, proxy, printed);
    }

    private String host(int line, String cell) {
        String host = cell.strip();
        if (host.contains("/")) {
            String bare = host.replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://", "");
            bare = bare.substring(0, bare.indexOf('/') < 0 ? bare.length() : bare.indexOf('/'));
            notices.add(at(line) + ": host '" + host + "' is a URL; took its host " + bare);
            host = bare;
        }
        String problem = Validation.hostProblem(host, true);
        if (problem != null) {
            problem(line, "host", "'" + cell + "' " + problem);
        }
        return host;
    }

    private List<Integer> ports(int line, String cell) {
        List<Integer> ports = new ArrayList<>();
        for (String part : cell.split(",")) {
            String text = part.strip();
            int port;
            try {
                port = Integer.parseInt(text);
            } catch (NumberFormatException e) {
                problem(line, "ports", "'" + cell + "' is not a list of port numbers; expected ports such as 443, 80");
                return List.of();
            }
            if (port < 1 || port > 65535) {
                problem(line, "ports", "port " + port + " is out of range; expected 1 to 65535");
            } else if (ports.contains(port)) {
                problem(line, "ports", "port " + port + " is listed twice in '" + cell + "'");
            } else {
                ports.add(port);
            }
        }
        return ports;
    }

    private List<Transport> transports(int line, String cell) {
        List<Transport> transports = new ArrayList<>();
        for (String part : cell.split(",")) {
            Optional<Transport> transport = Transport.parse(part);
            if (transport.isEmpty()) {
                problem(line, "transports", "'" + cell + "' is not a protocol; expected TCP, UDP, TCP, UDP or SSH");
                return List.of();
            }
            if (!transports.contains(transport.get())) {
                transports.add(transport.get());
            }
        }
        return transports;
    }

    private Set<OperatingSystem> os(int line, String cell) {
        Set<OperatingSystem> os = EnumSet.noneOf(OperatingSystem.class);
        String text = cell.strip();
        if (NO.contains(text) || text.isEmpty()) {
            return os;
        }
        text = text.replaceAll("(?i)\\s+(uniquement|only)$", "");
        for (String part : text.split(",|\\s+et\\s+|\\s+and\\s+")) {
            String name = part.strip().replaceFirst("(?i)^(et|and)\\s+", "");
            if (name.isEmpty()) {
                continue;
            }
            Optional<OperatingSystem> parsed = OperatingSystem.parse(name);
            if (parsed.isEmpty()) {
                problem(line, "os", "'" + name + "' in '" + cell
                        + "' is not a platform; expected iOS, iPadOS, tvOS, watchOS, macOS or visionOS");
            } else {
                os.add(parsed.get());
            }
        }
        return os;
    }

    private ProxySupport proxy(int line, String cell) {
        String text = cell.strip();
        if (text.isEmpty()) {
            return ProxySupport.NOT_STATED;
        }
        Optional<ProxySupport> value = proxyValue(text);
        if (value.isPresent()) {
            return value.get();
        }
        if (NO_TYPOS.contains(text)) {
            notices.add(at(line) + ": proxy cell '" + text + "' read as '—' (no)");
            return ProxySupport.NO;
        }
        problem(line, "proxy", "'" + cell + "' is not a proxy value; expected Oui/Yes, — (no) or an empty cell");
        return ProxySupport.NOT_STATED;
    }

    private static Optional<ProxySupport> proxyValue(String text) {
        String wanted = text.strip().toLowerCase(Locale.ROOT);
        if (YES.contains(wanted)) {
            return Optional.of(ProxySupport.YES);
        }
        return NO.contains(wanted) ? Optional.of(ProxySupport.NO) : Optional.empty();
    }

    private void problem(int line, String field, String message) {
        problems.add(new Problem(at(line), field, message));
    }

    private Location at(int line) {
        return new Location(file, line);
    }
}
