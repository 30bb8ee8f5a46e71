package dev.orchard.maven;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checker must catch what issue 16 saw (header tests="0", merged duplicates) and accept consistent reports. */
class SurefireReportCheckTest {

    @TempDir
    Path dir;

    private static final String CONSISTENT = """
            <testsuite name="apple-network.mdm" tests="4" errors="0" skipped="1" failures="1">
              <testcase name="a.apple.com dns" classname="apple-network.mdm"/>
              <testcase name="a.apple.com tcp 443" classname="apple-network.mdm"><failure message="x"/></testcase>
              <testcase name="b.apple.com dns" classname="apple-network.mdm"><skipped/></testcase>
              <testcase name="b.apple.com tcp 443" classname="apple-network.mdm">
                <flakyFailure message="y"><stackTrace>t</stackTrace></flakyFailure>
              </testcase>
            </testsuite>
            """;

    @Test
    void consistentReportsAgreeWithConsoleAndResultsFile() throws Exception {
        Files.writeString(dir.resolve("TEST-apple-network.mdm.xml"), CONSISTENT);
        Path log = dir.resolve("build.log");
        Files.writeString(log, """
                [ERROR] Tests run: 4, Failures: 1, Errors: 0, Skipped: 1, Time elapsed: 1 s <<< FAILURE! -- in x
                [ERROR] Tests run: 4, Failures: 1, Errors: 0, Skipped: 1, Flakes: 1
                """);
        Path json = dir.resolve("apple-network-results.json");
        Files.writeString(json, """
                { "summary" : { "total" : 4, "passed" : 2, "failed" : 1, "skipped" : 1, "flaky" : 0 } }
                """);
        assertThat(SurefireReportCheck.check(List.of(dir), log, List.of(json)), is(empty()));
    }

    /** The problems the checker finds in one report file of this content. */
    private List<String> problemsOf(String file, String xml) throws Exception {
        Files.writeString(dir.resolve(file), xml);
        return SurefireReportCheck.reports(dir).problems();
    }

    @Test
    void headerThatCountsNothingIsCaught() throws Exception {
        List<String> problems = problemsOf("TEST-dev.orchard.catalogtests.AppleNetworkTest.xml", """
                <testsuite name="dev.orchard.catalogtests.AppleNetworkTest" tests="0" errors="0" skipped="0" failures="0">
                  <testcase name="a.apple.com dns" classname="Device management (mdm)"><failure message="x"/></testcase>
                  <testcase name="a.apple.com dns" classname="Device setup (device-setup)"/>
                </testsuite>
                """);
        assertThat(problems, hasItem(containsString("header says tests=\"0\" but the report holds 2")));
        assertThat(problems, hasItem(containsString("header says failures=\"0\" but the report holds 1")));
    }

    @Test
    void foreignClassnameAndRepeatedNameAreCaught() throws Exception {
        List<String> problems = problemsOf("TEST-apple-network.mdm.xml", """
                <testsuite name="apple-network.mdm" tests="2" errors="0" skipped="0" failures="0">
                  <testcase name="a.apple.com dns" classname="Device management (mdm)"/>
                  <testcase name="a.apple.com dns" classname="Device management (mdm)"/>
                </testsuite>
                """);
        assertThat(problems, hasItem(containsString("expected \"apple-network.mdm\"")));
        assertThat(problems, hasItem(containsString("occurs twice")));
    }

    @Test
    void consoleThatDisagreesWithTheReportsIsCaught() throws Exception {
        Files.writeString(dir.resolve("TEST-apple-network.mdm.xml"), CONSISTENT);
        Path log = dir.resolve("build.log");
        Files.writeString(log, "[ERROR] Tests run: 3, Failures: 1, Errors: 0, Skipped: 1\n");
        assertThat(SurefireReportCheck.check(List.of(dir), log, List.of()), contains(containsString(
                "console says Tests run: 3, Failures: 1, Errors: 0, Skipped: 1, Flakes: 0, the reports sum to "
                        + "Tests run: 4, Failures: 1, Errors: 0, Skipped: 1, Flakes: 1")));
    }
}
