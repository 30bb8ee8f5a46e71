package dev.orchard.catalog;

import dev.orchard.internal.Sanitizer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads the cells of one article row into model values. Where Apple printed something the model cannot take as
 * is (a link's sentence, a footnote mark, an unknown word), it takes the closest reading and leaves a notice
 * naming the line; it never throws and never guesses silently. A row with no readable host or port is left out,
 * with a notice.
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
    /** Printed where a dash was meant ("__" in the 2024-11 French copy and the 2026-08 English one). */
    private static final Set<String> NO_TYPOS = Set.of("__", "_", "--");
    /** A footnote mark after a cell's text: *, †, ‡, superscript digits, [1] or (1). */
    private static final Pattern FOOTNOTE = Pattern.compile("\\s*(?:[*†‡§¹²³⁴⁵⁶⁷⁸⁹⁰]+|\\[\\d{1,2}]|\\(\\d{1,2}\\))$");

    private final String file;
    private final List<String> notices;

    ArticleCells(String file, List<String> notices) {
        this.file = file;
        this.notices = notices;
    }

    /** The row, or null when it has no readable host or port (a notice says why). */
    ArticleRow row(int line, List<String> cells, Map<Column, Integer> columns) {
        Map<String, String> printed = new LinkedHashMap<>();
        for (Column column : Column.values()) {
            Integer index = columns.get(column);
            String cell = index == null || index >= cells.size() ? "" : normalize(cells.get(index));
            printed.put(column.field, cell);
        }
        String host = host(line, printed.get("host"));
        List<Integer> ports = ports(line, printed.get("ports"));
        if (host == null || ports.isEmpty()) {
            return null;
        }
        List<Transport> transports = transports(line, printed.get("transports"));
        Set<OperatingSystem> os = os(line, printed.get("os"));
        String description = withoutFootnote(line, "description", printed.get("description"));
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
        return new ArticleRow(line, cells, host, ports, transports, os, description, proxy, printed);
    }

    /** Non-breaking and other Unicode spaces become plain spaces; runs of spaces become one. */
    static String normalize(String cell) {
        return cell.replaceAll("[\\u00a0\\u2007\\u202f\\u2009\\u200a\\u2002\\u2003\\s]+", " ")
                .replace("\u200b", "").strip();
    }

    private String host(int line, String cell) {
        String host = withoutFootnote(line, "host", cell);
        if (host.contains("/")) {
            String bare = host.replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://", "");
            bare = bare.substring(0, bare.indexOf('/') < 0 ? bare.length() : bare.indexOf('/'));
            notices.add(at(line) + ": host '" + shown(host) + "' is a URL; took its host " + shown(bare));
            host = bare;
        }
        if (!host.equals(host.toLowerCase(Locale.ROOT))) {
            notices.add(at(line) + ": host '" + shown(host) + "' has upper-case letters; read it in lower case");
            host = host.toLowerCase(Locale.ROOT);
        }
        String problem = Validation.hostProblem(host, true);
        if (problem != null) {
            notices.add(at(line) + ": host '" + shown(cell) + "' " + problem + "; left the row out");
            return null;
        }
        return host;
    }

    private List<Integer> ports(int line, String cell) {
        List<Integer> ports = new ArrayList<>();
        String text = withoutFootnote(line, "ports", cell);
        Matcher numbers = Pattern.compile("\\d+").matcher(text);
        while (numbers.find()) {
            String digits = numbers.group();
            int port = digits.length() > 5 ? -1 : Integer.parseInt(digits);
            if (port < 1 || port > 65535) {
                notices.add(at(line) + ": port " + shown(digits) + " is out of range 1 to 65535; left it out");
            } else if (ports.contains(port)) {
                notices.add(at(line) + ": port " + port + " is listed twice; read it once");
            } else {
                ports.add(port);
            }
        }
        String rest = text.replaceAll("\\d+", "").replaceAll("[,;/\\s]|and|et|&", "");
        if (!rest.isEmpty() && !ports.isEmpty()) {
            notices.add(at(line) + ": ports cell '" + shown(cell) + "' holds more than port numbers; read it as "
                    + ports.stream().map(String::valueOf).collect(Collectors.joining(", ")));
        }
        if (ports.isEmpty()) {
            notices.add(at(line) + ": ports cell '" + shown(cell) + "' names no port; left the row out");
        }
        return ports;
    }

    private List<Transport> transports(int line, String cell) {
        List<Transport> transports = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String part : withoutFootnote(line, "transports", cell).split(",|/|\\s+and\\s+|\\s+et\\s+|\\s+")) {
            if (part.isBlank()) {
                continue;
            }
            Optional<Transport> transport = Transport.parse(part);
            if (transport.isEmpty()) {
                unknown.add(part.strip());
            } else if (!transports.contains(transport.get())) {
                transports.add(transport.get());
            }
        }
        if (transports.isEmpty()) {
            transports.add(Transport.TCP);
        }
        if (!unknown.isEmpty() || cell.isBlank()) {
            notices.add(at(line) + ": protocol cell '" + shown(cell) + "' is not TCP, UDP or SSH" + (unknown.isEmpty()
                    ? "" : " ('" + shown(String.join(", ", unknown)) + "' unknown)") + "; read it as "
                    + transports.stream().map(Transport::tag).collect(Collectors.joining(", ")));
        }
        return transports;
    }

    private Set<OperatingSystem> os(int line, String cell) {
        Set<OperatingSystem> os = EnumSet.noneOf(OperatingSystem.class);
        String text = withoutFootnote(line, "os", cell);
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
                notices.add(at(line) + ": '" + shown(name) + "' in OS cell '" + shown(cell)
                        + "' is not a platform (iOS, iPadOS, tvOS, watchOS, macOS, visionOS); left it out");
            } else {
                os.add(parsed.get());
            }
        }
        return os;
    }

    private ProxySupport proxy(int line, String cell) {
        String text = withoutFootnote(line, "proxy", cell);
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
        notices.add(at(line) + ": proxy cell '" + shown(cell) + "' is not Yes/Oui, — or empty (a link or a remark);"
                + " read it as not stated");
        return ProxySupport.NOT_STATED;
    }

    private static Optional<ProxySupport> proxyValue(String text) {
        String wanted = text.strip().toLowerCase(Locale.ROOT);
        if (YES.contains(wanted)) {
            return Optional.of(ProxySupport.YES);
        }
        return NO.contains(wanted) ? Optional.of(ProxySupport.NO) : Optional.empty();
    }

    /** The cell without a trailing footnote mark; the mark is noticed, and the footnote is a note of the import. */
    private String withoutFootnote(int line, String field, String cell) {
        if (cell.length() > 1 && !NO_TYPOS.contains(cell)) {
            Matcher mark = FOOTNOTE.matcher(cell);
            if (mark.find() && mark.start() > 0) {
                notices.add(at(line) + ": " + field + " cell '" + shown(cell) + "' ends with the footnote mark '"
                        + mark.group().strip() + "'; read it without");
                return cell.substring(0, mark.start()).strip();
            }
        }
        return cell;
    }

    /** Outside text quoted in a notice, as the sanitiser quotes it: redacted, escaped, at most 80 characters. */
    static String shown(String text) {
        return Sanitizer.quote(text);
    }

    /** Outside text, control characters removed, at most {@code max} characters. */
    static String shown(String text, int max) {
        String clean = text.replaceAll("\\p{Cntrl}", " ");
        return clean.length() <= max ? clean : clean.substring(0, max) + "…";
    }

    private Location at(int line) {
        return new Location(file, line);
    }
}
