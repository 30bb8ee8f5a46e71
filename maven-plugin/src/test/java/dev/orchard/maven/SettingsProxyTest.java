package dev.orchard.maven;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.apache.maven.settings.Proxy;
import org.junit.jupiter.api.Test;

class SettingsProxyTest {

    private static Proxy proxy(String id, boolean active, String protocol, String user, String password) {
        Proxy proxy = new Proxy();
        proxy.setId(id);
        proxy.setActive(active);
        proxy.setProtocol(protocol);
        proxy.setHost("proxy.corp.test");
        proxy.setPort(3128);
        proxy.setUsername(user);
        proxy.setPassword(password);
        return proxy;
    }

    @Test
    void credentialsAreUrlEncodedAndDecodeBackToTheOriginals() {
        SettingsProxy chosen = SettingsProxy.from(List.of(proxy("corp", true, "http", "dom\\user name",
                "Pa55:w@rd/Secret%+"))).orElseThrow();
        assertThat(chosen.url(), is("http://dom%5Cuser%20name:Pa55%3Aw%40rd%2FSecret%25%2B@proxy.corp.test:3128"));
        URI uri = URI.create(chosen.url());
        assertThat(uri.getUserInfo(), is("dom\\user name:Pa55:w@rd/Secret%+"));
        assertThat(uri.getHost(), is("proxy.corp.test"));
        assertThat(uri.getPort(), is(3128));
    }

    @Test
    void displayNeverShowsCredentials() {
        SettingsProxy chosen = SettingsProxy.of(proxy("corp", true, "http", "orchard", "s3cret"));
        assertThat(chosen.display(), is("http://proxy.corp.test:3128 (settings.xml proxy 'corp', with credentials)"));
        assertThat(chosen.display(), not(containsString("s3cret")));
        assertThat(chosen.display(), not(containsString("orchard")));
    }

    @Test
    void takesTheFirstActiveHttpProxy() {
        Optional<SettingsProxy> chosen = SettingsProxy.from(List.of(
                proxy("off", false, "http", null, null),
                proxy("tls", true, "https", null, null),
                proxy("on", true, "HTTP", null, null)));
        assertThat(chosen.orElseThrow().display(), is("http://proxy.corp.test:3128 (settings.xml proxy 'on')"));
        assertThat(chosen.orElseThrow().url(), is("http://proxy.corp.test:3128"));
    }

    @Test
    void noActiveHttpProxyMeansNone() {
        assertThat(SettingsProxy.from(List.of(proxy("off", false, "http", "u", "p"))).isPresent(), is(false));
    }

    @Test
    void keepsNonProxyHostsToWarnAboutThem() {
        Proxy proxy = proxy("corp", true, "http", null, null);
        proxy.setNonProxyHosts(" *.corp.test|localhost ");
        assertThat(SettingsProxy.of(proxy).nonProxyHosts(), is(Optional.of("*.corp.test|localhost")));
    }
}
