package dev.orchard.probe;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.orchard.ConfigurationKeys;
import dev.orchard.catalog.Endpoint;
import dev.orchard.catalog.ProxySupport;
import dev.orchard.lab.Lab;
import dev.orchard.lab.LabProxy;
import java.util.List;
import org.junit.jupiter.api.Test;

class NonProxyHostsTest {

    @Test
    void patternsMatchLikeMavenSettings() {
        NonProxyHosts hosts = NonProxyHosts.parse(ConfigurationKeys.NON_PROXY_HOSTS, "*.example.com|localhost, 10.*");
        assertThat(hosts.matches("mdm.example.com"), is(true));
        assertThat(hosts.matches("MDM.Example.com"), is(true));
        assertThat(hosts.matches("example.com"), is(false));
        assertThat(hosts.matches("localhost"), is(true));
        assertThat(hosts.matches("10.1.2.3"), is(true));
        assertThat(hosts.matches("gdmf.apple.com"), is(false));
    }

    @Test
    void aBadPatternNamesTheKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NonProxyHosts.parse(ConfigurationKeys.NON_PROXY_HOSTS, "*.example.com|http://x"));
        assertThat(e.getMessage(), containsString("apple-network.nonProxyHosts: 'http://x' is not a host pattern"));
    }

    @Test
    void aNonProxyHostGoesDirectWhileOthersUseTheProxy() {
        try (Lab lab = Lab.start().serve("gdmf.apple.com").serve("mesu.apple.com").useProxy()) {
            lab.proxy().defaultPolicy(LabProxy.Policy.DENY);
            Endpoint gdmf = Endpoint.builder("mdm", "gdmf.apple.com").proxy(ProxySupport.YES).build();
            Endpoint mesu = Endpoint.builder("mdm", "mesu.apple.com").proxy(ProxySupport.YES).build();
            Check tls = new Check(CheckKind.TLS, 443, dev.orchard.catalog.Transport.TCP);
            try (Network network = lab.networkBuilder().nonProxyHosts(List.of("gdmf.*")).build()) {
                List<ProbeResult> results = network.runAll(List.of(new CheckTarget(gdmf, "gdmf.apple.com", tls),
                        new CheckTarget(mesu, "mesu.apple.com", tls)), null);
                assertThat(results.get(0).verdict(), is(Verdict.OK));
                assertThat(results.get(0).evidence().route(), is("direct"));
                assertThat(results.get(1).verdict(), is(Verdict.PROXY_DENIED));
            }
        }
    }

    @Test
    void theConfigurationKeyIsValidated() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> dev.orchard.config.OrchardSettings.from(java.util.Map.of(
                        ConfigurationKeys.PROXY, "http://127.0.0.1:3128",
                        ConfigurationKeys.NON_PROXY_HOSTS, "*.example.com|a b")).network());
        assertThat(e.getMessage(), containsString("apple-network.nonProxyHosts: 'a b' is not a host pattern"));
    }
}
