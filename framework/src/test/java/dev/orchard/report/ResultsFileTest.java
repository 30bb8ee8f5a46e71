package dev.orchard.report;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsFileTest {

    @TempDir
    Path dir;

    private JsonNode written(RunReport report) throws IOException {
        Path file = Reports.writeJson(report, dir.resolve(ResultsFile.FILE_NAME));
        return new ObjectMapper().readTree(file.toFile());
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void topLevelFieldsAreExactlyTheDocumentedOnes() throws IOException {
        JsonNode json = written(Runs.mixed("http://127.0.0.1:3128"));

        assertThat(names(json), contains("catalog", "startedAt", "durationMs", "settings", "summary", "results",
                "changes"));
        assertThat(names(json.get("catalog")), contains("name", "revision"));
        assertThat(json.get("catalog").get("revision").asText(), is("2024-11"));
        assertThat(json.get("startedAt").asText(), is("2026-11-29T08:00:00Z"));
        assertThat(json.get("durationMs").isIntegralNumber(), is(true));
        assertThat(json.get("durationMs").asLong(), is(12_345L));
        assertThat(names(json.get("settings")), contains("timeoutMs", "proxy", "dnsServers", "site"));
        assertThat(json.get("settings").get("timeoutMs").asLong(), is(5000L));
        assertThat(json.get("settings").get("dnsServers").get(0).asText(), is("127.0.0.1:5353"));
        assertThat(names(json.get("summary")), contains("total", "passed", "failed", "skipped", "flaky"));
        JsonNode summary = json.get("summary");
        assertThat(List.of(summary.get("total").asInt(), summary.get("passed").asInt(), summary.get("failed").asInt(),
                summary.get("skipped").asInt(), summary.get("flaky").asInt()), contains(10, 5, 2, 3, 1));
        assertThat(json.get("results").size(), is(10));
    }

    @Test
    void eachResultHasTheDocumentedFieldsAndTypes() throws IOException {
        JsonNode results = written(Runs.mixed(null)).get("results");
        JsonNode tcp = results.get(1);

        assertThat(names(tcp), contains("service", "pattern", "host", "port", "transport", "check", "route", "status",
                "verdict", "message", "durationMs", "tags", "evidence", "flaky", "attempts", "family"));
        assertThat(tcp.get("service").asText(), is("mdm"));
        assertThat(tcp.get("pattern").asText(), is("*.push.apple.com"));
        assertThat(tcp.get("host").asText(), is("1-courier.push.apple.com"));
        assertThat(tcp.get("port").isInt(), is(true));
        assertThat(tcp.get("port").asInt(), is(5223));
        assertThat(tcp.get("transport").asText(), is("tcp"));
        assertThat(tcp.get("check").asText(), is("tcp"));
        assertThat(tcp.get("route").asText(), is("direct"));
        assertThat(tcp.get("status").asText(), is("failed"));
        assertThat(tcp.get("verdict").asText(), is("TCP_TIMEOUT"));
        assertThat(tcp.get("durationMs").asLong(), is(5001L));
        List<String> tags = new ArrayList<>();
        tcp.get("tags").forEach(t -> tags.add(t.asText()));
        assertThat(tags, contains("mdm", "ios", "macos", "direct-only", "push", "tcp", "ipv4"));
        assertThat(names(tcp.get("evidence")), contains("addresses", "connectedTo"));
        assertThat("the family of the address connected to", tcp.get("family").asText(), is("ipv4"));
        assertThat(tcp.get("flaky").isBoolean(), is(true));
        assertThat(tcp.get("flaky").asBoolean(), is(false));
        assertThat(tcp.get("attempts").size(), is(3));
        assertThat(names(tcp.get("attempts").get(0)), contains("status", "verdict", "message", "durationMs",
                "evidence"));
    }

    @Test
    void aDnsCheckHasNullPortAndTransportAndEvidenceOnlyWhatWasSeen() throws IOException {
        JsonNode dns = written(Runs.mixed(null)).get("results").get(0);

        assertThat(dns.get("check").asText(), is("dns"));
        assertThat(dns.has("port"), is(true));
        assertThat(dns.get("port").isNull(), is(true));
        assertThat(dns.get("transport").isNull(), is(true));
        assertThat(dns.get("verdict").asText(), is("OK"));
        assertThat(dns.get("status").asText(), is("passed"));
        assertThat(names(dns.get("evidence")), contains("addresses", "cnameChain", "apple17"));
        assertThat(dns.get("evidence").get("cnameChain").get(1).asText(), is("1-courier.push-apple.com.akadns.net"));
        assertThat("no reruns, no rerun fields", dns.has("flaky") || dns.has("attempts"), is(false));
    }

    @Test
    void aFlakyCheckIsMarkedAndKeepsItsAttempts() throws IOException {
        JsonNode tcp443 = written(Runs.mixed(null)).get("results").get(3);

        assertThat(tcp443.get("port").asInt(), is(443));
        assertThat(tcp443.get("status").asText(), is("passed"));
        assertThat(tcp443.get("flaky").asBoolean(), is(true));
        assertThat(tcp443.get("attempts").get(0).get("verdict").asText(), is("TCP_RESET"));
        assertThat(tcp443.get("attempts").get(1).get("status").asText(), is("passed"));
    }

    @Test
    void aTlsResultCarriesTheCertificateChain() throws IOException {
        JsonNode tls = written(Runs.mixed(null)).get("results").get(4);

        assertThat(tls.get("check").asText(), is("tls"));
        assertThat(names(tls.get("evidence")), contains("connectedTo", "chain", "tlsVersion"));
        JsonNode leaf = tls.get("evidence").get("chain").get(0);
        assertThat(names(leaf), contains("subject", "issuer", "spkiSha256", "notAfter"));
        assertThat(leaf.get("issuer").asText(), is("CN=Apple Public Server RSA CA 12 - G1"));
    }

    @Test
    void noProxyIsAnExplicitNull() throws IOException {
        JsonNode settings = written(Runs.mixed(null)).get("settings");

        assertThat(settings.has("proxy"), is(true));
        assertThat(settings.get("proxy").isNull(), is(true));
    }

    @Test
    void proxyCredentialsNeverReachTheFile() throws IOException {
        RunReport report = Runs.mixed("http://alice:s3cr3t@127.0.0.1:3128");
        Path file = Reports.writeJson(report, dir.resolve(ResultsFile.FILE_NAME));
        String text = Files.readString(file);

        assertThat(text, allOf(not(containsString("s3cr3t")), not(containsString("alice"))));
        assertThat(new ObjectMapper().readTree(text).get("settings").get("proxy").asText(),
                is("http://127.0.0.1:3128"));
    }

    @Test
    void readsBackWhatItWrote() throws IOException {
        RunReport report = Runs.mixed("http://127.0.0.1:3128");
        Path file = Reports.writeJson(report, dir.resolve(ResultsFile.FILE_NAME));

        ResultsFile read = ResultsFile.read(file);

        assertThat(read, is(ResultsFile.from(report)));
        assertThat(read.results().get(0).port() == null, is(true));
        assertThat(read.results().get(1).attempts().size(), is(3));
        assertThat(read.summary(), is(report.summary()));
    }

    @Test
    void malformedJsonNamesFileLineAndColumn() throws IOException {
        Path file = dir.resolve("broken.json");
        Files.writeString(file, "{\n  \"catalog\": {\"name\": \"x\"},\n  \"startedAt\": ,\n}\n");

        IOException e = assertThrows(IOException.class, () -> ResultsFile.read(file));

        assertThat(e.getMessage(), allOf(containsString("broken.json:3:"), containsString("expected an Orchard")));
    }

    @Test
    void aMissingFieldIsNamed() throws IOException {
        Path file = dir.resolve("partial.json");
        Files.writeString(file, """
                {"catalog": {"name": "x", "revision": "2024-11"}, "startedAt": "2026-11-29T08:00:00Z",
                 "summary": {"total": 0, "passed": 0, "failed": 0, "skipped": 0, "flaky": 0}}
                """);

        IOException e = assertThrows(IOException.class, () -> ResultsFile.read(file));

        assertThat(e.getMessage(), allOf(containsString("partial.json:"), containsString("'results'")));
    }

    @Test
    void anUnknownStatusIsNamedWithItsLine() throws IOException {
        Path file = dir.resolve("status.json");
        String json = ResultsFile.from(Runs.mixed(null)).toJson().replaceFirst("\"status\" : \"passed\"",
                "\"status\" : \"green\"");
        Files.write(file, json.getBytes(StandardCharsets.UTF_8));

        IOException e = assertThrows(IOException.class, () -> ResultsFile.read(file));

        assertThat(e.getMessage(), allOf(containsString("status.json:"), containsString("at results[0]"),
                containsString("status 'green'"),
                containsString("passed, failed, skipped")));
    }

    @Test
    void fieldsAddedByLaterVersionsAreIgnored() throws IOException {
        Path file = dir.resolve("newer.json");
        String json = ResultsFile.from(Runs.mixed(null)).toJson().replaceFirst("\\{", "{\"addedLater\": [1, 2],")
                .replace("\"route\" :", "\"region\": \"eu\", \"route\" :");
        Files.write(file, json.getBytes(StandardCharsets.UTF_8));

        ResultsFile read = ResultsFile.read(file);

        assertThat(read.results().size(), is(10));
        assertThat(read.results().get(1).route(), is("direct"));
    }

    @Test
    void aMissingFileSaysSo() {
        IOException e = assertThrows(IOException.class, () -> ResultsFile.read(dir.resolve("absent.json")));

        assertThat(e.getMessage(), containsString("absent.json: no such file"));
    }
}
