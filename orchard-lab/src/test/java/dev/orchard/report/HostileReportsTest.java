package dev.orchard.report;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathResource;

import dev.orchard.ConfigurationKeys;
import dev.orchard.catalog.Catalog;
import dev.orchard.engine.ResultsCollector;
import dev.orchard.lab.FaultServer;
import dev.orchard.lab.HostileDnsServer;
import dev.orchard.lab.HostileHttpServer;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * A whole run through a proxy that echoes the credentials it was given (in each of its three forms) and forges a
 * Maven log line: every report the run writes, and its console summary, must hold no form of the credentials, no
 * raw control character and no forged line, and the XML must stay valid. Everything stays on loopback: the DNS
 * server and proxy are lab servers and every direct connection is sent to a refusing port. The reports are written
 * as the Maven plugin writes them, from the collected run.
 */
class HostileReportsTest {

    private static final String USER = "alice";
    private static final String PASSWORD = "S3cret/Pw%";
    private static final String URL_PASSWORD = "S3cret%2FPw%25";

    @TempDir
    Path dir;

    static List<String> secretForms() {
        return List.of(PASSWORD, URL_PASSWORD, "S3cret%2fPw%25", USER + ":" + PASSWORD, USER + ":" + URL_PASSWORD,
                Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }

    /** No secret, no control character but line breaks and tabs, no line that a forged log line starts. */
    static void assertHarmless(String name, String text) {
        for (String secret : secretForms()) {
            assertThat(name + " holds a form of the credentials", text, not(containsString(secret)));
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = (c < 0x20 && c != '\n' && c != '\r' && c != '\t') || (c >= 0x7F && c <= 0x9F);
            assertThat(name + " has a raw control character U+" + Integer.toHexString(c) + " at " + i, control,
                    is(false));
        }
        text.lines().forEach(line -> assertThat(name + " has a forged line", line.strip().startsWith("[INFO]"),
                is(false)));
    }

    @ParameterizedTest
    @EnumSource(HostileHttpServer.Echo.class)
    void anEchoingProxyLeavesNoTraceInAnyReport(HostileHttpServer.Echo echo) throws Exception {
        ResultsCollector collector = new ResultsCollector();
        try (HostileHttpServer proxy = HostileHttpServer.echoingProxy(echo);
                HostileDnsServer dns = HostileDnsServer.start(HostileDnsServer.Mode.OVERSIZED);
                FaultServer refusing = FaultServer.refusing()) {
            LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectClasspathResource(Catalog.BUNDLED_RESOURCE))
                    .filters(EngineFilter.includeEngines("apple-network"), TagFilter.includeTags("device-setup"))
                    .configurationParameter(ConfigurationKeys.TARGET, "real")
                    .configurationParameter(ConfigurationKeys.PROXY, proxy.url(USER, URL_PASSWORD))
                    .configurationParameter(ConfigurationKeys.DNS_SERVERS, "127.0.0.1:" + dns.address().getPort())
                    .configurationParameter(ConfigurationKeys.CONNECT_TO, "::127.0.0.1:" + refusing.port())
                    .configurationParameter(ConfigurationKeys.TIMEOUT, "2s")
                    .enableImplicitConfigurationParameters(false)
                    .build();
            LauncherFactory.create().execute(request, collector);
        }
        RunReport report = collector.report().orElseThrow();
        Reports.writeAll(report, dir);
        assertThat(report.outcomes().stream().map(o -> o.result().verdict().name()).toList(),
                hasItem("PROXY_DENIED"));
        assertHarmless("console", String.join("\n", ConsoleReport.summary(report)));
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(files.size(), greaterThan(2));
        List<String> names = new ArrayList<>();
        for (Path file : files) {
            names.add(file.getFileName().toString());
            String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            assertHarmless(file.getFileName().toString(), text);
            if (file.toString().endsWith(".xml")) {
                schema().newValidator().validate(new StreamSource(file.toFile()));
            }
        }
        assertThat(names, hasItem(Reports.HTML_FILE));
        String json = Files.readString(files.stream().filter(f -> f.toString().endsWith(".json")).findFirst()
                .orElseThrow());
        assertThat("the escaped injection is kept visible", json, containsString("\\\\x1B[31m"));
    }

    private static Schema schema() throws Exception {
        URL xsd = HostileReportsTest.class.getResource("/surefire-test-report.xsd");
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return factory.newSchema(xsd);
    }
}
