package dev.orchard.config;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathResource;

import dev.orchard.ConfigurationKeys;
import dev.orchard.catalog.Catalog;
import dev.orchard.config.OrchardSettings.Key;
import dev.orchard.config.OrchardSettings.Scope;
import dev.orchard.config.OrchardSettings.Target;
import java.io.IOException;
import java.io.Writer;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * The one owner of the {@code apple-network.*} keys: it declares exactly the keys {@link ConfigurationKeys} names,
 * rejects a misspelt key with the nearest known one, and every engine key reaches the engine the same way from a
 * {@code -D} property, {@code junit-platform.properties} and an explicit configuration parameter.
 */
class OrchardSettingsTest {

    @TempDir
    static Path dir;

    /** Each engine key's example, which differs from its default; trust anchors need a real PEM file. */
    static Map<String, String> samples;

    @BeforeAll
    static void samples() throws IOException {
        Path pem = dir.resolve("roots.pem");
        Files.writeString(pem, new HeldCertificate.Builder().certificateAuthority(0).build().certificatePem());
        samples = new LinkedHashMap<>();
        for (Key<?> key : OrchardSettings.keys()) {
            if (key.scope() == Scope.ENGINE) {
                samples.put(key.name(), key == OrchardSettings.TRUST_ANCHORS ? pem.toString() : key.example());
            }
        }
    }

    @Test
    void declaresExactlyTheKeysConfigurationKeysNames() {
        assertThat(OrchardSettings.keys().stream().map(Key::name).sorted().toList(),
                is(ConfigurationKeys.ALL.stream().sorted().toList()));
        for (Key<?> key : OrchardSettings.keys()) {
            assertThat(key.name(), key.doc().isBlank(), is(false));
        }
    }

    @Test
    void everyExampleParsesToSomethingOtherThanTheDefault() {
        for (Key<?> key : OrchardSettings.keys()) {
            if (key == OrchardSettings.TRUST_ANCHORS) {
                continue;
            }
            OrchardSettings set = OrchardSettings.defaults().withText(key, key.example());
            assertThat(key.name(), set.get(key).equals(key.defaultValue()), is(false));
        }
    }

    @Test
    void aMisspeltKeySuggestsTheNearestKnownOne() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OrchardSettings.from(Map.of("apple-network.timout", "2s")));
        assertThat(e.getMessage(), containsString(
                "apple-network.timout is not a known key; did you mean apple-network.timeout?"));
        assertThat(e.getMessage(), containsString("Known keys: apple-network.dnsServers"));
        String caseSlip = assertThrows(IllegalArgumentException.class,
                () -> OrchardSettings.requireKnown(List.of("apple-network.dnsservers"))).getMessage();
        assertThat(caseSlip, containsString("did you mean apple-network.dnsServers?"));
        String far = assertThrows(IllegalArgumentException.class,
                () -> OrchardSettings.requireKnown(List.of("apple-network.colour"))).getMessage();
        assertThat(far, containsString("apple-network.colour is not a known key\n"));
        OrchardSettings.requireKnown(List.of("apple-networks.timout", "junit.jupiter.x", ConfigurationKeys.SKIP));
    }

    @Test
    void theEngineRejectsAnUnknownKeyAtDiscovery() {
        List<DiscoveryIssue> issues = EngineTestKit.engine("apple-network")
                .configurationParameter("apple-network.timout", "2s")
                .selectors(selectClasspathResource(Catalog.BUNDLED_RESOURCE)).discover().getDiscoveryIssues();
        assertThat(issues, hasSize(1));
        assertThat(issues.get(0).message(), containsString("did you mean apple-network.timeout?"));
    }

    @Test
    void theTargetIsParsedHereAlone() {
        assertThat(Target.parse("k", " Branch_Office "), is(Target.BRANCH_OFFICE));
        assertThat(assertThrows(IllegalArgumentException.class,
                () -> OrchardSettings.from(Map.of(ConfigurationKeys.TARGET, "moon"))).getMessage(),
                is("apple-network.target: 'moon' is not a target; expected real, lab, branch-office or blackhole"));
        assertThat(OrchardSettings.defaults().target(), is(Target.REAL));
        assertThat(OrchardSettings.defaults().timeout(), is(Duration.ofSeconds(5)));
        assertThat(OrchardSettings.defaults().parallelism(), is(64));
    }

    @Test
    void printedParametersReadBackToEqualSettings() {
        // a PAC contradicts a fixed proxy: every key is set in one of two runs, never both in one
        for (List<String> leftOut : List.of(List.of(ConfigurationKeys.PAC),
                List.of(ConfigurationKeys.PROXY, ConfigurationKeys.NON_PROXY_HOSTS))) {
            Map<String, String> some = new LinkedHashMap<>(samples);
            some.keySet().removeAll(leftOut);
            OrchardSettings settings = OrchardSettings.from(some);
            assertThat(OrchardSettings.from(settings.toParameters()), is(settings));
            for (String key : some.keySet()) {
                assertThat(key, settings.isSet(OrchardSettings.key(key).orElseThrow()), is(true));
            }
        }
    }

    @Test
    void theProxyPasswordStaysOutOfToString() {
        OrchardSettings settings = OrchardSettings.defaults().withText(OrchardSettings.PROXY,
                "http://me:hunter2@127.0.0.1:3128");
        assertThat(settings.toString(), is("OrchardSettings[apple-network.proxy]"));
    }

    @Test
    void everyEngineKeyWorksAsAnExplicitParameter() {
        for (Map.Entry<String, String> sample : samples.entrySet()) {
            assertReachesTheEngine(sample.getKey(), sample.getValue(), () -> plan(LauncherDiscoveryRequestBuilder
                    .request().configurationParameter(sample.getKey(), sample.getValue())));
        }
    }

    @Test
    void everyEngineKeyWorksAsASystemProperty() {
        for (Map.Entry<String, String> sample : samples.entrySet()) {
            String previous = System.setProperty(sample.getKey(), sample.getValue());
            try {
                assertReachesTheEngine(sample.getKey(), sample.getValue(), () -> plan(
                        LauncherDiscoveryRequestBuilder.request().enableImplicitConfigurationParameters(true)));
            } finally {
                if (previous == null) {
                    System.clearProperty(sample.getKey());
                } else {
                    System.setProperty(sample.getKey(), previous);
                }
            }
        }
    }

    @Test
    void everyEngineKeyWorksInJunitPlatformProperties() throws IOException {
        Path classpath = Files.createDirectories(dir.resolve("classpath"));
        for (Map.Entry<String, String> sample : samples.entrySet()) {
            Properties file = new Properties();
            file.setProperty(sample.getKey(), sample.getValue());
            try (Writer out = Files.newBufferedWriter(classpath.resolve("junit-platform.properties"),
                    StandardCharsets.UTF_8)) {
                file.store(out, null);
            }
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            URL url = classpath.resolve("junit-platform.properties").toUri().toURL();
            try {
                thread.setContextClassLoader(new PropertiesFirst(previous, url));
                assertReachesTheEngine(sample.getKey(), sample.getValue(), () -> plan(
                        LauncherDiscoveryRequestBuilder.request().enableImplicitConfigurationParameters(true)));
            } finally {
                thread.setContextClassLoader(previous);
            }
        }
    }

    /** Finds our junit-platform.properties instead of the one the test classpath already holds. */
    private static final class PropertiesFirst extends ClassLoader {
        private final URL file;

        PropertiesFirst(ClassLoader parent, URL file) {
            super(parent);
            this.file = file;
        }

        @Override
        public URL getResource(String name) {
            return name.equals("junit-platform.properties") ? file : super.getResource(name);
        }

        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            return name.equals("junit-platform.properties") ? Collections.enumeration(List.of(file))
                    : super.getResources(name);
        }
    }

    /**
     * Discovers with the engine and reads the settings from the configuration parameters the engine was given,
     * as the engine reads them; the key must be set there to the sample's value.
     */
    private static void assertReachesTheEngine(String name, String text, Supplier<TestPlan> discovery) {
        TestPlan plan = discovery.get();
        Key<?> key = OrchardSettings.key(name).orElseThrow();
        OrchardSettings seen = OrchardSettings.from(plan.getConfigurationParameters());
        assertThat(name, seen.isSet(key), is(true));
        assertThat(name, seen.get(key), is(OrchardSettings.defaults().withText(key, text).get(key)));
    }

    private static TestPlan plan(LauncherDiscoveryRequestBuilder request) {
        return LauncherFactory.create().discover(request.filters(EngineFilter.includeEngines("apple-network"))
                .build());
    }
}
