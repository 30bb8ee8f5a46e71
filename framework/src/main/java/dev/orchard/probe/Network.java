package dev.orchard.probe;

import dev.orchard.catalog.Endpoint;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The network as Apple devices on it see it: which resolver they use, which proxy, which roots they trust, and
 * how long they wait. Every probe runs through a {@code Network}. SKELETON: bodies are being implemented.
 */
public final class Network implements AutoCloseable {

    private Network() {
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads the {@code apple-network.*} keys (see {@link dev.orchard.ConfigurationKeys}); a bad value throws
     * {@link IllegalArgumentException} whose message names the key and what was expected.
     */
    public static Network fromConfiguration(Function<String, Optional<String>> parameters) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    public ProbeResult dns(String host) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    public ProbeResult tcp(String host, int port) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    public ProbeResult tls(String host, int port) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    public ProbeResult http(String host, int port) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    public ProbeResult ntp(String host) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    public ProbeResult quic(String host, int port) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    public ProbeResult ssh(String host, int port) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    public ProbeResult doh(String host) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Runs one check as a device would route it for this row: through the proxy when the row allows one. */
    public ProbeResult check(Endpoint endpoint, String host, Check check) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /**
     * Runs many checks concurrently within the parallelism and per-host bounds. A failed prerequisite (the host's
     * DNS, the port's TCP) makes dependent checks skipped, naming its verdict. {@code listener} hears each result
     * as it completes; the returned list is in the order of {@code targets}.
     */
    public List<ProbeResult> runAll(List<CheckTarget> targets, BiConsumer<CheckTarget, ProbeResult> listener) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** The settings, with proxy credentials removed, as reports print them. */
    public NetworkSettings settings() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public void close() {
    }

    /** Builds a network in code; the lab and site tests use it. */
    public static final class Builder {
        private Builder() {
        }

        /** DNS servers as {@code ip[:port]}; the system resolver when none. */
        public Builder dnsServers(List<String> servers) {
            return this;
        }

        /** {@code http://[user:password@]host:port}. */
        public Builder proxy(String proxyUrl) {
            return this;
        }

        /** A PEM file whose certificates replace the default anchors (JDK roots plus Apple's roots). */
        public Builder trustAnchors(Path pemFile) {
            return this;
        }

        /** PEM text whose certificates replace the default anchors. */
        public Builder trustAnchorsPem(String pem) {
            return this;
        }

        /** curl-style {@code HOST:PORT:ADDR:PORT}; an empty HOST or PORT matches any. */
        public Builder connectTo(List<String> overrides) {
            return this;
        }

        public Builder timeout(Duration timeout) {
            return this;
        }

        public Builder parallelism(int parallelism) {
            return this;
        }

        /** Addresses that count as DNS sinkholes besides 0.0.0.0, :: and 127.0.0.0/8. */
        public Builder sinkholes(List<String> addresses) {
            return this;
        }

        public Network build() {
            return new Network();
        }
    }
}
