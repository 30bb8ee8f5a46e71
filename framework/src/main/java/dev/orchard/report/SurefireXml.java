package dev.orchard.report;

import dev.orchard.ConfigurationKeys;
import dev.orchard.internal.Sanitizer;
import dev.orchard.probe.NetworkSettings;
import dev.orchard.probe.ProbeResult;
import dev.orchard.probe.Status;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes one Surefire {@code TEST-apple-network.<service>.xml} per service, so that Jenkins, GitLab and every
 * other CI server that reads Surefire reports shows the checks as tests without a plugin of ours. Testcases are
 * named as Surefire names the engine's tests: classname {@code apple-network.<service>}, name host and check, so a
 * check keeps its history whether the plugin or Surefire ran it.
 */
final class SurefireXml {

    static final String SUITE_PREFIX = "apple-network.";

    private SurefireXml() {
    }

    static String fileName(String service) {
        return "TEST-" + SUITE_PREFIX + service + ".xml";
    }

    /** Writes every service's file into {@code dir}; returns the files in service order. */
    static List<Path> writeAll(RunReport report, Path dir) throws IOException {
        List<Path> written = new ArrayList<>();
        for (Map.Entry<String, List<CheckOutcome>> service : report.byService().entrySet()) {
            Path file = dir.resolve(fileName(service.getKey()));
            try (OutputStream out = Files.newOutputStream(file)) {
                write(report, service.getKey(), service.getValue(), out);
            }
            written.add(file);
        }
        return written;
    }

    static void write(RunReport report, String service, List<CheckOutcome> outcomes, OutputStream out)
            throws IOException {
        try {
            XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out, "UTF-8");
            new Writer(xml).suite(report, service, outcomes);
            xml.flush();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write the Surefire report of service " + service + ": " + e.getMessage(),
                    e);
        }
    }

    /** Surefire's time format: seconds with at most three decimals, never a grouping separator. */
    static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.3f", duration.toNanos() / 1e9);
    }

    /** Removes what XML 1.0 cannot carry at all (control characters, lone surrogates, U+FFFE/U+FFFF). */
    static String legal(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            boolean ok = cp == 0x9 || cp == 0xA || cp == 0xD
                    || (cp >= 0x20 && cp <= 0xD7FF)
                    || (cp >= 0xE000 && cp <= 0xFFFD)
                    || (cp >= 0x10000 && cp <= 0x10FFFF);
            if (ok) {
                out.appendCodePoint(cp);
            }
        }
        return out.toString();
    }

    /** The stream writer plus the few shapes a Surefire report has. */
    private record Writer(XMLStreamWriter xml) {

        void suite(RunReport report, String service, List<CheckOutcome> outcomes) throws XMLStreamException {
            Summary counts = Summary.of(outcomes);
            Duration time = outcomes.stream().map(o -> o.result().duration()).reduce(Duration.ZERO, Duration::plus);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuite");
            attribute("name", SUITE_PREFIX + service);
            attribute("time", seconds(time));
            attribute("tests", Integer.toString(counts.total()));
            attribute("errors", "0");
            attribute("skipped", Integer.toString(counts.skipped()));
            attribute("failures", Integer.toString(counts.failed()));
            xml.writeCharacters("\n  ");
            properties(report);
            for (CheckOutcome outcome : outcomes) {
                xml.writeCharacters("\n  ");
                testcase(outcome);
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
        }

        private void properties(RunReport report) throws XMLStreamException {
            NetworkSettings settings = report.settings();
            xml.writeStartElement("properties");
            property("apple-network.catalog", report.catalogName());
            property("apple-network.catalogRevision", report.catalogRevision());
            property(ConfigurationKeys.DNS_SERVERS,
                    settings.dnsServers().isEmpty() ? "system" : String.join(",", settings.dnsServers()));
            String proxy = Sanitizer.withoutCredentials(settings.proxy());
            property(ConfigurationKeys.PROXY, proxy == null ? "none" : proxy);
            property(ConfigurationKeys.TIMEOUT,
                    settings.timeout() == null ? "" : settings.timeout().toMillis() + "ms");
            property(ConfigurationKeys.SITE, report.site());
            xml.writeEndElement();
        }

        private void property(String name, String value) throws XMLStreamException {
            xml.writeCharacters("\n    ");
            xml.writeEmptyElement("property");
            attribute("name", name);
            attribute("value", value);
        }

        private void testcase(CheckOutcome outcome) throws XMLStreamException {
            ProbeResult result = outcome.result();
            xml.writeStartElement("testcase");
            // As the engine's tests appear in Surefire's own reports: the service as class, host and check as name.
            attribute("name", outcome.target().name());
            attribute("classname", SUITE_PREFIX + outcome.service());
            attribute("time", seconds(result.duration()));
            if (result.status() == Status.FAILED) {
                xml.writeStartElement("failure");
                attribute("message", result.message());
                attribute("type", result.verdict().name());
                text(body(outcome, result));
                xml.writeEndElement();
                for (ProbeResult earlier : outcome.earlierAttempts()) {
                    attempt("rerunFailure", outcome, earlier);
                }
            } else if (result.status() == Status.PASSED) {
                for (ProbeResult earlier : outcome.earlierAttempts()) {
                    attempt("flakyFailure", outcome, earlier);
                }
            } else {
                xml.writeStartElement("skipped");
                attribute("message", result.verdict().name() + ": " + result.message());
                xml.writeEndElement();
            }
            xml.writeEndElement();
        }

        private void attempt(String element, CheckOutcome outcome, ProbeResult attempt) throws XMLStreamException {
            xml.writeStartElement(element);
            attribute("message", attempt.message());
            attribute("type", attempt.verdict().name());
            xml.writeStartElement("stackTrace");
            text(body(outcome, attempt));
            xml.writeEndElement();
            xml.writeEndElement();
        }

        /** What a CI server shows under the failure: the check, the verdict's meaning and remedy, the evidence. */
        private static String body(CheckOutcome outcome, ProbeResult result) {
            StringBuilder text = new StringBuilder();
            text.append(outcome.target().host()).append(' ').append(outcome.target().check().displayName())
                    .append(" (row ").append(outcome.target().endpoint().pattern()).append(")\n");
            text.append(result.verdict().name()).append(": ").append(result.verdict().meaning()).append('\n');
            text.append("remedy: ").append(result.verdict().remedy()).append('\n');
            if (!result.message().isEmpty()) {
                text.append(result.message()).append('\n');
            }
            for (String line : EvidenceLines.of(result.evidence())) {
                text.append(line).append('\n');
            }
            return text.toString();
        }

        /** One line: a line break from outside would let a forged line stand on its own in a CI log. */
        private void attribute(String name, String value) throws XMLStreamException {
            xml.writeAttribute(name, legal(Sanitizer.clean(value, Integer.MAX_VALUE)));
        }

        /** Our own lines, each cleaned, so that no line can be split by text from outside. */
        private void text(String value) throws XMLStreamException {
            xml.writeCharacters(legal(Sanitizer.cleanLines(value, Integer.MAX_VALUE)));
        }
    }
}
