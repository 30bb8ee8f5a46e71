package dev.orchard;

import java.util.List;

/**
 * The configuration keys users set with {@code -D}, {@code junit-platform.properties}, Surefire's
 * {@code configurationParameters} or the Maven plugin. Their spelling is a public interface: pipelines depend
 * on it.
 */
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
     * The IP families checked apart where a host and this machine have both: {@code ipv4,ipv6} (default); or
     * {@code ipv4} or {@code ipv6}, only that family's half.
     */
    public static final String IP_FAMILIES = "apple-network.ipFamilies";

    /** Every key, for messages that list them. */
    public static final List<String> ALL = List.of(DNS_SERVERS, PROXY, NON_PROXY_HOSTS, TRUST_ANCHORS, CONNECT_TO, TIMEOUT,
            PARALLELISM, CATALOGS, SINKHOLES, REPORTS_DIRECTORY, TARGET, IP_FAMILIES);

    private ConfigurationKeys() {
    }
}
