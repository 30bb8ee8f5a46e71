package dev.orchard.maven;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;

import dev.orchard.ConfigurationKeys;
import dev.orchard.config.OrchardSettings;
import dev.orchard.config.OrchardSettings.Key;
import dev.orchard.config.OrchardSettings.Scope;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Walks {@link ConfigurationKeys}: every key is a parameter of a goal with exactly that user property (so
 * {@code -D} works), and each engine key set as a {@code verify} parameter reaches the engine, as the launcher
 * configuration parameters the engine reads, with the value given.
 */
class PluginKeysTest {

    @TempDir
    Path dir;

    /** Field name by user property, per goal, from the generated plugin descriptor. */
    private static Map<String, Map<String, String>> parameters() throws Exception {
        Map<String, Map<String, String>> goals = new HashMap<>();
        try (InputStream in = PluginKeysTest.class.getResourceAsStream("/META-INF/maven/plugin.xml")) {
            Element plugin = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in).getDocumentElement();
            NodeList mojos = plugin.getElementsByTagName("mojo");
            Pattern expression = Pattern.compile("\\$\\{([^}]+)}");
            for (int i = 0; i < mojos.getLength(); i++) {
                Element mojo = (Element) mojos.item(i);
                String goal = mojo.getElementsByTagName("goal").item(0).getTextContent();
                Map<String, String> byProperty = new HashMap<>();
                NodeList configuration = mojo.getElementsByTagName("configuration");
                if (configuration.getLength() > 0) {
                    NodeList values = configuration.item(0).getChildNodes();
                    for (int j = 0; j < values.getLength(); j++) {
                        if (values.item(j) instanceof Element value) {
                            Matcher m = expression.matcher(value.getTextContent());
                            if (m.find()) {
                                byProperty.put(m.group(1), value.getTagName());
                            }
                        }
                    }
                }
                goals.put(goal, byProperty);
            }
        }
        return goals;
    }

    @Test
    void everyKeyIsAGoalParameterWithItsOwnUserProperty() throws Exception {
        Set<String> properties = new HashSet<>();
        parameters().values().forEach(p -> properties.addAll(p.keySet()));
        List<String> missing = ConfigurationKeys.ALL.stream().filter(k -> !properties.contains(k)).toList();
        assertThat(missing, is(empty()));
        List<String> unknown = properties.stream().filter(p -> p.startsWith(OrchardSettings.PREFIX))
                .filter(p -> !ConfigurationKeys.ALL.contains(p)).toList();
        assertThat(unknown, is(empty()));
    }

    @Test
    void everyEngineKeySetOnVerifyReachesTheEngine() throws Exception {
        Map<String, String> verify = parameters().get("verify");
        Map<String, String> samples = samples();
        for (Key<?> key : OrchardSettings.keys()) {
            if (key.scope() != Scope.ENGINE || key == OrchardSettings.REPORTS_DIRECTORY) {
                continue;
            }
            String field = verify.get(key.name());
            assertThat("verify has a parameter for " + key, field != null, is(true));
            String sample = samples.get(key.name());
            assertThat("add a sample for " + key, sample != null, is(true));
            VerifyMojo mojo = new VerifyMojo();
            set(mojo, field, sample);
            Map<String, String> given = new RunSettings(List.of(), List.of(),
                    mojo.settings(ProxyChoice.choose(mojo.proxy, List.of())), 0).parameters();
            TestPlan plan = LauncherFactory.create().discover(LauncherDiscoveryRequestBuilder.request()
                    .configurationParameters(given).enableImplicitConfigurationParameters(false)
                    .filters(EngineFilter.includeEngines("apple-network")).build());
            OrchardSettings seen = OrchardSettings.from(plan.getConfigurationParameters());
            assertThat(key.name(), seen.get(key), is(OrchardSettings.defaults().withText(key, sample).get(key)));
        }
    }

    @Test
    void theReportsDirectoryParameterReachesTheReportWriter() throws Exception {
        VerifyMojo mojo = new VerifyMojo();
        set(mojo, parameters().get("verify").get(ConfigurationKeys.REPORTS_DIRECTORY), dir.toString());
        assertThat(GoalContext.reportsDirectory(mojo.reportsDirectory, null, null), is(dir));
    }

    @Test
    void aMisspeltPropertyFailsTheGoal() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> OrchardSettings.requireKnown(List.of("apple-network.timout")));
        assertThat(e.getMessage().startsWith(
                "apple-network.timout is not a known key; did you mean apple-network.timeout?"), is(true));
    }

    /** Each key's example; trust anchors need a real PEM file, and relative catalogs would be resolved. */
    private Map<String, String> samples() throws IOException {
        Path pem = dir.resolve("roots.pem");
        Files.writeString(pem, new HeldCertificate.Builder().certificateAuthority(0).build().certificatePem());
        Map<String, String> samples = new HashMap<>();
        OrchardSettings.keys().forEach(key -> samples.put(key.name(), key.example()));
        samples.put(ConfigurationKeys.TRUST_ANCHORS, pem.toString());
        samples.put(ConfigurationKeys.CATALOGS, "classpath:more.yaml," + dir.resolve("site.yaml"));
        return samples;
    }

    /** Sets a parameter as Maven would from a {@code -D} text: lists split on commas, files and numbers typed. */
    private static void set(Object mojo, String name, String text) throws ReflectiveOperationException {
        Field field = null;
        for (Class<?> type = mojo.getClass(); field == null && type != null; type = type.getSuperclass()) {
            field = Arrays.stream(type.getDeclaredFields()).filter(f -> f.getName().equals(name)).findFirst()
                    .orElse(null);
        }
        if (field == null) {
            throw new AssertionError("no field " + name);
        }
        field.setAccessible(true);
        Class<?> type = field.getType();
        Object value = type == List.class ? new ArrayList<>(Arrays.asList(text.split(",")))
                : type == File.class ? new File(text)
                : type == Integer.class || type == int.class ? Integer.valueOf(text)
                : text;
        field.set(mojo, value);
    }
}
