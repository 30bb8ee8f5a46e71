package dev.orchard.probe;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses network values (durations, resolvers, proxies, files, overrides, addresses). Every value is checked up
 * front, and a bad one is reported with the key it came from, the value and what was expected: a pipeline that
 * misspells a value must learn it before any check runs, not through a hundred confusing failures. The keys
 * themselves are read by {@link dev.orchard.config.OrchardSettings}; {@link NetworkValues} is its door in here.
 */
final class NetworkConfiguration {

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration MAX_TIMEOUT = Duration.ofMinutes(10);
    static final int DEFAULT_PARALLELISM = 64;
    static final int MAX_PARALLELISM = 1024;

    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})\\s*(ms|s)?");
    private static final Pattern SERVER_PORT = Pattern.compile("(.*):(\\d{1,5})");

    private NetworkConfiguration() {
    }

    static List<String> split(String value) {
        return Arrays.stream(value.split(",")).map(String::strip).toList();
    }

    /** {@code 5s}, {@code 1500ms} or a number of seconds. */
    static Duration timeout(String key, String value) {
        Matcher m = DURATION.matcher(value.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw bad(key, value, "is not a duration", "e.g. 5s or 1500ms");
        }
        long amount = Long.parseLong(m.group(1));
        Duration duration = "ms".equals(m.group(2)) ? Duration.ofMillis(amount) : Duration.ofSeconds(amount);
        return checkTimeout(key, value, duration);
    }

    static Duration checkTimeout(String key, Object value, Duration duration) {
        if (duration.isZero() || duration.isNegative()) {
            throw bad(key, value, "is not positive", "a duration from 1ms to 10m, e.g. 5s or 1500ms");
        }
        if (duration.compareTo(MAX_TIMEOUT) > 0) {
            throw bad(key, value, "is longer than 10 minutes", "a duration from 1ms to 10m, e.g. 5s or 1500ms");
        }
        return duration;
    }

    static int parallelism(String key, String value) {
        int parallelism;
        try {
            parallelism = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw bad(key, value, "is not a whole number", "a number of checks from 1 to " + MAX_PARALLELISM
                    + ", e.g. 64");
        }
        return checkParallelism(key, parallelism);
    }

    static int checkParallelism(String key, int parallelism) {
        if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
            throw bad(key, parallelism, "is out of range", "a number of checks from 1 to " + MAX_PARALLELISM
                    + ", e.g. 64");
        }
        return parallelism;
    }

    /** {@code ip[:port]}, IPv6 as {@code [::1]:53} or bare {@code ::1}; port 53 when omitted. */
    static List<InetSocketAddress> dnsServers(String key, List<String> values) {
        List<InetSocketAddress> servers = new ArrayList<>();
        for (String raw : values) {
            String item = raw.strip();
            String expected = "DNS servers as ip[:port], comma separated, e.g. 10.0.0.53 or [2001:db8::53]:53";
            Optional<InetAddress> whole = IpLiteral.parse(item);
            if (whole.isPresent()) {
                servers.add(new InetSocketAddress(whole.get(), 53));
                continue;
            }
            Matcher m = SERVER_PORT.matcher(item);
            if (!m.matches()) {
                throw bad(key, item, "is not an IP address with an optional port", expected);
            }
            String host = m.group(1);
            if (host.contains(":") && !host.startsWith("[")) {
                throw bad(key, item, "is ambiguous: an IPv6 address with a port needs brackets", expected);
            }
            InetAddress address = IpLiteral.parse(host)
                    .orElseThrow(() -> bad(key, item, "is not an IP address with an optional port", expected));
            int port = Integer.parseInt(m.group(2));
            if (port < 1 || port > 65535) {
                throw bad(key, item, "has a port out of range", expected);
            }
            servers.add(new InetSocketAddress(address, port));
        }
        if (servers.isEmpty()) {
            throw bad(key, String.join(",", values), "names no server", "DNS servers as ip[:port], comma separated");
        }
        return List.copyOf(servers);
    }

    /** An HTTP proxy URL, or null for {@code none}. */
    static ProxySettings proxy(String key, String value) {
        if (value.strip().equalsIgnoreCase("none")) {
            return null;
        }
        try {
            return ProxySettings.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + ": " + e.getMessage(), e);
        }
    }

    /** An existing, readable PEM file holding at least one certificate. */
    static Path trustAnchors(String key, String value) {
        String expected = "a readable PEM file of CA certificates";
        Path path;
        try {
            path = Path.of(value.strip());
        } catch (InvalidPathException e) {
            throw bad(key, value, "is not a file path", expected);
        }
        if (!Files.isRegularFile(path)) {
            throw bad(key, value, "does not exist or is not a file", expected);
        }
        try (InputStream in = Files.newInputStream(path)) {
            if (CertificateFactory.getInstance("X.509").generateCertificates(in).isEmpty()) {
                throw bad(key, value, "holds no certificate", expected);
            }
        } catch (IOException e) {
            throw bad(key, value, "cannot be read (" + e.getMessage() + ")", expected);
        } catch (CertificateException e) {
            throw bad(key, value, "is not valid PEM (" + e.getMessage() + ")", expected);
        }
        return path;
    }

    static List<ConnectTo> connectTo(String key, List<String> values) {
        try {
            return ConnectTo.parseAll(values);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + ": " + e.getMessage(), e);
        }
    }

    /** IP addresses, comma separated. */
    static List<InetAddress> addresses(String key, List<String> values) {
        List<InetAddress> addresses = new ArrayList<>();
        for (String value : values) {
            addresses.add(IpLiteral.parse(value).orElseThrow(() -> bad(key, value, "is not an IP address",
                    "IP addresses, comma separated, e.g. 10.0.0.1,2001:db8::1")));
        }
        return List.copyOf(addresses);
    }

    private static IllegalArgumentException bad(String key, Object value, String problem, String expected) {
        return new IllegalArgumentException(key + ": '" + value + "' " + problem + "; expected " + expected);
    }
}
