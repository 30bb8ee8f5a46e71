package dev.orchard.sites;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.orchard.internal.Sanitizer;
import dev.orchard.probe.Status;
import dev.orchard.report.ResultsFile;
import dev.orchard.report.SiteName;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads a results file as a stream of {@link CheckRecord}s with Jackson's streaming parser, so a thousand sites'
 * files never sit in memory at once. A file that is not an Orchard results file, or is broken, is an
 * {@link IOException} naming the file, line and column and what was expected there; the caller skips it.
 */
final class ResultsReader {

    /** Text from a file is cut to this many characters before it reaches any report. */
    static final int MAX_TEXT = 300;
    private static final int MAX_LIST = 32;

    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(1 << 20).maxNestingDepth(64)
                    .build())
            .build();

    private ResultsReader() {
    }

    /** Reads {@code file}, handing each check to {@code each} as it is parsed; returns the run's header. */
    static RunHeader read(Path file, Consumer<CheckRecord> each) throws IOException {
        return parse(file, each, false, true);
    }

    /**
     * Reads {@code file} for aggregation: a passed check's message and evidence are left undecoded (the
     * parser skips them without building strings), which is most of the work in a healthy estate's files.
     */
    static RunHeader readForAggregate(Path file, Consumer<CheckRecord> each) throws IOException {
        return parse(file, each, false, false);
    }

    /** Reads only as far as the site name, for matching baselines to sites. */
    static RunHeader header(Path file) throws IOException {
        return parse(file, record -> { }, true, false);
    }

    private static RunHeader parse(Path file, Consumer<CheckRecord> each, boolean headerOnly, boolean passedDetails)
            throws IOException {
        try (JsonParser json = JSON.createParser(file.toFile())) {
            return new Parse(file, json, each, passedDetails).run(headerOnly);
        } catch (NoSuchFileException e) {
            throw new IOException(file + ": no such file; expected an Orchard results file ("
                    + ResultsFile.FILE_NAME + ")", e);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new IOException(where(file, at) + ": " + e.getOriginalMessage()
                    + "; expected an Orchard results file ("
                    + ResultsFile.FILE_NAME + ")", e);
        }
    }

    private static String where(Path file, JsonLocation at) {
        return at == null ? file.toString() : file + ":" + at.getLineNr() + ":" + at.getColumnNr();
    }

    /** One pass over one file. */
    private static final class Parse {
        private final Path file;
        private final JsonParser json;
        private final Consumer<CheckRecord> each;
        private final boolean passedDetails;
        /** The index of the result being read, or -1 outside results; paths in messages are built from it. */
        private int current = -1;
        private String site;
        private String catalog;
        private String revision = "";
        private String startedAt = "";

        Parse(Path file, JsonParser json, Consumer<CheckRecord> each, boolean passedDetails) {
            this.file = file;
            this.json = json;
            this.each = each;
            this.passedDetails = passedDetails;
        }

        RunHeader run(boolean headerOnly) throws IOException {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                throw problem("the file does not start with a JSON object");
            }
            boolean results = false;
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String name = json.currentName();
                JsonToken value = json.nextToken();
                switch (name) {
                    case "catalog" -> catalog(value);
                    case "startedAt" -> startedAt = bounded(text(value, "startedAt"));
                    case "settings" -> {
                        settings(value);
                        if (headerOnly && site != null) {
                            return header();
                        }
                    }
                    case "results" -> {
                        if (headerOnly) {
                            json.skipChildren();
                        } else {
                            results(value);
                        }
                        results = true;
                    }
                    default -> json.skipChildren();
                }
            }
            if (!results || catalog == null) {
                throw new IOException(file + ": has no " + (results ? "\"catalog\" object" : "\"results\" array")
                        + "; not an Orchard results file (" + ResultsFile.FILE_NAME + ")");
            }
            return header();
        }

        private RunHeader header() {
            String named = site != null ? site : directoryName();
            return new RunHeader(file, SiteName.of(named), catalog == null ? "" : catalog, revision, startedAt);
        }

        /** Files of versions before apple-network.site: the directory a CI job collected the file into. */
        private String directoryName() {
            Path parent = file.toAbsolutePath().getParent();
            return parent == null || parent.getFileName() == null ? file.getFileName().toString()
                    : parent.getFileName().toString();
        }

        private void catalog(JsonToken value) throws IOException {
            expect(value, JsonToken.START_OBJECT, "\"catalog\" to be an object");
            catalog = "";
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String name = json.currentName();
                JsonToken token = json.nextToken();
                switch (name) {
                    case "name" -> catalog = bounded(text(token, "catalog.name"));
                    case "revision" -> revision = bounded(text(token, "catalog.revision"));
                    default -> json.skipChildren();
                }
            }
        }

        private void settings(JsonToken value) throws IOException {
            expect(value, JsonToken.START_OBJECT, "\"settings\" to be an object");
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String name = json.currentName();
                JsonToken token = json.nextToken();
                if (name.equals("site")) {
                    String text = text(token, "settings.site");
                    site = text.isBlank() ? null : text;
                } else {
                    json.skipChildren();
                }
            }
        }

        private void results(JsonToken value) throws IOException {
            expect(value, JsonToken.START_ARRAY, "\"results\" to be an array");
            int index = 0;
            JsonToken token;
            while ((token = json.nextToken()) != JsonToken.END_ARRAY) {
                current = index++;
                expect(token, JsonToken.START_OBJECT, "an object");
                each.accept(result());
            }
            current = -1;
        }

        private CheckRecord result() throws IOException {
            String service = null;
            String host = null;
            Integer port = null;
            String check = null;
            String family = null;
            String status = null;
            String verdict = null;
            String message = null;
            long duration = 0;
            Evidence evidence = Evidence.NONE;
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String name = json.currentName();
                JsonToken token = json.nextToken();
                switch (name) {
                    case "service" -> service = text(token, "service");
                    case "host" -> host = text(token, "host");
                    case "port" -> port = token == JsonToken.VALUE_NULL ? null : (int) number(token, "port");
                    case "check" -> check = text(token, "check");
                    case "family" -> family = token == JsonToken.VALUE_NULL ? null : text(token, "family");
                    case "status" -> status = text(token, "status");
                    case "verdict" -> verdict = text(token, "verdict");
                    case "message" -> message = token == JsonToken.VALUE_NULL || skipDetails(status) ? null
                            : text(token, "message");
                    case "durationMs" -> duration = number(token, "durationMs");
                    case "evidence" -> {
                        if (skipDetails(status)) {
                            json.skipChildren();
                        } else {
                            evidence = evidence(token);
                        }
                    }
                    default -> json.skipChildren();
                }
            }
            require(service, "service");
            require(host, "host");
            require(check, "check");
            require(status, "status");
            require(verdict, "verdict");
            if (Status.fromJsonName(status).isEmpty()) {
                throw problem("status is '" + Sanitizer.quote(status) + "'; expected passed, failed or skipped");
            }
            if (!verdictName(verdict)) {
                throw problem("verdict is '" + Sanitizer.quote(verdict) + "'; expected OK or a verdict name such as "
                        + "TCP_TIMEOUT");
            }
            return new CheckRecord(bounded(service), bounded(host), port, bounded(check),
                    family == null ? null : bounded(family), status, verdict, bounded(message), duration,
                    evidence.addresses, evidence.cnameChain, evidence.issuers, evidence.server);
        }

        /** True when the details of a check already known to have passed are not wanted. */
        private boolean skipDetails(String status) {
            return !passedDetails && "passed".equals(status);
        }

        private record Evidence(List<String> addresses, List<String> cnameChain, List<String> issuers,
                String server) {
            static final Evidence NONE = new Evidence(List.of(), List.of(), List.of(), null);
        }

        private Evidence evidence(JsonToken value) throws IOException {
            if (value == JsonToken.VALUE_NULL) {
                return Evidence.NONE;
            }
            expect(value, JsonToken.START_OBJECT, "evidence to be an object");
            List<String> addresses = List.of();
            List<String> cnames = List.of();
            List<String> issuers = List.of();
            String server = null;
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String name = json.currentName();
                JsonToken token = json.nextToken();
                switch (name) {
                    case "addresses" -> addresses = strings(token, "evidence.addresses");
                    case "cnameChain" -> cnames = strings(token, "evidence.cnameChain");
                    case "chain" -> issuers = issuers(token, "evidence.chain");
                    case "server" -> server = token == JsonToken.VALUE_NULL ? null
                            : bounded(text(token, "evidence.server"));
                    default -> json.skipChildren();
                }
            }
            return new Evidence(addresses, cnames, issuers, server);
        }

        private List<String> strings(JsonToken value, String at) throws IOException {
            expect(value, JsonToken.START_ARRAY, at, "an array of strings");
            List<String> list = new ArrayList<>();
            JsonToken token;
            while ((token = json.nextToken()) != JsonToken.END_ARRAY) {
                String text = text(token, at);
                if (list.size() < MAX_LIST) {
                    list.add(bounded(text));
                }
            }
            return List.copyOf(list);
        }

        private List<String> issuers(JsonToken value, String at) throws IOException {
            expect(value, JsonToken.START_ARRAY, at, "an array of certificates");
            List<String> list = new ArrayList<>();
            JsonToken token;
            while ((token = json.nextToken()) != JsonToken.END_ARRAY) {
                expect(token, JsonToken.START_OBJECT, at, "an object per certificate");
                String issuer = "";
                while (json.nextToken() == JsonToken.FIELD_NAME) {
                    String name = json.currentName();
                    JsonToken field = json.nextToken();
                    if (name.equals("issuer") && field != JsonToken.VALUE_NULL) {
                        issuer = text(field, "evidence.chain[].issuer");
                    } else {
                        json.skipChildren();
                    }
                }
                if (list.size() < MAX_LIST) {
                    list.add(bounded(issuer));
                }
            }
            return List.copyOf(list);
        }

        private String text(JsonToken token, String field) throws IOException {
            if (token != JsonToken.VALUE_STRING) {
                throw problem(field + " is " + describe(token) + "; expected a string");
            }
            return json.getText();
        }

        private long number(JsonToken token, String field) throws IOException {
            if (token != JsonToken.VALUE_NUMBER_INT) {
                throw problem(field + " is " + describe(token) + "; expected a whole number");
            }
            return json.getLongValue();
        }

        private void expect(JsonToken token, JsonToken wanted, String what) throws IOException {
            if (token != wanted) {
                throw problem("expected " + what + ", found " + describe(token));
            }
        }

        private void expect(JsonToken token, JsonToken wanted, String field, String what) throws IOException {
            if (token != wanted) {
                throw problem(field + " is " + describe(token) + "; expected " + what);
            }
        }

        private void require(String value, String field) throws IOException {
            if (value == null) {
                throw problem(field + " is missing; every result has service, host, check, status and verdict");
            }
        }

        private static String describe(JsonToken token) {
            if (token == null) {
                return "the end of the file";
            }
            return switch (token) {
                case VALUE_STRING -> "a string";
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
                case VALUE_TRUE, VALUE_FALSE -> "a boolean";
                case VALUE_NULL -> "null";
                case START_OBJECT -> "an object";
                case START_ARRAY -> "an array";
                default -> token.asString() == null ? token.name() : "'" + token.asString() + "'";
            };
        }

        private IOException problem(String what) {
            String path = current < 0 ? "" : "results[" + current + "]: ";
            return new IOException(where(file, json.currentTokenLocation()) + ": " + path + what
                    + "; expected an Orchard results file (" + ResultsFile.FILE_NAME + ")");
        }
    }

    /** {@code OK} or a name such as {@code TCP_TIMEOUT}: capitals, digits and underscores, at most 64. */
    static boolean verdictName(String text) {
        if (text.isEmpty() || text.length() > 64 || text.charAt(0) < 'A' || text.charAt(0) > 'Z') {
            return false;
        }
        for (int i = 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    /** Outside text as the sanitiser leaves it: redacted, escaped and at most {@value #MAX_TEXT} characters. */
    static String bounded(String text) {
        return Sanitizer.clean(text, MAX_TEXT);
    }
}
