package dev.orchard.catalogtests;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import dev.orchard.catalog.Catalog;
import dev.orchard.catalog.Endpoint;
import dev.orchard.catalog.ProbeHost;
import dev.orchard.probe.CheckPlanner;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.platform.console.ConsoleLauncher;
import org.junit.platform.console.command.CommandResult;

/** The catalog runs under JUnit's console launcher too, selected by the marker class and filtered by tag. */
class ConsoleLauncherTest {

    @Test
    void consoleLauncherRunsTheMdmChecksOfTheMarkerClassAgainstTheLab() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandResult<?> result = ConsoleLauncher.run(new PrintWriter(out), new PrintWriter(err),
                "execute", "--disable-banner", "--details=summary", "--disable-ansi-colors",
                "--include-engine=apple-network", "--select-class=" + AppleNetworkTest.class.getName(),
                "--include-tag=mdm", "--config=apple-network.target=lab", "--config=apple-network.timeout=5s");
        long mdmChecks = 0;
        for (Endpoint endpoint : Catalog.bundled().service("mdm").endpoints()) {
            for (ProbeHost probe : endpoint.probeHosts()) {
                mdmChecks += CheckPlanner.checks(endpoint, probe.host()).size();
            }
        }
        assertThat(err.toString(), result.getExitCode(), is(0));
        assertThat(out.toString(), containsString(mdmChecks + " tests successful"));
        assertThat(out.toString(), containsString("0 tests failed"));
    }
}
