package dev.orchard.maven;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import dev.orchard.internal.Sanitizer;
import java.util.List;
import java.util.Optional;
import org.apache.maven.settings.Proxy;
import org.junit.jupiter.api.Test;

class ProxyChoiceTest {

    private static final Proxy SETTINGS_PROXY = settingsProxy();

    private static Proxy settingsProxy() {
        Proxy proxy = new Proxy();
        proxy.setId("corp");
        proxy.setHost("proxy.corp.test");
        proxy.setPort(8080);
        proxy.setUsername("me");
        proxy.setPassword("p@ss word");
        return proxy;
    }

    @Test
    void settingsProxyIsTheDefaultAndItsPasswordIsRedacted() {
        ProxyChoice choice = ProxyChoice.choose(null, List.of(SETTINGS_PROXY));
        assertThat(choice.value(), is(Optional.of("http://me:p%40ss%20word@proxy.corp.test:8080")));
        String message = "apple-network.proxy: cannot reach " + choice.value().orElseThrow() + " (p@ss word)";
        assertThat(Sanitizer.redact(message),
                is("apple-network.proxy: cannot reach http://me:****@proxy.corp.test:8080 (****)"));
    }

    @Test
    void aPacReplacesTheSettingsProxyAndRefusesAProxyParameter() {
        ProxyChoice choice = ProxyChoice.choose(null, "http://wpad.corp.test/proxy.pac", List.of(SETTINGS_PROXY));
        assertThat(choice.value(), is(Optional.empty()));
        assertThat(choice.nonProxyHosts(), is(Optional.empty()));
        assertThat(choice.display(), is("from the PAC file http://wpad.corp.test/proxy.pac (apple-network.pac)"));
        IllegalArgumentException both = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> ProxyChoice.choose("http://proxy.corp.test:3128", "auto", List.of()));
        assertThat(both.getMessage(), is("apple-network.pac and apple-network.proxy are both set: the PAC file"
                + " decides each host's proxy, so apple-network.proxy would contradict it; unset one"));
        assertThat(ProxyChoice.choose(null, " ", List.of(SETTINGS_PROXY)).value().isPresent(), is(true));
    }

    @Test
    void noneTurnsTheSettingsProxyOff() {
        ProxyChoice choice = ProxyChoice.choose("none", List.of(SETTINGS_PROXY));
        assertThat(choice.value(), is(Optional.of("none")));
    }

    @Test
    void anExplicitProxyWinsAndIsShownWithoutCredentials() {
        ProxyChoice choice = ProxyChoice.choose("http://u:top%2Fsecret@10.0.0.1:3128", List.of(SETTINGS_PROXY));
        assertThat(choice.value(), is(Optional.of("http://u:top%2Fsecret@10.0.0.1:3128")));
        assertThat(choice.display(), is("http://10.0.0.1:3128 (apple-network.proxy)"));
        assertThat(Sanitizer.redact("top%2Fsecret and top/secret"), is("**** and ****"));
    }

    @Test
    void noProxyAnywhereMeansDirect() {
        ProxyChoice choice = ProxyChoice.choose(" ", List.of());
        assertThat(choice.value(), is(Optional.empty()));
        assertThat(choice.display(), is("none"));
    }
}
