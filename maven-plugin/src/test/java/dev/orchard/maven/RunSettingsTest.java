package dev.orchard.maven;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunSettingsTest {

    @Test
    void groupsAreSplitLikeSurefire() {
        assertThat(RunSettings.expressions(" mdm, icloud & tls ,,"), is(List.of("mdm", "icloud & tls")));
        assertThat(RunSettings.expressions(null), is(List.of()));
    }

    @Test
    void rerunsMustBeANumber() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GoalContext.reruns("twice"));
        assertThat(e.getMessage(), containsString("apple-network.rerunFailingTestsCount: 'twice' is not a number"));
        assertThrows(IllegalArgumentException.class, () -> new RunSettings(List.of(), List.of(), Map.of(), -1));
        assertThat(GoalContext.reruns(" 2 "), is(2));
    }

    @Test
    void relativeCatalogsAndAnchorsResolveAgainstTheProject() {
        Map<String, String> parameters = new NetworkParameters(Path.of("/p"))
                .catalogs("site.yaml, classpath:x.yaml,/abs/c.yaml")
                .trustAnchors("certs/roots.pem")
                .put("apple-network.timeout", " ")
                .map();
        assertThat(parameters, is(Map.of(
                "apple-network.catalogs", "/p/site.yaml,classpath:x.yaml,/abs/c.yaml",
                "apple-network.trustAnchors", "/p/certs/roots.pem")));
    }
}
