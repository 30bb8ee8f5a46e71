package dev.orchard.catalogtests;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;

import dev.orchard.catalog.Catalog;
import dev.orchard.catalog.Endpoint;
import dev.orchard.catalog.ProbeHost;
import dev.orchard.catalog.Service;
import dev.orchard.probe.Check;
import dev.orchard.probe.CheckPlanner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Proves from Surefire's own XML reports that the catalog suite runs what the build says: every check with no
 * failure against the lab, exactly the mdm checks with {@code <groups>mdm</groups>}, and none of the UDP checks
 * with {@code <groups>device-setup</groups>} and {@code <excludedGroups>udp</excludedGroups>}. The expected checks come from the catalog and the planner,
 * as the engine builds them.
 */
class SuiteReportsIT {

    @Test
    void mdmOnlyExecutionRanExactlyTheDeviceManagementChecks() throws Exception {
        Report report = Report.read(reports().resolve("surefire-mdm"));
        Map<String, Long> expected = expectedNames(tags -> tags.contains("mdm"));
        assertThat(report.names().size(), greaterThan(10));
        assertThat((long) report.names().size(), is(count(expected)));
        assertThat("every testcase is an mdm check, kind by kind", countByName(report.names()), is(expected));
        assertThat(report.problems(), is(List.of()));
    }

    @Test
    void excludedUdpExecutionRanEveryCheckButUdpOnes() throws Exception {
        Report report = Report.read(reports().resolve("surefire-no-udp"));
        Map<String, Long> expected = expectedNames(tags -> tags.contains("device-setup") && !tags.contains("udp"));
        assertThat("device-setup has udp checks to leave out",
                count(expectedNames(tags -> tags.contains("device-setup") && tags.contains("udp"))), greaterThan(0L));
        assertThat(report.names().size(), greaterThan(5));
        assertThat((long) report.names().size(), is(count(expected)));
        assertThat(countByName(report.names()), is(expected));
        assertThat(report.names().stream().anyMatch(n -> n.contains("/udp") || n.startsWith("ntp")), is(false));
        assertThat(report.problems(), is(List.of()));
    }

    @Test
    void defaultExecutionRanTheWholeCatalogWithoutFailure() throws Exception {
        Assumptions.assumeTrue("lab".equals(System.getProperty("orchard.suite.target")),
                "the default execution checked a real network; its failures are findings, not defects");
        Report report = Report.read(reports().resolve("surefire-reports"));
        assertThat("no check fails against a healthy lab", report.problems(), is(List.of()));
        for (String filter : List.of("orchard.suite.groups", "orchard.suite.excludedGroups", "orchard.suite.test")) {
            String value = System.getProperty(filter, "");
            Assumptions.assumeTrue(value.isBlank() || value.startsWith("${"),
                    "the default execution was filtered (" + filter + "=" + value + "); its count is not the catalog's");
        }
        Map<String, Long> expected = expectedNames(tags -> true);
        assertThat(count(expected), greaterThan(400L));
        assertThat(countByName(report.names()), is(expected));
    }

    private static Path reports() {
        String dir = System.getProperty("orchard.suite.reports");
        Assumptions.assumeTrue(dir != null, "orchard.suite.reports is set by the failsafe configuration");
        return Path.of(dir);
    }

    /** Each planned check's display name (host and check) and how often it occurs, for checks whose tags the filter keeps. */
    private static Map<String, Long> expectedNames(Predicate<Set<String>> filter) {
        List<String> names = new ArrayList<>();
        for (Service service : Catalog.bundled().services()) {
            Set<String> seen = new HashSet<>();
            for (Endpoint endpoint : service.endpoints()) {
                for (ProbeHost probe : endpoint.probeHosts()) {
                    if (!seen.add(endpoint.pattern() + "@" + probe.host())) {
                        continue;
                    }
                    for (Check check : CheckPlanner.checks(endpoint, probe.host())) {
                        Set<String> tags = new LinkedHashSet<>(endpoint.tags());
                        tags.addAll(check.tags());
                        if (filter.test(tags)) {
                            names.add(probe.host() + " " + check.displayName());
                        }
                    }
                }
            }
        }
        return countByName(names);
    }

    private static Map<String, Long> countByName(List<String> names) {
        return names.stream().collect(Collectors.groupingBy(n -> n, TreeMap::new, Collectors.counting()));
    }

    private static long count(Map<String, Long> byName) {
        return byName.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * The testcases of one execution's Surefire XML reports, one {@code TEST-apple-network.<service>.xml} per service,
     * and every one that failed, errored or was skipped.
     */
    private record Report(List<String> names, List<String> problems) {

        static Report read(Path dir) throws Exception {
            List<Path> files;
            try (Stream<Path> list = Files.isDirectory(dir) ? Files.list(dir) : Stream.empty()) {
                files = list.filter(f -> f.getFileName().toString().startsWith("TEST-apple-network."))
                        .sorted().toList();
            }
            if (files.isEmpty()) {
                throw new IOException("no Surefire report TEST-apple-network.*.xml in " + dir
                        + "; did the execution run?");
            }
            List<String> names = new ArrayList<>();
            List<String> problems = new ArrayList<>();
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            for (Path file : files) {
                Document document = factory.newDocumentBuilder().parse(file.toFile());
                NodeList cases = document.getElementsByTagName("testcase");
                for (int i = 0; i < cases.getLength(); i++) {
                    Element testcase = (Element) cases.item(i);
                    names.add(testcase.getAttribute("name"));
                    for (String kind : List.of("failure", "error", "skipped")) {
                        NodeList found = testcase.getElementsByTagName(kind);
                        if (found.getLength() > 0) {
                            problems.add(kind + " " + testcase.getAttribute("name") + ": "
                                    + ((Element) found.item(0)).getAttribute("message"));
                        }
                    }
                }
            }
            return new Report(List.copyOf(names), List.copyOf(problems));
        }
    }
}
