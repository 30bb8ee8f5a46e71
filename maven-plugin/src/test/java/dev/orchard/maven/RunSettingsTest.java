package dev.orchard.maven;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.orchard.config.OrchardSettings;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunSettingsTest {

    @Test
    void groupsAreSplitLikeSurefire() {
        assertThat(RunSettings.expressions(" mdm, icloud & tls ,,"), is(List.of("mdm", "icloud & tls")));
        assertThat(RunSettings.expressions(null), is(List.of()));
    }

    @Test
    void rerunsMustNotBeNegative() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RunSettings(List.of(), List.of(), OrchardSettings.defaults(), -1));
        assertThat(e.getMessage(), containsString("apple-network.rerunFailingTestsCount: '-1' is negative"));
    }

    @Test
    void relativeCatalogsResolveAgainstWhereMavenRuns() {
        VerifyMojo mojo = new VerifyMojo();
        mojo.catalogs = List.of("site.yaml, classpath:x.yaml", "/abs/c.yaml");
        Path here = Path.of(System.getProperty("user.dir"));
        assertThat(mojo.resolvedCatalogs(), is(List.of(here.resolve("site.yaml").toString(), "classpath:x.yaml",
                "/abs/c.yaml")));
    }
}
