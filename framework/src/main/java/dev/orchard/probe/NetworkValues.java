package dev.orchard.probe;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BiConsumer;
import org.apiguardian.api.API;

/**
 * Checks network values as the probes will read them, for {@link dev.orchard.config.OrchardSettings}, which owns
 * the keys: each method throws {@link IllegalArgumentException} naming {@code key}, the value and what was
 * expected, and otherwise returns the value in the plain form {@link Network.Builder} takes.
 */
@API(status = API.Status.INTERNAL)
public final class NetworkValues {

    private NetworkValues() {
    }

    /** {@code 5s}, {@code 1500ms} or a number of seconds, from 1 ms to 10 minutes. */
    public static Duration timeout(String key, String value) {
        return NetworkConfiguration.timeout(key, value);
    }

    /** A number of checks from 1 to 1024. */
    public static int parallelism(String key, String value) {
        return NetworkConfiguration.parallelism(key, value);
    }

    /** {@code ip[:port]} items, IPv6 as {@code [::1]:53}. */
    public static List<String> dnsServers(String key, String value) {
        return checked(key, value, NetworkConfiguration::dnsServers);
    }

    /** {@code http://[user:password@]host:port} or {@code none}; returned as given, credentials and all. */
    public static String proxy(String key, String value) {
        NetworkConfiguration.proxy(key, value);
        return value.strip();
    }

    /** Host patterns with {@code *} wildcards, separated by {@code |} or commas. */
    /** A PAC location: an {@code http(s)://} URL, a {@code file:} path or {@code auto}. */
    public static String pac(String key, String value) {
        PacSource.parse(key, value.strip());
        return value.strip();
    }

    public static List<String> nonProxyHosts(String key, String value) {
        return NonProxyHosts.parse(key, value).patterns();
    }

    /** An existing, readable PEM file holding at least one certificate. */
    public static Path trustAnchors(String key, String value) {
        return NetworkConfiguration.trustAnchors(key, value);
    }

    /** curl-style {@code HOST:PORT:ADDR:PORT} overrides, comma separated. */
    public static List<String> connectTo(String key, String value) {
        return checked(key, value, NetworkConfiguration::connectTo);
    }

    /** IP addresses, comma separated. */
    public static List<String> addresses(String key, String value) {
        return checked(key, value, NetworkConfiguration::addresses);
    }

    /** The comma-separated items of {@code value}, once {@code check} has accepted them. */
    private static List<String> checked(String key, String value, BiConsumer<String, List<String>> check) {
        List<String> items = NetworkConfiguration.split(value);
        check.accept(key, items);
        return items;
    }

    /** The default per-check timeout. */
    public static Duration defaultTimeout() {
        return NetworkConfiguration.DEFAULT_TIMEOUT;
    }

    /** The default number of checks at once. */
    public static int defaultParallelism() {
        return NetworkConfiguration.DEFAULT_PARALLELISM;
    }
}
