package dev.orchard;

import java.util.List;
import org.apiguardian.api.API;

/**
 * The configuration keys users set with {@code -D}, {@code junit-platform.properties}, Surefire's
 * {@code configurationParameters} or the Maven plugin. Their spelling is a public interface: pipelines depend
 * on it.
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class ConfigurationKeys {

    /** DNS servers as {@code ip[:port]}, comma separated; the system resolver when unset. */
    public static final String DNS_SERVERS = "apple-network.dnsServers";
    /** An HTTP proxy URL, {@code http://[user:password@]host:port}, or {@code none}. */
    public static final String PROXY = "apple-network.proxy";
    /**
     * Hosts reached directly even when a proxy is configured, {@code |} or comma separated, with {@code *}
     * wildcards as in Maven's settings.xml: {@code *.example.com|localhost}.
     */
    public static final String NON_PROXY_HOSTS = "apple-network.nonProxyHosts";
    /**
     * A proxy auto-config (PAC) file that routes each check as devices route it: an {@code http(s)://} URL, a
     * {@code file:} path, or {@code auto} for WPAD discovery through the resolver's search domains. Exclusive with
     * {@link #PROXY} and {@link #NON_PROXY_HOSTS}: the PAC decides host by host.
     */
    public static final String PAC = "apple-network.pac";
    /** A PEM file whose certificates replace the default trust anchors. */
    public static final String TRUST_ANCHORS = "apple-network.trustAnchors";
    /** Connect-to overrides in curl's {@code HOST:PORT:ADDR:PORT} form, comma separated. */
    public static final String CONNECT_TO = "apple-network.connectTo";
    /** Per-check timeout: {@code 5s}, {@code 1500ms}, or a number of seconds. */
    public static final String TIMEOUT = "apple-network.timeout";
    /** How many checks run at once (default 64; at most 4 per host). */
    public static final String PARALLELISM = "apple-network.parallelism";
    /** Extra site catalogs, comma separated: files, or {@code classpath:} resources. */
    public static final String CATALOGS = "apple-network.catalogs";
    /** Extra sinkhole addresses that a DNS filter answers with, comma separated. */
    public static final String SINKHOLES = "apple-network.sinkholes";
    /** Where the results listener writes {@code apple-network-results.json}. */
    public static final String REPORTS_DIRECTORY = "apple-network.reportsDirectory";
    /**
     * Which network the checks run against: {@code real} (default), {@code lab} (the simulated network, healthy),
     * {@code branch-office} (the demo's broken office) or {@code blackhole} (everything dropped, for benchmarks).
     */
    public static final String TARGET = "apple-network.target";
    /**
     * The name of the site a run checks, such as a branch office: recorded in the JSON ({@code settings.site}), the
     * XML properties, the HTML title and the metrics' {@code site} label. Default: this machine's host name.
     */
    public static final String SITE = "apple-network.site";
    /**
     * For {@code aggregate}: the results files to read, comma separated: files, directories (searched for
     * {@code *.json}) or globs such as {@code sites/*}{@code /apple-network-results.json}.
     */
    public static final String RESULTS = "apple-network.results";
    /**
     * A previous results file to compare with (drift): new failures, fixed checks, verdict changes, changed CNAME
     * chains and certificate issuers, addresses that left Apple's ranges, latency that doubled. For
     * {@code aggregate}, files, directories or globs as for {@link #RESULTS}, matched to sites by site name.
     * ({@code catalog-diff} reads a catalog under this key.)
     */
    public static final String BASELINE = "apple-network.baseline";
    /**
     * With a baseline: fail the build only on checks that fail now and did not fail in the baseline, for sites that
     * carry known, accepted failures. Default false.
     */
    public static final String FAIL_ON_NEW_FAILURES = "apple-network.failOnNewFailures";
    /**
     * The IP families checked apart where a host and this machine have both: {@code ipv4,ipv6} (default); or
     * {@code ipv4} or {@code ipv6}, only that family's half.
     */
    public static final String IP_FAMILIES = "apple-network.ipFamilies";

    /**
     * Which bundled revision of Apple's article the checks use: {@code 2026-08} (default, English) or
     * {@code 2024-11} (the French revision Orchard first shipped).
     */
    public static final String REVISION = "apple-network.revision";

    // Keys the Maven plugin alone reads; they are never handed to the engine.

    /** The plugin runs no check ({@code verify}). */
    public static final String SKIP = "apple-network.skip";
    /** Failed checks are reported but do not fail the build ({@code verify}). */
    public static final String TEST_FAILURE_IGNORE = "apple-network.testFailureIgnore";
    /** How many times the plugin reruns failed checks, by unique id ({@code verify}). */
    public static final String RERUN_FAILING_TESTS_COUNT = "apple-network.rerunFailingTestsCount";
    /** Whether selecting no check fails the build ({@code verify}, default true). */
    public static final String FAIL_IF_NO_TESTS = "apple-network.failIfNoTests";
    /** {@code table} or {@code json} ({@code catalog}, {@code catalog-diff}). */
    public static final String FORMAT = "apple-network.format";
    /** A file to write to instead of the log ({@code catalog}, {@code catalog-diff}). */
    public static final String OUTPUT = "apple-network.output";
    /**
     * The newer article {@code catalog-diff} compares with: a saved HTML page, an {@code http(s)://} URL or the
     * text form (pipe tables).
     */
    public static final String ARTICLE = "apple-network.article";
    /** A newer catalog YAML for {@code catalog-diff}. */
    public static final String CATALOG = "apple-network.catalog";
    /** {@code catalog-diff} fails the build when it finds a structural change ({@code true}/{@code false}). */
    public static final String FAIL_ON_CHANGE = "apple-network.failOnChange";
    /** {@code catalog-diff} also prints wording changes (descriptions, titles) on the console. */
    public static final String SHOW_WORDING = "apple-network.showWording";

    /**
     * Every key, for messages that list them. {@link dev.orchard.config.OrchardSettings} declares each one with its
     * type, default and parser; a test checks that the two lists agree.
     */
    public static final List<String> ALL = List.of(DNS_SERVERS, PROXY, NON_PROXY_HOSTS, TRUST_ANCHORS, CONNECT_TO, TIMEOUT,
            PARALLELISM, CATALOGS, SINKHOLES, REPORTS_DIRECTORY, TARGET, PAC, REVISION,
            SKIP, TEST_FAILURE_IGNORE, RERUN_FAILING_TESTS_COUNT, FAIL_IF_NO_TESTS, FORMAT, OUTPUT, BASELINE, ARTICLE,
            CATALOG, FAIL_ON_CHANGE, SHOW_WORDING, SITE, RESULTS, FAIL_ON_NEW_FAILURES, IP_FAMILIES);

    private ConfigurationKeys() {
    }
}
