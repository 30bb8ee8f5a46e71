package dev.orchard.report;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import dev.orchard.probe.ProbeResult;
import dev.orchard.probe.Verdict;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class SurefireXmlTest {

    private static Schema schema;

    @TempDir
    Path dir;

    @BeforeAll
    static void loadSchema() throws Exception {
        URL xsd = SurefireXmlTest.class.getResource("/surefire-test-report.xsd");
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        schema = factory.newSchema(xsd);
    }

    private static void validate(Path file) throws Exception {
        schema.newValidator().validate(new StreamSource(file.toFile()));
    }

    private static Element parse(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        Document document = factory.newDocumentBuilder().parse(file.toFile());
        return document.getDocumentElement();
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getElementsByTagName(name);
        for (int i = 0; i < nodes.getLength(); i++) {
            found.add((Element) nodes.item(i));
        }
        return found;
    }

    private static Element testcase(Element suite, String classname, String name) {
        return children(suite, "testcase").stream()
                .filter(t -> t.getAttribute("classname").equals(classname) && t.getAttribute("name").equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no testcase " + classname + " " + name));
    }

    @Test
    void writesOneValidFilePerService() throws Exception {
        List<Path> files = Reports.writeSurefireXml(Runs.mixed("http://127.0.0.1:3128"), dir);

        assertThat(files.stream().map(f -> f.getFileName().toString()).toList(),
                contains("TEST-apple-network.mdm.xml", "TEST-apple-network.device-setup.xml"));
        for (Path file : files) {
            validate(file);
        }
    }

    @Test
    void theSuiteCountsChecksAndCarriesTheRunSettings() throws Exception {
        Reports.writeSurefireXml(Runs.mixed("http://alice:s3cr3t@127.0.0.1:3128"), dir);
        Path file = dir.resolve("TEST-apple-network.mdm.xml");
        Element suite = parse(file);

        assertThat(suite.getAttribute("name"), is("apple-network.mdm"));
        assertThat(List.of(suite.getAttribute("tests"), suite.getAttribute("failures"), suite.getAttribute("skipped"),
                suite.getAttribute("errors")), contains("5", "1", "1", "0"));
        assertThat(suite.getAttribute("time"), is("5.169"));
        List<String> properties = children(suite, "property").stream()
                .map(p -> p.getAttribute("name") + "=" + p.getAttribute("value")).toList();
        assertThat(properties, contains("apple-network.catalog=Apple enterprise networks",
                "apple-network.catalogRevision=2024-11", "apple-network.dnsServers=127.0.0.1:5353",
                "apple-network.proxy=http://127.0.0.1:3128", "apple-network.timeout=5000ms",
                "apple-network.site=" + SiteName.local()));
        assertThat(Files.readString(file), allOf(not(containsString("s3cr3t")), not(containsString("alice"))));
    }

    @Test
    void testcasesAreNamedByServiceHostAndCheck() throws Exception {
        Reports.writeSurefireXml(Runs.mixed(null), dir);
        Element suite = parse(dir.resolve("TEST-apple-network.mdm.xml"));

        List<String> names = children(suite, "testcase").stream()
                .map(t -> t.getAttribute("classname") + " " + t.getAttribute("name")).toList();
        assertThat(names, contains("apple-network.mdm 1-courier.push.apple.com dns",
                "apple-network.mdm 1-courier.push.apple.com tcp 5223",
                "apple-network.mdm 1-courier.push.apple.com tls 5223/tcp",
                "apple-network.mdm 1-courier.push.apple.com tcp 443",
                "apple-network.mdm 1-courier.push.apple.com tls 443/tcp"));
        for (Element testcase : children(suite, "testcase")) {
            assertThat(testcase.getAttribute("time"), matchesPattern("\\d+\\.\\d{3}"));
        }
        Element proxyProperty = children(suite, "property").get(3);
        assertThat(proxyProperty.getAttribute("value"), is("none"));
    }

    @Test
    void aFailureOnEveryAttemptIsAFailureWithRerunFailures() throws Exception {
        Reports.writeSurefireXml(Runs.mixed(null), dir);
        Element tcp = testcase(parse(dir.resolve("TEST-apple-network.mdm.xml")), "apple-network.mdm",
                "1-courier.push.apple.com tcp 5223");

        Element failure = children(tcp, "failure").get(0);
        assertThat(failure.getAttribute("type"), is("TCP_TIMEOUT"));
        assertThat(failure.getAttribute("message"), is("no answer from 17.57.144.10:5223"));
        assertThat(failure.getTextContent(), allOf(containsString(Verdict.TCP_TIMEOUT.meaning()),
                containsString("remedy: " + Verdict.TCP_TIMEOUT.remedy()),
                containsString("connected to: 17.57.144.10:5223"), containsString("route: direct")));
        List<Element> reruns = children(tcp, "rerunFailure");
        assertThat(reruns.size(), is(2));
        assertThat(reruns.get(0).getAttribute("type"), is("TCP_TIMEOUT"));
        assertThat(children(reruns.get(0), "stackTrace").get(0).getTextContent(),
                containsString("addresses: 17.57.144.10"));
        assertThat(children(tcp, "flakyFailure").isEmpty(), is(true));
    }

    @Test
    void aPassOnARerunIsAFlakyFailureAndASkipHasItsReason() throws Exception {
        Reports.writeSurefireXml(Runs.mixed(null), dir);
        Element suite = parse(dir.resolve("TEST-apple-network.mdm.xml"));

        Element flaky = testcase(suite, "apple-network.mdm", "1-courier.push.apple.com tcp 443");
        assertThat(children(flaky, "failure").isEmpty(), is(true));
        List<Element> flakyFailures = children(flaky, "flakyFailure");
        assertThat(flakyFailures.size(), is(1));
        assertThat(flakyFailures.get(0).getAttribute("type"), is("TCP_RESET"));
        assertThat(flakyFailures.get(0).getAttribute("message"), is("reset after open"));

        Element skipped = testcase(suite, "apple-network.mdm", "1-courier.push.apple.com tls 5223/tcp");
        assertThat(children(skipped, "skipped").get(0).getAttribute("message"),
                is("NOT_RUN: tcp 5223 failed: TCP_TIMEOUT"));
    }

    @Test
    void hostileTextIsEscapedAndIllegalCharactersAreStripped() throws Exception {
        Reports.writeSurefireXml(Runs.mixed(null), dir);
        Path file = dir.resolve("TEST-apple-network.device-setup.xml");
        validate(file);

        Element dns = testcase(parse(file), "apple-network.device-setup", "albert.apple.com dns");
        Element failure = children(dns, "failure").get(0);
        String legal = "<script>alert(1)</script> & \"quotes\" ]]> \\x00\\x1B[31mred\\uD800";
        assertThat(failure.getAttribute("message"), is("albert.apple.com does not exist " + legal));
        assertThat(failure.getTextContent(), containsString("(row albert.apple.com)"));
        assertThat(Files.readString(file), not(containsString("<script>")));
    }

    @Test
    void aServiceWithOnlyPassesStillValidates() throws Exception {
        RunReport passing = new RunReport("Site", "", Runs.STARTED, Duration.ofSeconds(1), Runs.settings(null),
                List.of(CheckOutcome.of(Runs.target(Runs.TIME, dev.orchard.probe.Check.dns()),
                        ProbeResult.passed("", Duration.ofMillis(1_234_567), null))));

        Path file = Reports.writeSurefireXml(passing, dir).get(0);

        validate(file);
        assertThat(parse(file).getAttribute("time"), is("1234.567"));
    }

    @Test
    void illegalCharactersAreRemovedWhateverTheirPlane() {
        assertThat(SurefireXml.legal("a\u0001b\uFFFEc\uD83C\uDF4Ed\uDC00"), is("abc\uD83C\uDF4Ed"));
    }

    @Test
    void writingIntoAFileInsteadOfADirectoryFailsClearly() throws IOException {
        Path notADirectory = Files.writeString(dir.resolve("taken"), "x");

        IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
                () -> Reports.writeSurefireXml(Runs.mixed(null), notADirectory));

        assertThat(e.getMessage(), is(notADirectory + ": is a file; expected a directory to write the reports into"));
    }
}
