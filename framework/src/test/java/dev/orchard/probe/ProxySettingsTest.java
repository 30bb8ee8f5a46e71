package dev.orchard.probe;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProxySettingsTest {

    @Test
    void parsesHostPortAndCredentials() {
        ProxySettings proxy = ProxySettings.parse("http://alice:s3cr%40t@127.0.0.1:3128");
        assertThat(proxy.host(), is("127.0.0.1"));
        assertThat(proxy.port(), is(3128));
        assertThat(proxy.hasCredentials(), is(true));
        assertThat(proxy.proxyAuthorization(), is("Basic "
                + Base64.getEncoder().encodeToString("alice:s3cr@t".getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void neverShowsCredentials() {
        ProxySettings proxy = ProxySettings.parse("http://alice:hunter2@proxy.example:8080");
        assertThat(proxy.describe(), is("http://proxy.example:8080"));
        assertThat(proxy.toString(), not(containsString("hunter2")));
        assertThat(proxy.toString(), not(containsString("alice")));
        assertThat(new ProxyRoute(proxy, false).describe(), is("proxy proxy.example:8080"));
    }

    @Test
    void withoutCredentialsSendsNoAuthorization() {
        ProxySettings proxy = ProxySettings.parse("http://[::1]:3128/");
        assertThat(proxy.host(), is("::1"));
        assertThat(proxy.describe(), is("http://[::1]:3128"));
        assertThat(proxy.proxyAuthorization(), is(nullValue()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "proxy:3128", "https://proxy:3128", "http://proxy", "http://proxy:99999",
            "http://proxy:3128/path", "http://user@proxy:3128", "socks5://u:p@proxy:1080", "http://pro xy:1"})
    void rejectsBadUrlsWithAClearMessage(String url) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ProxySettings.parse(url));
        assertThat(e.getMessage(), containsString("expected http://[user:password@]host:port"));
    }

    @Test
    void errorMessagesDoNotLeakThePassword() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ProxySettings.parse("https://alice:hunter2@proxy:3128"));
        assertThat(e.getMessage(), not(containsString("hunter2")));
        assertThat(e.getMessage(), containsString("https://proxy:3128"));
    }
}
