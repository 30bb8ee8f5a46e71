package dev.orchard.probe;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.orchard.ConfigurationKeys;
import dev.orchard.config.OrchardSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NetworkConfigurationTest {

    private static Network configure(Map<String, String> values) {
        return OrchardSettings.from(values).network();
    }

    private static String rejection(String key, String value) {
        return assertThrows(IllegalArgumentException.class, () -> configure(Map.of(key, value))).getMessage();
    }

    @Test
    void defaultsWhenNothingIsSet() {
        try (Network network = configure(Map.of())) {
            NetworkSettings settings = network.settings();
            assertThat(settings.dnsServers(), contains("system"));
            assertThat(settings.proxy(), is(nullValue()));
            assertThat(settings.trustAnchors(), is("default"));
            assertThat(settings.connectTo(), is(List.of()));
            assertThat(settings.timeout(), is(Duration.ofSeconds(5)));
            assertThat(settings.parallelism(), is(64));
            assertThat(network.loopbackOnly(), is(false));
        }
    }

    @Test
    void blankValuesMeanUnset() {
        try (Network network = configure(Map.of(ConfigurationKeys.TIMEOUT, "  ", ConfigurationKeys.DNS_SERVERS, ""))) {
            assertThat(network.settings().timeout(), is(Duration.ofSeconds(5)));
            assertThat(network.settings().dnsServers(), contains("system"));
        }
    }

    @ParameterizedTest
    @CsvSource({"5s,5000", "1500ms,1500", "2,2000", "30S,30000", "250 ms,250"})
    void timeoutAcceptsSecondsAndMilliseconds(String value, long millis) {
        try (Network network = configure(Map.of(ConfigurationKeys.TIMEOUT, value))) {
            assertThat(network.settings().timeout(), is(Duration.ofMillis(millis)));
        }
    }

    @Test
    void badTimeoutsNameTheKeyValueAndExpectation() {
        assertThat(rejection(ConfigurationKeys.TIMEOUT, "fast"),
                is("apple-network.timeout: 'fast' is not a duration; expected e.g. 5s or 1500ms"));
        assertThat(rejection(ConfigurationKeys.TIMEOUT, "0s"), startsWith("apple-network.timeout: '0s' is not positive"));
        assertThat(rejection(ConfigurationKeys.TIMEOUT, "-1"), startsWith("apple-network.timeout: '-1' is not a duration"));
        assertThat(rejection(ConfigurationKeys.TIMEOUT, "1h"), startsWith("apple-network.timeout: '1h' is not a duration"));
        assertThat(rejection(ConfigurationKeys.TIMEOUT, "3600s"), containsString("longer than 10 minutes"));
    }

    @Test
    void parallelism() {
        try (Network network = configure(Map.of(ConfigurationKeys.PARALLELISM, "8"))) {
            assertThat(network.settings().parallelism(), is(8));
        }
        assertThat(rejection(ConfigurationKeys.PARALLELISM, "many"),
                startsWith("apple-network.parallelism: 'many' is not a whole number; expected"));
        assertThat(rejection(ConfigurationKeys.PARALLELISM, "0"),
                startsWith("apple-network.parallelism: '0' is out of range; expected a number of checks from 1 to"));
        assertThat(rejection(ConfigurationKeys.PARALLELISM, "5000"), containsString("'5000' is out of range"));
    }

    @Test
    void dnsServersTakeOptionalPortsAndBracketedIpv6() {
        try (Network network = configure(Map.of(ConfigurationKeys.DNS_SERVERS,
                "127.0.0.1, 127.0.0.2:5353,[::1]:5300,::1"))) {
            assertThat(network.settings().dnsServers(),
                    contains("127.0.0.1:53", "127.0.0.2:5353", "[::1]:5300", "[::1]:53"));
        }
    }

    @Test
    void badDnsServersNameTheKey() {
        assertThat(rejection(ConfigurationKeys.DNS_SERVERS, "dns.corp"),
                startsWith("apple-network.dnsServers: 'dns.corp' is not an IP address with an optional port; expected"));
        assertThat(rejection(ConfigurationKeys.DNS_SERVERS, "127.0.0.1:99999"),
                startsWith("apple-network.dnsServers: '127.0.0.1:99999' has a port out of range"));
        assertThat(rejection(ConfigurationKeys.DNS_SERVERS, "127.0.0.1,,127.0.0.2"),
                startsWith("apple-network.dnsServers: '' is not an IP address"));
        assertThat(rejection(ConfigurationKeys.DNS_SERVERS, "2001:db8::1:5353x"), containsString("'2001:db8::1:5353x'"));
    }

    @Test
    void proxyKeepsCredentialsOutOfTheSettings() {
        try (Network network = configure(Map.of(ConfigurationKeys.PROXY, "http://alice:s%40cret@127.0.0.1:3128"))) {
            assertThat(network.settings().proxy(), is("http://127.0.0.1:3128"));
            ProxySettings proxy = network.proxy().orElseThrow();
            assertThat(proxy.proxyAuthorization(), is("Basic " + java.util.Base64.getEncoder()
                    .encodeToString("alice:s@cret".getBytes(java.nio.charset.StandardCharsets.UTF_8))));
            assertThat(proxy.toString(), not(containsString("cret")));
        }
        try (Network network = configure(Map.of(ConfigurationKeys.PROXY, "none"))) {
            assertThat(network.proxy(), is(Optional.empty()));
        }
        try (Network network = configure(Map.of(ConfigurationKeys.PROXY, "http://[::1]:8080"))) {
            assertThat(network.settings().proxy(), is("http://[::1]:8080"));
        }
    }

    @Test
    void badProxiesNameTheKeyWithoutLeakingThePassword() {
        String message = rejection(ConfigurationKeys.PROXY, "https://bob:hunter2@proxy.corp:3128");
        assertThat(message, startsWith("apple-network.proxy: proxy URL 'https://proxy.corp:3128' must use the http"
                + " scheme"));
        assertThat(message, containsString("expected http://[user:password@]host:port"));
        assertThat(message, not(containsString("hunter2")));
        assertThat(rejection(ConfigurationKeys.PROXY, "http://proxy.corp"),
                containsString("has no port between 1 and 65535"));
        assertThat(rejection(ConfigurationKeys.PROXY, "http://proxy.corp:0"),
                containsString("has no port between 1 and 65535"));
    }

    @Test
    void trustAnchorsMustBeAPemFileWithCertificates(@TempDir Path dir) throws IOException {
        Path pem = dir.resolve("roots.pem");
        HeldCertificate root = new HeldCertificate.Builder().certificateAuthority(0).commonName("Lab Root").build();
        Files.writeString(pem, root.certificatePem(), StandardCharsets.US_ASCII);
        try (Network network = configure(Map.of(ConfigurationKeys.TRUST_ANCHORS, pem.toString()))) {
            assertThat(network.settings().trustAnchors(), is(pem.toString()));
            assertThat(network.trustAnchorsFile(), is(Optional.of(pem)));
        }
        assertThat(rejection(ConfigurationKeys.TRUST_ANCHORS, dir.resolve("missing.pem").toString()),
                containsString("missing.pem' does not exist or is not a file; expected a readable PEM file"));
        Path empty = Files.writeString(dir.resolve("empty.pem"), "no certificates here\n");
        assertThat(rejection(ConfigurationKeys.TRUST_ANCHORS, empty.toString()),
                startsWith("apple-network.trustAnchors: '" + empty + "'"));
    }

    @Test
    void connectToIsParsedAndShown() {
        try (Network network = configure(Map.of(ConfigurationKeys.CONNECT_TO,
                "gdmf.apple.com:443:127.0.0.1:8443, :5223:[::1]:15223"))) {
            assertThat(network.settings().connectTo(),
                    contains("gdmf.apple.com:443:127.0.0.1:8443", ":5223:[::1]:15223"));
        }
        assertThat(rejection(ConfigurationKeys.CONNECT_TO, "gdmf.apple.com:443"),
                startsWith("apple-network.connectTo: 'gdmf.apple.com:443' is not a connect-to override"));
    }

    @Test
    void sinkholesAreAddresses() {
        try (Network network = configure(Map.of(ConfigurationKeys.SINKHOLES, "10.10.10.10, 2001:db8::10"))) {
            assertThat(network.sinkholes().size(), is(2));
        }
        assertThat(rejection(ConfigurationKeys.SINKHOLES, "10.10.10.10,blockpage.corp"),
                startsWith("apple-network.sinkholes: 'blockpage.corp' is not an IP address; expected"));
    }

    @Test
    void builderChecksItsValuesToo() {
        assertThat(assertThrows(IllegalArgumentException.class,
                () -> Network.builder().timeout(Duration.ZERO)).getMessage(), containsString("is not positive"));
        assertThat(assertThrows(IllegalArgumentException.class,
                () -> Network.builder().parallelism(0)).getMessage(), containsString("out of range"));
        assertThat(assertThrows(IllegalArgumentException.class,
                () -> Network.builder().connectTo(List.of("x"))).getMessage(), containsString("connect-to"));
    }
}
