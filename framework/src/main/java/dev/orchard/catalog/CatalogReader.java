package dev.orchard.catalog;

import dev.orchard.catalog.CatalogException.Problem;
import dev.orchard.catalog.YamlNode.Mapping;
import dev.orchard.catalog.YamlNode.Scalar;
import dev.orchard.catalog.YamlNode.Sequence;
import dev.orchard.internal.Sanitizer;
import java.io.Reader;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Turns a catalog YAML file into model records, collecting every problem with its file, line and field, so that
 * a person fixes the whole file in one pass.
 */
final class CatalogReader {

    static final Set<String> TOP_KEYS = Set.of("name", "source", "services", "disable", "probeHosts");
    static final Set<String> SOURCE_KEYS = Set.of("article", "language", "revision");
    static final Set<String> SERVICE_KEYS = Set.of("id", "title", "titleFr", "description", "descriptionFr", "endpoints");
    static final Set<String> ENDPOINT_KEYS = Set.of("host", "ports", "transports", "os", "description",
            "descriptionFr", "proxy", "notes", "probeHosts", "tls", "tags", "errata", "answer");
    static final Set<String> ANSWER_KEYS = Set.of("kind", "path", "issuer", "key");
    static final Set<String> PROBE_HOST_KEYS = Set.of("host", "reason");
    static final Set<String> ERRATUM_KEYS = Set.of("field", "published", "note");
    static final Set<String> DISABLE_KEYS = Set.of("service", "host", "reason");
    static final Set<String> ADDITION_KEYS = Set.of("service", "pattern", "hosts");

    private final String file;
    private final List<Problem> problems = new ArrayList<>();

    private CatalogReader(String file) {
        this.file = file;
    }

    static CatalogFile read(Reader reader, String file) {
        YamlNode root = YamlNode.parse(reader, file);
        CatalogReader catalogReader = new CatalogReader(file);
        CatalogFile result = catalogReader.catalog(root);
        if (!catalogReader.problems.isEmpty()) {
            throw new CatalogException(catalogReader.problems);
        }
        return result;
    }

    /**
     * Reads a known-answers file: a mapping of host to {@code answer} as a catalog row writes it. Errors name the
     * file and line, as for catalogs.
     */
    static Map<String, KnownAnswer> readKnownAnswers(Reader reader, String file) {
        YamlNode root = YamlNode.parse(reader, file);
        CatalogReader catalogReader = new CatalogReader(file);
        Map<String, KnownAnswer> answers = new java.util.LinkedHashMap<>();
        catalogReader.mapping(root, "known answers").ifPresent(map -> map.entries().forEach((host, node) -> {
            catalogReader.construct(node, host, () -> Validation.requirePattern("host", host));
            KnownAnswer answer = catalogReader.answer(node);
            if (answer != null) {
                answers.put(host, answer);
            }
        }));
        if (!catalogReader.problems.isEmpty()) {
            throw new CatalogException(catalogReader.problems);
        }
        return answers;
    }

    /** {@code answer: ocsp-response}, or {@code answer: {kind: der-crl, path: /root.crl, issuer: Apple Root CA}}. */
    private KnownAnswer answer(YamlNode node) {
        if (node instanceof Scalar s && !s.isNull()) {
            Optional<KnownAnswer.Kind> kind = KnownAnswer.Kind.parse(s.text());
            if (kind.isEmpty()) {
                problem(node.line(), "answer", "is '" + s.text() + "'; expected one of " + KnownAnswer.Kind.expected());
                return null;
            }
            return construct(node, "answer", () -> new KnownAnswer(kind.get(), null, null, null));
        }
        Optional<Mapping> found = mapping(node, "answer");
        if (found.isEmpty()) {
            return null;
        }
        Mapping map = found.get();
        int before = problems.size();
        checkKeys(map, ANSWER_KEYS, "answer");
        Optional<String> kindText = text(map, "kind", true);
        Optional<KnownAnswer.Kind> kind = kindText.flatMap(KnownAnswer.Kind::parse);
        if (kindText.isPresent() && kind.isEmpty()) {
            problem(map.entries().get("kind").line(), "kind", "is '" + kindText.get() + "'; expected one of "
                    + KnownAnswer.Kind.expected());
        }
        String path = text(map, "path", false).orElse(null);
        String issuer = text(map, "issuer", false).orElse(null);
        String key = text(map, "key", false).orElse(null);
        if (problems.size() > before || kind.isEmpty()) {
            return null;
        }
        return construct(map, "answer", () -> new KnownAnswer(kind.get(), path, issuer, key));
    }

    private CatalogFile catalog(YamlNode root) {
        Optional<Mapping> top = mapping(root, "catalog");
        if (top.isEmpty()) {
            return null;
        }
        Mapping map = top.get();
        checkKeys(map, TOP_KEYS, "catalog");
        String name = text(map, "name", false).orElse(defaultName());
        Source source = map.entries().containsKey("source") ? source(map.entries().get("source")) : null;
        List<Service> services = new ArrayList<>();
        Map<String, Integer> seenIds = new HashMap<>();
        for (YamlNode node : list(map, "services")) {
            Service service = service(node);
            if (service == null) {
                continue;
            }
            Integer earlier = seenIds.putIfAbsent(service.id(), node.line());
            if (earlier != null) {
                problem(node.line(), "id", "duplicate service id '" + service.id() + "' (first on line " + earlier
                        + "); each service id must be unique in a file");
                continue;
            }
            services.add(service);
        }
        List<CatalogFile.Disable> disables = new ArrayList<>();
        for (YamlNode node : list(map, "disable")) {
            mapping(node, "disable entry").ifPresent(m -> {
                checkKeys(m, DISABLE_KEYS, "disable");
                Optional<String> host = text(m, "host", true);
                Optional<String> reason = text(m, "reason", true);
                String service = text(m, "service", false).orElse(null);
                if (host.isPresent() && reason.isPresent()) {
                    disables.add(new CatalogFile.Disable(service, host.get(), reason.get(), at(m.line())));
                }
            });
        }
        List<CatalogFile.ProbeHostAddition> additions = new ArrayList<>();
        for (YamlNode node : list(map, "probeHosts")) {
            mapping(node, "probeHosts entry").ifPresent(m -> {
                checkKeys(m, ADDITION_KEYS, "probeHosts");
                Optional<String> pattern = text(m, "pattern", true);
                String service = text(m, "service", false).orElse(null);
                List<ProbeHost> hosts = probeHosts(m, "hosts");
                if (pattern.isPresent() && hosts.isEmpty()) {
                    problem(m.line(), "hosts", "is missing; expected a list of hosts to probe for " + pattern.get());
                }
                pattern.ifPresent(p -> additions.add(new CatalogFile.ProbeHostAddition(service, p, hosts, at(m.line()))));
            });
        }
        return new CatalogFile(name, source, services, disables, additions, at(map.line()));
    }

    private String defaultName() {
        String base = file.substring(Math.max(file.lastIndexOf('/'), file.lastIndexOf(':')) + 1);
        return base.replaceFirst("\\.ya?ml$", "");
    }

    private Source source(YamlNode node) {
        Optional<Mapping> found = mapping(node, "source");
        if (found.isEmpty()) {
            return null;
        }
        Mapping map = found.get();
        checkKeys(map, SOURCE_KEYS, "source");
        Optional<String> article = text(map, "article", true);
        Optional<String> language = text(map, "language", true);
        Optional<String> revision = text(map, "revision", true);
        if (article.isEmpty() || language.isEmpty() || revision.isEmpty()) {
            return null;
        }
        return construct(map, "revision", () -> new Source(article.get(), language.get(), revision.get()));
    }

    private Service service(YamlNode node) {
        Optional<Mapping> found = mapping(node, "service");
        if (found.isEmpty()) {
            return null;
        }
        Mapping map = found.get();
        checkKeys(map, SERVICE_KEYS, "service");
        Optional<String> id = text(map, "id", true);
        Optional<String> title = text(map, "title", true);
        if (id.isEmpty() || title.isEmpty()) {
            return null;
        }
        if (validate(map, "id", () -> Validation.requireServiceId(id.get())) == null) {
            return null;
        }
        List<Endpoint> endpoints = new ArrayList<>();
        for (YamlNode endpointNode : list(map, "endpoints")) {
            Endpoint endpoint = endpoint(endpointNode, id.get());
            if (endpoint != null) {
                endpoints.add(endpoint);
            }
        }
        return construct(map, "", () -> new Service(id.get(), title.get(), text(map, "titleFr", false).orElse(""),
                text(map, "description", false).orElse(""), text(map, "descriptionFr", false).orElse(""),
                endpoints, at(map.line())));
    }

    private Endpoint endpoint(YamlNode node, String serviceId) {
        Optional<Mapping> found = mapping(node, "endpoint");
        if (found.isEmpty()) {
            return null;
        }
        Mapping map = found.get();
        int before = problems.size();
        checkKeys(map, ENDPOINT_KEYS, "endpoint");
        Optional<String> host = text(map, "host", true);
        host.ifPresent(h -> validate(map, "host", () -> Validation.requirePattern("host", h)));
        List<Integer> ports = ports(map, "ports", true);
        List<Transport> transports = enums(map, "transports", Transport::parse, "tcp or udp");
        Set<OperatingSystem> os = EnumSet.noneOf(OperatingSystem.class);
        os.addAll(enums(map, "os", OperatingSystem::parse, "ios, ipados, tvos, watchos, macos or visionos"));
        ProxySupport proxy = ProxySupport.NOT_STATED;
        if (map.entries().containsKey("proxy")) {
            YamlNode proxyNode = map.entries().get("proxy");
            String proxyText = proxyNode instanceof Scalar s ? proxyBoolean(s) : null;
            Optional<ProxySupport> parsed = proxyText == null ? Optional.empty() : ProxySupport.parse(proxyText);
            if (parsed.isEmpty()) {
                problem(proxyNode.line(), "proxy", "is " + proxyNode.kind() + "; expected yes, no or not-stated");
            } else {
                proxy = parsed.get();
            }
        }
        List<String> notes = strings(map, "notes");
        List<ProbeHost> probeHosts = probeHosts(map, "probeHosts");
        List<Integer> tls = map.entries().containsKey("tls") ? ports(map, "tls", false) : null;
        List<String> tags = strings(map, "tags");
        for (int i = 0; i < tags.size(); i++) {
            String tag = tags.get(i);
            validate(map, "tags", () -> Validation.requireTag(tag));
        }
        List<Erratum> errata = new ArrayList<>();
        for (YamlNode erratumNode : list(map, "errata")) {
            mapping(erratumNode, "erratum").ifPresent(m -> {
                checkKeys(m, ERRATUM_KEYS, "erratum");
                Optional<String> field = text(m, "field", true);
                Optional<String> note = text(m, "note", true);
                String published = text(m, "published", false).orElse("");
                if (field.isPresent() && note.isPresent()) {
                    Erratum erratum = construct(m, "field", () -> new Erratum(field.get(), published, note.get()));
                    if (erratum != null) {
                        errata.add(erratum);
                    }
                }
            });
        }
        KnownAnswer answer = map.entries().containsKey("answer") ? answer(map.entries().get("answer")) : null;
        if (problems.size() > before || host.isEmpty() || ports.isEmpty()) {
            return null;
        }
        checkProbeHosts(map, host.get(), probeHosts);
        if (problems.size() > before) {
            return null;
        }
        ProxySupport finalProxy = proxy;
        return construct(map, "", () -> new Endpoint(serviceId, host.get(), ports,
                transports.isEmpty() ? List.of(Transport.TCP) : transports, os,
                text(map, "description", false).orElse(""), text(map, "descriptionFr", false).orElse(""),
                finalProxy, notes, probeHosts, tls, tags, errata, null, at(map.line()), answer));
    }

    /** Names the probeHosts field and its line, which the Endpoint constructor cannot know. */
    private void checkProbeHosts(Mapping map, String pattern, List<ProbeHost> probeHosts) {
        YamlNode node = map.entries().get("probeHosts");
        if (probeHosts.isEmpty() && pattern.startsWith("*.")) {
            problem(map.line(), "probeHosts", "is missing; wildcard " + pattern + " needs at least one probe host,"
                    + " a concrete host that devices use under it");
        }
        for (ProbeHost probe : probeHosts) {
            if (!probe.isCoveredBy(pattern)) {
                problem(node == null ? map.line() : node.line(), "probeHosts", "probe host " + probe.host()
                        + " is not covered by " + pattern + (pattern.startsWith("*.")
                        ? "; a *.domain pattern covers names under the domain, not the domain itself"
                        : "; expected the host itself"));
            }
        }
    }

    private static String proxyBoolean(Scalar scalar) {
        return switch (scalar.token()) {
            case VALUE_TRUE -> "yes";
            case VALUE_FALSE -> "no";
            default -> scalar.text();
        };
    }

    private List<ProbeHost> probeHosts(Mapping map, String key) {
        List<ProbeHost> hosts = new ArrayList<>();
        for (YamlNode node : list(map, key)) {
            if (node instanceof Scalar s && !s.isNull()) {
                ProbeHost probe = construct(node, key, () -> new ProbeHost(s.text(), ""));
                if (probe != null) {
                    hosts.add(probe);
                }
                continue;
            }
            mapping(node, key + " entry").ifPresent(m -> {
                checkKeys(m, PROBE_HOST_KEYS, key);
                text(m, "host", true).ifPresent(h -> {
                    ProbeHost probe = construct(m, "host",
                            () -> new ProbeHost(h, text(m, "reason", false).orElse("")));
                    if (probe != null) {
                        hosts.add(probe);
                    }
                });
            });
        }
        return hosts;
    }

    private List<Integer> ports(Mapping map, String key, boolean required) {
        YamlNode node = map.entries().get(key);
        if (node == null) {
            if (required) {
                problem(map.line(), key, "is missing; expected a list of ports such as [443, 80]");
            }
            return List.of();
        }
        List<YamlNode> items = node instanceof Sequence seq ? seq.items() : List.of(node);
        List<Integer> ports = new ArrayList<>();
        for (YamlNode item : items) {
            if (!(item instanceof Scalar s) || s.token() != com.fasterxml.jackson.core.JsonToken.VALUE_NUMBER_INT) {
                problem(item.line(), key, "is " + item.kind() + "; expected a port number from 1 to 65535");
                continue;
            }
            long value = portNumber(s.text());
            if (value < 1 || value > 65535) {
                problem(item.line(), key, "port " + Sanitizer.quote(s.text()) + " is out of range; expected 1 to 65535");
                continue;
            }
            if (ports.contains((int) value)) {
                problem(item.line(), key, "port " + value + " is listed twice");
                continue;
            }
            ports.add((int) value);
        }
        if (required && items.isEmpty()) {
            problem(node.line(), key, "is empty; expected at least one port");
        }
        return ports;
    }

    /** The number, or -1 when it does not fit a long (20 digits) or is not decimal (YAML's 0x1F). */
    private static long portNumber(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private <E extends Enum<E>> List<E> enums(Mapping map, String key, Function<String, Optional<E>> parse,
            String expected) {
        List<E> values = new ArrayList<>();
        YamlNode node = map.entries().get(key);
        if (node == null) {
            return values;
        }
        List<YamlNode> items = node instanceof Sequence seq ? seq.items() : List.of(node);
        for (YamlNode item : items) {
            Optional<E> parsed = item instanceof Scalar s && !s.isNull() ? parse.apply(s.text()) : Optional.empty();
            if (parsed.isEmpty()) {
                problem(item.line(), key, "has " + item.kind() + "; expected " + expected);
            } else if (!values.contains(parsed.get())) {
                values.add(parsed.get());
            }
        }
        return values;
    }

    private List<String> strings(Mapping map, String key) {
        List<String> values = new ArrayList<>();
        YamlNode node = map.entries().get(key);
        if (node == null) {
            return values;
        }
        List<YamlNode> items = node instanceof Sequence seq ? seq.items() : List.of(node);
        for (YamlNode item : items) {
            if (item instanceof Scalar s && !s.isNull()) {
                values.add(s.text());
            } else {
                problem(item.line(), key, "has " + item.kind() + "; expected text");
            }
        }
        return values;
    }

    private List<YamlNode> list(Mapping map, String key) {
        YamlNode node = map.entries().get(key);
        if (node == null || node instanceof Scalar s && s.isNull()) {
            return List.of();
        }
        if (node instanceof Sequence seq) {
            return seq.items();
        }
        problem(node.line(), key, "is " + node.kind() + "; expected a list");
        return List.of();
    }

    private Optional<String> text(Mapping map, String key, boolean required) {
        YamlNode node = map.entries().get(key);
        if (node == null || node instanceof Scalar s && s.isNull()) {
            if (required) {
                problem(node == null ? map.line() : node.line(), key, (node == null ? "is missing" : "is empty")
                        + "; expected " + (key.equals("host") ? "a host name such as mdm.example.com" : "text"));
            }
            return Optional.empty();
        }
        if (node instanceof Scalar s) {
            if (required && s.text().isBlank()) {
                problem(node.line(), key, "is empty; expected "
                        + (key.equals("host") ? "a host name such as mdm.example.com" : "text"));
                return Optional.empty();
            }
            return Optional.of(s.text());
        }
        problem(node.line(), key, "is " + node.kind() + "; expected text");
        return Optional.empty();
    }

    private Optional<Mapping> mapping(YamlNode node, String what) {
        if (node instanceof Mapping m) {
            return Optional.of(m);
        }
        problem(node.line(), "", what + " is " + node.kind() + "; expected a mapping of keys to values");
        return Optional.empty();
    }

    private void checkKeys(Mapping map, Set<String> allowed, String what) {
        for (Map.Entry<String, Integer> key : map.keyLines().entrySet()) {
            if (!allowed.contains(key.getKey())) {
                problem(key.getValue(), key.getKey(), "unknown key in " + what + "; expected one of "
                        + String.join(", ", new TreeSet<>(allowed)));
            }
        }
    }

    private <T> T validate(Mapping map, String field, java.util.function.Supplier<T> check) {
        YamlNode node = map.entries().get(field);
        return construct(node == null ? map : node, field, check);
    }

    private <T> T construct(YamlNode node, String field, java.util.function.Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException | NullPointerException e) {
            problem(node.line(), field, e.getMessage());
            return null;
        }
    }

    private void problem(int line, String field, String message) {
        problems.add(new Problem(at(line), field, message));
    }

    private Location at(int line) {
        return new Location(file, line);
    }
}
