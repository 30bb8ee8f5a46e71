package dev.orchard.catalog;

import dev.orchard.catalog.Change.Kind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * What changed between two catalogs, such as the bundled one and a new revision of Apple's article, in words an
 * administrator can turn into firewall rules. Rows are matched by service and host pattern.
 *
 * <p>Order is fixed: services in the newer catalog's order, then services only the older one has; within a
 * service, removed rows, added rows, changed fields (ports, transports, os, proxy) and last description changes.
 * Descriptions are compared per language, and only where both catalogs have text in that language, so comparing
 * a French catalog with an English article does not report every row.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class CatalogDiff {

    private final List<Change> changes;

    private CatalogDiff(List<Change> changes) {
        this.changes = List.copyOf(changes);
    }

    public static CatalogDiff between(Catalog older, Catalog newer) {
        List<Change> changes = new ArrayList<>();
        for (Service service : newer.services()) {
            older.findService(service.id()).ifPresentOrElse(
                    old -> rows(old, service, changes),
                    () -> changes.add(new Change(service.id(), "", Kind.SERVICE_ADDED, service.id()
                            + ": added service '" + service.title() + "' with " + rowCount(service))));
        }
        for (Service service : older.services()) {
            if (newer.findService(service.id()).isEmpty()) {
                changes.add(new Change(service.id(), "", Kind.SERVICE_REMOVED, service.id() + ": removed service '"
                        + service.title() + "' and its " + rowCount(service)));
            }
        }
        return new CatalogDiff(changes);
    }

    private static String rowCount(Service service) {
        int n = service.endpoints().size();
        return n + (n == 1 ? " row" : " rows") + (n == 0 ? "" : " ("
                + service.endpoints().stream().map(Endpoint::pattern).collect(Collectors.joining(", ")) + ")");
    }

    private static void rows(Service older, Service newer, List<Change> changes) {
        String id = newer.id();
        Map<String, Endpoint> before = byPattern(older);
        Map<String, Endpoint> after = byPattern(newer);
        before.values().stream().filter(e -> !after.containsKey(e.pattern())).forEach(e -> changes.add(
                new Change(id, e.pattern(), Kind.REMOVED, id + ": removed " + e.pattern())));
        after.values().stream().filter(e -> !before.containsKey(e.pattern())).forEach(e -> changes.add(
                new Change(id, e.pattern(), Kind.ADDED, id + ": added " + e.pattern() + " " + portsText(e))));
        List<Change> descriptions = new ArrayList<>();
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
            description(descriptions, was, now, "description", was.description(), now.description());
            description(descriptions, was, now, "French description", was.descriptionFr(), now.descriptionFr());
        }
        changes.addAll(descriptions);
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
                    now.service() + ": changed " + now.pattern() + " " + name + " " + old + " → " + current));
        }
    }

    private static void description(List<Change> changes, Endpoint was, Endpoint now, String name, String old,
            String current) {
        if (!old.isEmpty() && !current.isEmpty() && !Objects.equals(old, current)) {
            changes.add(new Change(now.service(), now.pattern(), Kind.DESCRIPTION_CHANGED, now.service()
                    + ": changed " + now.pattern() + " " + name + " '" + old + "' → '" + current + "'"));
        }
    }

    private static String portsText(Endpoint endpoint) {
        String transports = endpoint.transports().stream().map(Transport::tag).collect(Collectors.joining("+"));
        return endpoint.ports().stream().map(p -> p + "/" + transports).collect(Collectors.joining(", "));
    }

    private static String join(List<Integer> ports) {
        return ports.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    public List<Change> changes() {
        return changes;
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
