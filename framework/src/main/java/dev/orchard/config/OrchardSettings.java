package dev.orchard.config;

import dev.orchard.ConfigurationKeys;
import dev.orchard.catalog.BundledRevision;
import dev.orchard.probe.FamilyPlan;
import dev.orchard.probe.IpFamily;
import dev.orchard.probe.Network;
import dev.orchard.probe.NetworkValues;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apiguardian.api.API;
import org.junit.platform.engine.ConfigurationParameters;

/**
 * Every {@code apple-network.*} key, read in one place for the engine, the {@code @NetworkTest} extension and the
 * Maven plugin alike: each key's type, parser, default, message and one-line documentation is declared here once,
 * as a {@link Key}. Values come from {@code -D} properties, {@code junit-platform.properties}, Surefire's
 * {@code configurationParameters} or the plugin's parameters; all of them arrive here as text, or typed from the
 * plugin, and a bad value fails with the key, the value and what was expected.
 *
 * <p>A key spelt in no declaration here, such as {@code apple-network.timout}, is an error that suggests the nearest
 * known key: a pipeline that misspells a key must not run as if nothing was said.
 *
 * <p>Instances are immutable: {@link #with} returns a copy.
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class OrchardSettings {

    /** The prefix every key shares; any other key under it is unknown. */
    public static final String PREFIX = "apple-network.";

    /** Who reads a key: the engine (handed to it as a configuration parameter), or the Maven plugin alone. */
    public enum Scope {
        /** Read by the engine and the extension; the plugin passes it on to the launcher. */
        ENGINE,
        /** Read by the plugin's goals only (skip, reruns, output files); never passed to the launcher. */
        PLUGIN
    }

    /** Which network the checks run against ({@link #TARGET}). */
    public enum Target {
        /** The network this machine is on. */
        REAL,
        /** The simulated lab on loopback, healthy. */
        LAB,
        /** The simulated lab as a broken branch office (the demo). */
        BRANCH_OFFICE,
        /** The simulated lab behind a firewall that drops every port (benchmarks). */
        BLACKHOLE;

        /** How users write it: {@code real}, {@code lab}, {@code branch-office}, {@code blackhole}. */
        public String spelling() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** Whether the checks run against the simulated lab rather than a real network. */
        public boolean simulated() {
            return this != REAL;
        }

        /** Parses a spelling; {@code source} (a key or an annotation) starts the message of a bad value. */
        public static Target parse(String source, String value) {
            String wanted = value.strip().toLowerCase(Locale.ROOT).replace('_', '-');
            return Arrays.stream(values()).filter(t -> t.spelling().equals(wanted)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(source + ": '" + value + "' is not a target; "
                            + "expected real, lab, branch-office or blackhole"));
        }
    }

    /**
     * One key: its name, who reads it, how its text is parsed and printed back, its default and what it means.
     *
     * @param <T> the value's type
     */
    public static final class Key<T> {
        private final String name;
        private final Scope scope;
        private final BiFunction<String, String, T> parser;
        private final Function<T, String> printer;
        private final T defaultValue;
        private final String example;
        private final String doc;

        private Key(String name, Scope scope, BiFunction<String, String, T> parser, Function<T, String> printer,
                T defaultValue, String example, String doc) {
            this.name = name;
            this.scope = scope;
            this.parser = parser;
            this.printer = printer;
            this.defaultValue = defaultValue;
            this.example = example;
            this.doc = doc;
        }

        public String name() {
            return name;
        }

        public Scope scope() {
            return scope;
        }

        /** The value when the key is unset; empty when unset means "none" (no proxy, the system resolver …). */
        public Optional<T> defaultValue() {
            return Optional.ofNullable(defaultValue);
        }

        /** A value as users write it, such as {@code 1500ms}; it parses (files aside, which must exist). */
        public String example() {
            return example;
        }

        /** One line for people: what the key means and how it is written. */
        public String doc() {
            return doc;
        }

        /** Parses a non-blank text; a bad one throws {@link IllegalArgumentException} naming this key. */
        public T parse(String text) {
            return parser.apply(name, text.strip());
        }

        /** The text that {@link #parse} reads back as {@code value}. */
        public String print(T value) {
            return printer.apply(value);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    // The declarations, in the order messages and docs list them. Adding a key is one declaration here: its name
    // (from ConfigurationKeys, where its spelling is public), who reads it, a parser from text (which throws
    // IllegalArgumentException naming the key), a printer back to text, the default (null: unset means none), an
    // example and one line of documentation. A test checks that these and ConfigurationKeys.ALL agree.
    private static final List<Key<?>> DECLARED = new ArrayList<>();

    /** {@value ConfigurationKeys#DNS_SERVERS}: resolvers as {@code ip[:port]}; the system resolver when unset. */
    public static final Key<List<String>> DNS_SERVERS = engine(ConfigurationKeys.DNS_SERVERS,
            NetworkValues::dnsServers, OrchardSettings::commas, null,
            "10.0.0.53,[2001:db8::53]:53",
            "DNS servers as ip[:port], comma separated; the system resolver when unset");
    /** {@value ConfigurationKeys#PROXY}: an HTTP proxy URL, or {@code none}. */
    public static final Key<String> PROXY = engine(ConfigurationKeys.PROXY, NetworkValues::proxy,
            Function.identity(), null,
            "http://proxy.corp.example:3128", "HTTP proxy http://[user:password@]host:port, or none");
    /** {@value ConfigurationKeys#NON_PROXY_HOSTS}: hosts reached directly despite the proxy. */
    public static final Key<List<String>> NON_PROXY_HOSTS = engine(ConfigurationKeys.NON_PROXY_HOSTS,
            NetworkValues::nonProxyHosts, hosts -> String.join("|", hosts), null,
            "*.corp.example|localhost",
            "hosts reached directly despite the proxy, | or comma separated, * wildcards: *.example.com|localhost");
    /** {@value ConfigurationKeys#PAC}: a proxy auto-config file that routes each web check. */
    public static final Key<String> PAC = engine(ConfigurationKeys.PAC, NetworkValues::pac,
            Function.identity(), null,
            "http://wpad.corp.example/wpad.dat",
            "a PAC file routing each web check: http(s):// URL, file: path, or auto (WPAD); not with proxy or"
                    + " nonProxyHosts");
    /** {@value ConfigurationKeys#TRUST_ANCHORS}: a PEM file replacing the default trust anchors. */
    public static final Key<Path> TRUST_ANCHORS = engine(ConfigurationKeys.TRUST_ANCHORS,
            NetworkValues::trustAnchors, Path::toString, null,
            "certs/roots.pem",
            "a PEM file whose certificates replace the default trust anchors (JDK roots plus Apple's)");
    /** {@value ConfigurationKeys#CONNECT_TO}: curl-style connect-to overrides. */
    public static final Key<List<String>> CONNECT_TO = engine(ConfigurationKeys.CONNECT_TO,
            NetworkValues::connectTo, OrchardSettings::commas, null,
            "gdmf.apple.com:443:10.1.2.3:443",
            "connect-to overrides HOST:PORT:ADDR:PORT, comma separated");
    /** {@value ConfigurationKeys#TIMEOUT}: the per-check timeout. */
    public static final Key<Duration> TIMEOUT = engine(ConfigurationKeys.TIMEOUT, NetworkValues::timeout,
            d -> d.toMillis() + "ms", NetworkValues.defaultTimeout(),
            "1500ms",
            "per-check timeout: 5s, 1500ms or a number of seconds (default 5s)");
    /** {@value ConfigurationKeys#PARALLELISM}: how many checks run at once. */
    public static final Key<Integer> PARALLELISM = engine(ConfigurationKeys.PARALLELISM,
            NetworkValues::parallelism, String::valueOf, NetworkValues.defaultParallelism(),
            "16",
            "how many checks run at once, 1 to 1024 (default 64; at most 4 per host)");
    /** {@value ConfigurationKeys#CATALOGS}: site catalogs added to Apple's list. */
    public static final Key<List<String>> CATALOGS = engine(ConfigurationKeys.CATALOGS, OrchardSettings::items,
            OrchardSettings::commas, List.of(),
            "src/test/site-catalog.yaml,classpath:more.yaml", "site catalogs, comma separated: files or classpath: resources");
    /** {@value ConfigurationKeys#SINKHOLES}: addresses a DNS filter answers with. */
    public static final Key<List<String>> SINKHOLES = engine(ConfigurationKeys.SINKHOLES, NetworkValues::addresses,
            OrchardSettings::commas, List.of(),
            "10.10.10.10,2001:db8::10", "extra DNS sinkhole addresses, comma separated");
    /** {@value ConfigurationKeys#REPORTS_DIRECTORY}: where the reports are written. */
    public static final Key<Path> REPORTS_DIRECTORY = engine(ConfigurationKeys.REPORTS_DIRECTORY,
            OrchardSettings::path, Path::toString, null,
            "target/net",
            "where apple-network-results.json, TEST-apple-network.*.xml and index.html go");
    /** {@value ConfigurationKeys#TARGET}: which network the checks run against. */
    public static final Key<Target> TARGET = engine(ConfigurationKeys.TARGET, (key, v) -> Target.parse(key, v),
            Target::spelling, Target.REAL,
            "branch-office", "real (default), lab, branch-office or blackhole");

    /** {@value ConfigurationKeys#IP_FAMILIES}: the IP families checked apart. */
    public static final Key<Set<IpFamily>> IP_FAMILIES = engine(ConfigurationKeys.IP_FAMILIES,
            (key, v) -> FamilyPlan.configured(k -> Optional.of(v)),
            families -> families.stream().map(IpFamily::tag).collect(Collectors.joining(",")),
            EnumSet.allOf(IpFamily.class),
            "ipv4", "ipv4,ipv6 (default: each port check once per family where both are routable), ipv4 or ipv6");

    /** {@value ConfigurationKeys#REVISION}: which bundled revision of Apple's article the checks use. */
    public static final Key<BundledRevision> REVISION = engine(ConfigurationKeys.REVISION,
            (key, v) -> BundledRevision.of(v), BundledRevision::revision, BundledRevision.current(),
            "2024-11", "the bundled revision of Apple's article: 2026-08 (default) or 2024-11");

    /** {@value ConfigurationKeys#SITE}: the name reports and metrics give this run's place in the network. */
    public static final Key<String> SITE = engine(ConfigurationKeys.SITE, OrchardSettings::text,
            Function.identity(), null,
            "paris-office", "the site name recorded in reports and metrics (default: this machine's host name)");

    /** {@value ConfigurationKeys#SKIP}: the plugin runs nothing. */
    public static final Key<Boolean> SKIP = plugin(ConfigurationKeys.SKIP, OrchardSettings::bool,
            String::valueOf, false,
            "true", "skips the checks (plugin)");
    /** {@value ConfigurationKeys#TEST_FAILURE_IGNORE}: failed checks do not fail the build. */
    public static final Key<Boolean> TEST_FAILURE_IGNORE = plugin(ConfigurationKeys.TEST_FAILURE_IGNORE,
            OrchardSettings::bool, String::valueOf, false,
            "true", "reports failed checks but passes the build (plugin)");
    /** {@value ConfigurationKeys#RERUN_FAILING_TESTS_COUNT}: how often the plugin reruns failed checks. */
    public static final Key<Integer> RERUN_FAILING_TESTS_COUNT = plugin(ConfigurationKeys.RERUN_FAILING_TESTS_COUNT,
            OrchardSettings::reruns, String::valueOf, 0,
            "2", "reruns failed checks up to N times (plugin, default 0)");
    /** {@value ConfigurationKeys#FAIL_IF_NO_TESTS}: whether selecting no check fails the build. */
    public static final Key<Boolean> FAIL_IF_NO_TESTS = plugin(ConfigurationKeys.FAIL_IF_NO_TESTS,
            OrchardSettings::bool, String::valueOf, true,
            "false", "fails the build when no check is selected (plugin)");
    /** {@value ConfigurationKeys#FORMAT}: how catalog and catalog-diff print. */
    public static final Key<String> FORMAT = plugin(ConfigurationKeys.FORMAT, OrchardSettings::format,
            Function.identity(), "table",
            "json", "table (default) or json, for catalog and catalog-diff (plugin)");
    /** {@value ConfigurationKeys#OUTPUT}: a file instead of the log. */
    public static final Key<Path> OUTPUT = plugin(ConfigurationKeys.OUTPUT, OrchardSettings::path, Path::toString,
            null,
            "target/rows.json", "a file to write catalog or catalog-diff output to instead of the log (plugin)");
    /** {@value ConfigurationKeys#BASELINE}: a previous results file (verify, aggregate) or catalog (catalog-diff). */
    public static final Key<String> BASELINE = plugin(ConfigurationKeys.BASELINE, OrchardSettings::text,
            Function.identity(), null,
            "last-week/apple-network-results.json", "verify and aggregate: previous results to report drift against;"
                    + " catalog-diff: the catalog it compares from (plugin)");
    /** {@value ConfigurationKeys#RESULTS}: the results files aggregate reads. */
    public static final Key<String> RESULTS = plugin(ConfigurationKeys.RESULTS, OrchardSettings::text,
            Function.identity(), null,
            "sites/*/apple-network-results.json", "aggregate: results files, directories or globs, comma separated"
                    + " (plugin)");
    /** {@value ConfigurationKeys#FAIL_ON_NEW_FAILURES}: with a baseline, fail only on new failures. */
    public static final Key<Boolean> FAIL_ON_NEW_FAILURES = plugin(ConfigurationKeys.FAIL_ON_NEW_FAILURES,
            OrchardSettings::bool, String::valueOf, false,
            "true", "with a baseline, fails the build only on checks that did not fail in it (plugin)");
    /** {@value ConfigurationKeys#ARTICLE}: the newer article catalog-diff compares with (file or URL). */
    public static final Key<String> ARTICLE = plugin(ConfigurationKeys.ARTICLE, OrchardSettings::text,
            Function.identity(), null,
            "https://support.apple.com/en-us/101555",
            "the newer article for catalog-diff: a saved HTML page, an http(s):// URL or the text form (plugin)");
    /** {@value ConfigurationKeys#CATALOG}: a newer catalog YAML for catalog-diff. */
    public static final Key<Path> CATALOG = plugin(ConfigurationKeys.CATALOG, OrchardSettings::path,
            Path::toString, null,
            "new.yaml", "a newer catalog YAML for catalog-diff (plugin)");
    /** {@value ConfigurationKeys#FAIL_ON_CHANGE}: catalog-diff fails the build on a structural change. */
    public static final Key<Boolean> FAIL_ON_CHANGE = plugin(ConfigurationKeys.FAIL_ON_CHANGE,
            OrchardSettings::bool, String::valueOf, false,
            "true", "catalog-diff fails the build when it finds a structural change (plugin)");
    /** {@value ConfigurationKeys#SHOW_WORDING}: catalog-diff also prints wording changes. */
    public static final Key<Boolean> SHOW_WORDING = plugin(ConfigurationKeys.SHOW_WORDING,
            OrchardSettings::bool, String::valueOf, false,
            "true", "catalog-diff also prints wording changes (descriptions, titles) on the console (plugin)");

    private static final OrchardSettings DEFAULTS = new OrchardSettings(Map.of());

    private final Map<Key<?>, Object> values;

    private OrchardSettings(Map<Key<?>, Object> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    private static <T> Key<T> engine(String name, BiFunction<String, String, T> parser, Function<T, String> printer,
            T defaultValue, String example, String doc) {
        return declare(new Key<>(name, Scope.ENGINE, parser, printer, defaultValue, example, doc));
    }

    private static <T> Key<T> plugin(String name, BiFunction<String, String, T> parser, Function<T, String> printer,
            T defaultValue, String example, String doc) {
        return declare(new Key<>(name, Scope.PLUGIN, parser, printer, defaultValue, example, doc));
    }

    private static <T> Key<T> declare(Key<T> key) {
        DECLARED.add(key);
        return key;
    }

    // ---- reading ----

    /** Every key, in declaration order. */
    public static List<Key<?>> keys() {
        return List.copyOf(DECLARED);
    }

    /** The key of this name, if it is one. */
    public static Optional<Key<?>> key(String name) {
        return DECLARED.stream().filter(k -> k.name().equals(name)).findFirst();
    }

    /** No key set: every value is its default. */
    public static OrchardSettings defaults() {
        return DEFAULTS;
    }

    /**
     * Reads the engine's keys from a launcher's configuration parameters (explicit ones, {@code -D} system
     * properties and {@code junit-platform.properties}); fails on an unknown {@code apple-network.*} key or a bad
     * value.
     */
    public static OrchardSettings from(ConfigurationParameters parameters) {
        Objects.requireNonNull(parameters, "parameters");
        return read(parameters.keySet(), parameters::get);
    }

    /** Reads the engine's keys from a map of texts, such as the plugin hands to the launcher. */
    public static OrchardSettings from(Map<String, String> parameters) {
        return read(parameters.keySet(), key -> Optional.ofNullable(parameters.get(key)));
    }

    /**
     * Reads the engine's keys through {@code lookup}; {@code present} names the keys the source holds, so an unknown
     * one can be reported (JUnit's extension context, for instance, only answers lookups).
     */
    public static OrchardSettings read(Collection<String> present, Function<String, Optional<String>> lookup) {
        requireKnown(present);
        OrchardSettings settings = DEFAULTS;
        for (Key<?> key : DECLARED) {
            if (key.scope() != Scope.ENGINE) {
                continue;
            }
            Optional<String> text = lookup.apply(key.name());
            if (text != null && text.isPresent() && !text.get().isBlank()) {
                settings = settings.withText(key, text.get());
            }
        }
        settings.requireConsistent();
        return settings;
    }

    /**
     * Fails on keys that contradict each other: a PAC file decides each host's proxy, so a proxy or nonProxyHosts
     * beside it would contradict it.
     */
    private void requireConsistent() {
        if (!isSet(PAC)) {
            return;
        }
        for (Key<?> other : List.of(PROXY, NON_PROXY_HOSTS)) {
            if (isSet(other)) {
                throw new IllegalArgumentException(PAC.name() + " and " + other.name() + " are both set: the PAC"
                        + " file decides each host's proxy, so " + other.name() + " would contradict it; unset "
                        + other.name() + " (a PAC sends hosts direct by returning \"DIRECT\" for them)");
            }
        }
    }

    /**
     * Fails when a name starts with {@value #PREFIX} but is no declared key, naming the nearest known key: a
     * misspelt key must not run as if it was not given.
     */
    public static void requireKnown(Collection<String> names) {
        List<String> unknown = names.stream().filter(n -> n.startsWith(PREFIX))
                .filter(n -> key(n).isEmpty()).sorted().toList();
        if (unknown.isEmpty()) {
            return;
        }
        List<String> lines = new ArrayList<>();
        for (String name : unknown) {
            lines.add(name + " is not a known key" + nearest(name).map(k -> "; did you mean " + k + "?").orElse(""));
        }
        throw new IllegalArgumentException(String.join("\n", lines) + "\nKnown keys: "
                + DECLARED.stream().map(Key::name).collect(Collectors.joining(", ")));
    }

    /** The declared key closest to {@code name} by edit distance, ignoring case, when it is close enough. */
    static Optional<String> nearest(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        return DECLARED.stream().map(Key::name)
                .min(Comparator.comparingInt(k -> distance(wanted, k.toLowerCase(Locale.ROOT))))
                .filter(k -> distance(wanted, k.toLowerCase(Locale.ROOT))
                        <= Math.max(2, (k.length() - PREFIX.length()) / 3));
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    // ---- values ----

    /** A copy with {@code key} set to {@code value}; null unsets it. */
    public <T> OrchardSettings with(Key<T> key, T value) {
        Map<Key<?>, Object> copy = new LinkedHashMap<>(values);
        if (value == null) {
            copy.remove(key);
        } else {
            copy.put(key, value);
        }
        return new OrchardSettings(copy);
    }

    /** A copy with {@code key} parsed from text; null or blank unsets it. */
    public <T> OrchardSettings withText(Key<T> key, String text) {
        return with(key, text == null || text.isBlank() ? null : key.parse(text));
    }

    /** The value of {@code key}, or its default. */
    @SuppressWarnings("unchecked")
    public <T> Optional<T> get(Key<T> key) {
        Object value = values.get(key);
        return value != null ? Optional.of((T) value) : key.defaultValue();
    }

    /** Whether {@code key} was given rather than defaulted. */
    public boolean isSet(Key<?> key) {
        return values.containsKey(key);
    }

    public Target target() {
        return get(TARGET).orElseThrow();
    }

    public List<String> catalogs() {
        return get(CATALOGS).orElseThrow();
    }

    public Optional<Path> reportsDirectory() {
        return get(REPORTS_DIRECTORY);
    }

    public Duration timeout() {
        return get(TIMEOUT).orElseThrow();
    }

    public int parallelism() {
        return get(PARALLELISM).orElseThrow();
    }

    /**
     * The engine keys that were set, as the launcher's configuration parameters: {@link #from(Map)} reads them back
     * to equal settings.
     */
    public Map<String, String> toParameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (Key<?> key : DECLARED) {
            if (key.scope() == Scope.ENGINE && values.containsKey(key)) {
                parameters.put(key.name(), printed(key));
            }
        }
        return Collections.unmodifiableMap(parameters);
    }

    @SuppressWarnings("unchecked")
    private <T> String printed(Key<T> key) {
        return key.print((T) values.get(key));
    }

    // ---- the network ----

    /** The real network these settings describe: resolvers, proxy, trust anchors, overrides and limits. */
    public Network network() {
        requireConsistent();
        Network.Builder builder = Network.builder();
        get(DNS_SERVERS).ifPresent(builder::dnsServers);
        get(PROXY).ifPresent(builder::proxy);
        get(NON_PROXY_HOSTS).ifPresent(builder::nonProxyHosts);
        get(PAC).ifPresent(builder::pac);
        get(TRUST_ANCHORS).ifPresent(builder::trustAnchors);
        get(CONNECT_TO).ifPresent(builder::connectTo);
        return withLimits(builder).build();
    }

    /**
     * Applies the timeout, parallelism and sinkholes, but nothing that says where the network is: how the lab takes
     * these settings.
     */
    public Network.Builder withLimits(Network.Builder builder) {
        builder.timeout(timeout()).parallelism(parallelism());
        if (isSet(SINKHOLES)) {
            builder.sinkholes(get(SINKHOLES).orElseThrow());
        }
        return builder;
    }

    /** Names the keys set, never their values: a proxy URL may carry a password. */
    @Override
    public String toString() {
        return "OrchardSettings" + values.keySet().stream().map(Key::name).collect(Collectors.toCollection(TreeSet::new));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OrchardSettings o && values.equals(o.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    // ---- parsers shared by several keys ----

    private static List<String> items(String key, String value) {
        return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String commas(List<String> items) {
        return String.join(",", items);
    }

    private static Path path(String key, String value) {
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException(key + ": '" + value + "' is not a file path (" + e.getReason() + ")");
        }
    }

    private static String text(String key, String value) {
        return value.strip();
    }

    private static Boolean bool(String key, String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(key + ": '" + value + "' is not true or false");
        };
    }

    private static Integer reruns(String key, String value) {
        try {
            int count = Integer.parseInt(value);
            if (count >= 0) {
                return count;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(key + ": '" + value
                + "' is not a count; expected how many times to rerun failed checks, 0 or more, such as 2");
    }

    private static String format(String key, String value) {
        String wanted = value.toLowerCase(Locale.ROOT);
        if (Set.of("table", "json").contains(wanted)) {
            return wanted;
        }
        throw new IllegalArgumentException(key + ": '" + value + "' is not a format; expected table or json");
    }
}
