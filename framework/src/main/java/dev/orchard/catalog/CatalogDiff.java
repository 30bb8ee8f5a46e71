package dev.orchard.catalog;

import dev.orchard.catalog.Change.Kind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * What changed between two catalogs, such as the bundled one and a new revision of Apple's article, in words an
 * administrator can turn into firewall rules. Rows are matched by service and host pattern; a host that left one
 * service for another is one change of its {@code service}.
 *
 * <p>Order is fixed: structural changes first (services in the newer catalog's order, then services only the
 * older one has; within a service, removed rows, added rows, changed fields), then wording changes (descriptions,
 * titles). Descriptions are compared per language, and only where both catalogs have text in that language, so
 * comparing a French catalog with an English article does not report every row; titles likewise only between
 * catalogs of one language.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class CatalogDiff {

    private final List<Change> changes;

    private CatalogDiff(List<Change> changes) {
        this.changes = List.copyOf(changes);
    }

    public static CatalogDiff between(Catalog older, Catalog newer) {
        return between(older, newer, List.of());
    }

    /**
     * The diff, with the article's wildcards that have no probe host reported as added rows that need one, so
     * that the diff completes and lists them.
     */
    public static CatalogDiff between(Catalog older, ArticleImport.Conversion newer) {
        return between(older, newer.catalog(), newer.unprobed());
    }

    private static CatalogDiff between(Catalog older, Catalog newer, List<ArticleImport.Unprobed> unprobed) {
        List<Change> changes = new ArrayList<>();
        boolean sameLanguage = older.source().language().equals(newer.source().language());
        for (Service service : newer.services()) {
            older.findService(service.id()).ifPresentOrElse(
                    old -> rows(old, service, changes, sameLanguage),
                    () -> changes.add(new Change(service.id(), "", Kind.SERVICE_ADDED, service.id()
                            + ": added service '" + service.title() + "' with " + rowCount(service), "", "",
                            service.title(), service.location().line(), false)));
        }
        for (ArticleImport.Unprobed row : unprobed) {
            if (older.findService(row.service()).stream().flatMap(s -> s.endpoints().stream())
                    .noneMatch(e -> e.pattern().equals(row.row().host()))) {
                changes.add(new Change(row.service(), row.row().host(), Kind.ADDED, row.service() + ": added "
                        + row.row().host() + " " + portsText(row.row().ports(), row.row().transports())
                        + " (needs a probe host)", "", "", portsText(row.row().ports(), row.row().transports()),
                        row.row().line(), true));
            }
        }
        for (Service service : older.services()) {
            if (newer.findService(service.id()).isEmpty()) {
                changes.add(new Change(service.id(), "", Kind.SERVICE_REMOVED, service.id() + ": removed service '"
                        + service.title() + "' and its " + rowCount(service), "", service.title(), "", 0, false));
            }
        }
        List<Change> moved = moves(changes);
        List<String> order = new ArrayList<>();
        newer.services().forEach(s -> order.add(s.id()));
        older.services().stream().map(Service::id).filter(id -> !order.contains(id)).forEach(order::add);
        moved.sort(Comparator.comparing((Change c) -> !c.structural())
                .thenComparing(c -> order.indexOf(c.service()))
                .thenComparing(c -> c.kind().ordinal()));
        return new CatalogDiff(moved);
    }

    /** A host removed from one service and added to another is one change of its service. */
    private static List<Change> moves(List<Change> changes) {
        List<Change> result = new ArrayList<>(changes);
        for (Change added : changes) {
            if (added.kind() != Kind.ADDED || added.needsProbeHost()) {
                continue;
            }
            Change removed = result.stream().filter(c -> c.kind() == Kind.REMOVED && c.host().equals(added.host())
                    && !c.service().equals(added.service())).findFirst().orElse(null);
            if (removed != null && result.contains(added)) {
                result.remove(removed);
                result.set(result.indexOf(added), new Change(added.service(), added.host(), Kind.CHANGED,
                        added.service() + ": changed " + added.host() + " service " + removed.service() + " → "
                                + added.service(), "service", removed.service(), added.service(), added.line(), false));
            }
        }
        return result;
    }

    private static String rowCount(Service service) {
        int n = service.endpoints().size();
        return n + (n == 1 ? " row" : " rows") + (n == 0 ? "" : " ("
                + service.endpoints().stream().map(Endpoint::pattern).collect(Collectors.joining(", ")) + ")");
    }

    private static void rows(Service older, Service newer, List<Change> changes, boolean sameLanguage) {
        String id = newer.id();
        if (sameLanguage && !older.title().equals(newer.title())) {
            changes.add(new Change(id, "", Kind.TITLE_CHANGED, id + ": changed title '" + older.title() + "' → '"
                    + newer.title() + "'", "title", older.title(), newer.title(), newer.location().line(), false));
        }
        Map<String, Endpoint> before = byPattern(older);
        Map<String, Endpoint> after = byPattern(newer);
        before.values().stream().filter(e -> !after.containsKey(e.pattern())).forEach(e -> changes.add(
                new Change(id, e.pattern(), Kind.REMOVED, id + ": removed " + e.pattern(), "",
                        portsText(e.ports(), e.transports()), "", 0, false)));
        after.values().stream().filter(e -> !before.containsKey(e.pattern())).forEach(e -> changes.add(
                new Change(id, e.pattern(), Kind.ADDED, id + ": added " + e.pattern() + " "
                        + portsText(e.ports(), e.transports()), "", "", portsText(e.ports(), e.transports()),
                        e.location().line(), false)));
        for (Endpoint now : after.values()) {
            Endpoint was = before.get(now.pattern());
            if (was == null) {
                continue;
            }
            field(changes, was, now, "ports", e -> join(e.ports()));
            field(changes, was, now, "transports", e -> e.transports().stream().map(Transport::tag)
                    .collect(Collectors.joining(", ")));
            field(changes, was, now, "os", e -> e.os().isEmpty() ? "none"
                    : e.os().stream().map(OperatingSystem::displayName).collect(Collectors.joining(", ")));
            field(changes, was, now, "proxy", e -> e.proxy().yamlValue());
            description(changes, was, now, "description", was.description(), now.description());
            description(changes, was, now, "French description", was.descriptionFr(), now.descriptionFr());
        }
    }

    private static Map<String, Endpoint> byPattern(Service service) {
        Map<String, Endpoint> rows = new LinkedHashMap<>();
        service.endpoints().forEach(e -> rows.putIfAbsent(e.pattern(), e));
        return rows;
    }

    private static void field(List<Change> changes, Endpoint was, Endpoint now, String name,
            Function<Endpoint, String> text) {
        String old = text.apply(was);
        String current = text.apply(now);
        if (!old.equals(current)) {
            changes.add(new Change(now.service(), now.pattern(), Kind.CHANGED,
                    now.service() + ": changed " + now.pattern() + " " + name + " " + old + " → " + current,
                    name, old, current, now.location().line(), false));
        }
    }

    private static void description(List<Change> changes, Endpoint was, Endpoint now, String name, String old,
            String current) {
        if (!old.isEmpty() && !current.isEmpty() && !Objects.equals(old, current)) {
            changes.add(new Change(now.service(), now.pattern(), Kind.DESCRIPTION_CHANGED, now.service()
                    + ": changed " + now.pattern() + " " + name + " '" + old + "' → '" + current + "'",
                    "description", old, current, now.location().line(), false));
        }
    }

    private static String portsText(List<Integer> ports, List<Transport> transports) {
        String tags = transports.stream().map(Transport::tag).collect(Collectors.joining("+"));
        return ports.stream().map(p -> p + "/" + tags).collect(Collectors.joining(", "));
    }

    private static String join(List<Integer> ports) {
        return ports.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    public List<Change> changes() {
        return changes;
    }

    /** Changes a firewall or proxy sees, in the diff's order. */
    public List<Change> structural() {
        return changes.stream().filter(Change::structural).toList();
    }

    /** Changes of wording only (descriptions, titles), in the diff's order. */
    public List<Change> wording() {
        return changes.stream().filter(c -> !c.structural()).toList();
    }

    /** One sentence per change, in the diff's order. */
    public List<String> lines() {
        return changes.stream().map(Change::text).toList();
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    /** The changes, one per line; "no changes" when there are none. */
    @Override
    public String toString() {
        return changes.isEmpty() ? "no changes" : String.join("\n", lines());
    }
}
