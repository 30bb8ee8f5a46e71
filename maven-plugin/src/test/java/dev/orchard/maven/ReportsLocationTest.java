package dev.orchard.maven;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.io.File;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ReportsLocationTest {

    private static final Path WORK = Path.of("/work/dir");

    @Test
    void projectBuildsIntoItsBuildDirectory() {
        assertThat(ReportsLocation.resolve(null, new File("/p/pom.xml"), "/p/target", WORK),
                is(Path.of("/p/target/apple-network-reports")));
    }

    @Test
    void withoutAProjectReportsGoIntoTheWorkingDirectory() {
        assertThat(ReportsLocation.resolve(null, null, "/ignored/target", WORK),
                is(Path.of("/work/dir/apple-network-reports")));
    }

    @Test
    void aConfiguredDirectoryWins() {
        assertThat(ReportsLocation.resolve(new File("/out"), new File("/p/pom.xml"), "/p/target", WORK),
                is(Path.of("/out")));
    }
}
