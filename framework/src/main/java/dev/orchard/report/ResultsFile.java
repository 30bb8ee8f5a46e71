package dev.orchard.report;


import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.orchard.catalog.Endpoint;
import dev.orchard.internal.Sanitizer;
import dev.orchard.probe.CertificateInfo;
import dev.orchard.probe.Check;
import dev.orchard.probe.IpFamily;
import dev.orchard.probe.ProbeResult;
import dev.orchard.probe.Status;
import dev.orchard.probe.Verdict;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The content of {@code apple-network-results.json}, the file dashboards and diff tools read. Its field names are
 * a public interface: rename nothing, only add. {@link #read(Path)} reads it back, so tools can compare two runs.
 *
 * @param catalog which catalog ran
 * @param startedAt ISO-8601 instant of the run's start
 * @param durationMs how long the run took
 * @param settings the network settings, without credentials
 * @param summary the counts
 * @param results one per check, in planned order
 * @param changes the changes that would fix the failed checks, as {@code apple-network-changes.csv} lists them;
 *     empty when nothing failed (and in files written before Orchard wrote it)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ResultsFile(
        @JsonProperty(required = true) CatalogInfo catalog,
        @JsonProperty(required = true) String startedAt,
        long durationMs,
        Settings settings,
        @JsonProperty(required = true) Summary summary,
        @JsonProperty(required = true) List<Result> results,
        List<Change> changes) {

    /** The file name the writers use. */
    public static final String FILE_NAME = "apple-network-results.json";

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public ResultsFile {
        results = results == null ? List.of() : List.copyOf(results);
        changes = changes == null ? List.of() : List.copyOf(changes);
    }

    /**
     * @param name the catalog's name
     * @param revision the article revision it follows, such as {@code 2024-11}
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CatalogInfo(String name, String revision) {
    }

    /**
     * @param timeoutMs the per-check timeout
     * @param proxy {@code http://host:port}, or null for a direct connection
     * @param dnsServers the resolvers; empty for the system resolver
     * @param site where the run checked ({@code apple-network.site}); null in files of older versions
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Settings(long timeoutMs, String proxy, List<String> dnsServers,
            @JsonInclude(JsonInclude.Include.NON_NULL) String site) {
        public Settings {
            dnsServers = dnsServers == null ? List.of() : List.copyOf(dnsServers);
        }

        /** Settings without a site, as files of older versions have them. */
        public Settings(long timeoutMs, String proxy, List<String> dnsServers) {
            this(timeoutMs, proxy, dnsServers, null);
        }
    }

    /**
     * One check. {@code port} and {@code transport} are null for a dns check; {@code flaky} and {@code attempts}
     * are present only when the check was rerun; {@code erratum} only when the checked row departs from Apple's
     * printed article (see {@link dev.orchard.catalog.Erratum}), so a failure can be read with it. {@code family}
     * ({@code ipv4} or {@code ipv6}) is the IP family the check used, present where known: not for dns, nor through a
     * proxy, which picks the family itself.
     * {@code startMs} is when the check (its final attempt) started, in milliseconds after the run's
     * {@code startedAt}; absent in files written before Orchard recorded it.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Result(
            @JsonProperty(required = true) String service,
            String pattern,
            @JsonProperty(required = true) String host,
            Integer port,
            String transport,
            @JsonProperty(required = true) String check,
            String route,
            @JsonProperty(required = true) String status,
            @JsonProperty(required = true) String verdict,
            String message,
            long durationMs,
            @JsonInclude(JsonInclude.Include.NON_NULL) Long startMs,
            List<String> tags,
            Observed evidence,
            @JsonInclude(JsonInclude.Include.NON_NULL) Boolean flaky,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<Attempt> attempts,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Erratum> erratum,
            @JsonInclude(JsonInclude.Include.NON_NULL) String family) {

        public Result {
            erratum = erratum == null ? List.of() : List.copyOf(erratum);
            requireStatus(status);
            requireVerdict(verdict);
            service = Sanitizer.clean(service, Integer.MAX_VALUE);
            pattern = Sanitizer.clean(pattern, Integer.MAX_VALUE);
            host = Sanitizer.clean(host, Integer.MAX_VALUE);
            route = Sanitizer.clean(route, Integer.MAX_VALUE);
            message = Sanitizer.clean(message, Integer.MAX_VALUE);
            tags = tags == null ? List.of() : List.copyOf(tags);
            evidence = evidence == null ? Observed.NONE : evidence;
            attempts = attempts == null ? null : List.copyOf(attempts);
        }
    }

    /**
     * Where the checked row departs from the article: the column, the cell as Apple printed it, and what Orchard
     * checks instead and why.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Erratum(String field, String published, String note) {
        static List<Erratum> of(Endpoint endpoint) {
            return endpoint.errata().stream().map(e -> new Erratum(e.field(), e.published(), e.note())).toList();
        }
    }

    /** One attempt of a rerun check, oldest first; the last one is the result itself. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Attempt(String status, String verdict, String message, long durationMs, Observed evidence) {
        public Attempt {
            requireStatus(status);
            requireVerdict(verdict);
            message = Sanitizer.clean(message, Integer.MAX_VALUE);
            evidence = evidence == null ? Observed.NONE : evidence;
        }
    }

    /** The non-empty fields of a probe's evidence; see {@link dev.orchard.probe.Evidence} for their meaning. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Observed(
            List<String> addresses,
            List<String> cnameChain,
            List<String> apple17,
            String connectedTo,
            List<CertificateInfo> chain,
            String tlsVersion,
            Integer httpStatus,
            String server,
            String detail) {

        static final Observed NONE = new Observed(null, null, null, null, null, null, null, null, null);

        public Observed {
            addresses = cleaned(addresses);
            cnameChain = cleaned(cnameChain);
            apple17 = cleaned(apple17);
            chain = chain == null ? List.of() : List.copyOf(chain);
            connectedTo = Sanitizer.clean(connectedTo, Integer.MAX_VALUE);
            tlsVersion = Sanitizer.clean(tlsVersion, Integer.MAX_VALUE);
            server = Sanitizer.clean(server, Integer.MAX_VALUE);
            detail = Sanitizer.clean(detail, Integer.MAX_VALUE);
        }

        private static List<String> cleaned(List<String> texts) {
            return texts == null ? List.of() : texts.stream().map(t -> Sanitizer.clean(t, Integer.MAX_VALUE)).toList();
        }

        static Observed of(dev.orchard.probe.Evidence e) {
            return new Observed(e.addresses(), e.cnameChain(), e.apple17(), e.connectedTo(), e.chain(),
                    e.tlsVersion(), e.httpStatus(), e.server(), e.detail());
        }
    }

    /**
     * One change that would fix failed checks: a row of {@code apple-network-changes.csv}, plus the checks it
     * fixes. {@code port} and {@code transport} are null for a DNS filter change.
     *
     * @param change {@code firewall-allow}, {@code proxy-allow}, {@code proxy-auth-exempt},
     *     {@code tls-inspection-exempt}, {@code dns-filter-allow} or {@code other}
     * @param host the row's host, or its wildcard pattern as Apple writes it
     * @param service the services, separated by a space
     * @param verdict the verdicts of the failed checks, separated by a space
     * @param reason what went wrong, naming the checks
     * @param checks the failed checks the change fixes, such as {@code 1-courier.push.apple.com tcp 5223}
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Change(
            @JsonProperty(required = true) String change,
            @JsonProperty(required = true) String host,
            Integer port,
            String transport,
            String service,
            String verdict,
            String reason,
            List<String> checks) {
        public Change {
            checks = checks == null ? List.of() : List.copyOf(checks);
        }

        static Change of(ChangeRequest.Change c) {
            return new Change(c.kind().id(), c.host(), c.port(), c.transport(), String.join(" ", c.services()),
                    String.join(" ", c.verdicts()), c.reason(), c.checks());
        }
    }

    /** The file's content for a run. */
    public static ResultsFile from(RunReport report) {
        var settings = report.settings();
        Settings shown = new Settings(settings.timeout() == null ? 0 : settings.timeout().toMillis(),
                Sanitizer.withoutCredentials(settings.proxy()), settings.dnsServers(), report.site());
        List<Result> results = report.outcomes().stream().map(o -> result(o, report.startedAt())).toList();
        return new ResultsFile(new CatalogInfo(report.catalogName(), report.catalogRevision()),
                report.startedAt().truncatedTo(ChronoUnit.MILLIS).toString(), report.duration().toMillis(), shown,
                report.summary(), results, ChangeRequest.of(report).changes().stream().map(Change::of).toList());
    }

    private static Result result(CheckOutcome outcome, java.time.Instant runStarted) {
        Endpoint endpoint = outcome.target().endpoint();
        Check check = outcome.target().check();
        ProbeResult result = outcome.result();
        List<Attempt> attempts = outcome.rerun()
                ? outcome.attempts().stream().map(ResultsFile::attempt).toList()
                : null;
        return new Result(endpoint.service(), endpoint.pattern(), outcome.target().host(),
                check.transport() == null ? null : check.port(),
                check.transport() == null ? null : check.transport().tag(), check.kind().tag(),
                result.evidence().route(), result.status().jsonName(), result.verdict().name(), result.message(),
                result.duration().toMillis(), startMs(result, runStarted), List.copyOf(outcome.tags()), Observed.of(result.evidence()),
                outcome.rerun() ? outcome.flaky() : null, attempts, Erratum.of(endpoint),
                outcome.family().map(IpFamily::tag).orElse(null));
    }

    /** Milliseconds from the run's start to the check's, never negative; null when the check has no start. */
    static Long startMs(ProbeResult result, java.time.Instant runStarted) {
        return result.started() == null ? null
                : Math.max(0, java.time.Duration.between(runStarted, result.started()).toMillis());
    }

    private static Attempt attempt(ProbeResult result) {
        return new Attempt(result.status().jsonName(), result.verdict().name(), result.message(),
                result.duration().toMillis(), Observed.of(result.evidence()));
    }

    private static void requireStatus(String status) {
        if (Status.fromJsonName(status).isEmpty()) {
            throw new IllegalArgumentException("status '" + status + "' is not one of passed, failed, skipped");
        }
    }

    private static void requireVerdict(String verdict) {
        if (Arrays.stream(Verdict.values()).noneMatch(v -> v.name().equals(verdict))) {
            throw new IllegalArgumentException("verdict '" + verdict + "' is not OK or a verdict name such as "
                    + Verdict.TCP_TIMEOUT.name());
        }
    }

    /** {@code results[3].status}: where in the document a mapping problem is, for people who open the file. */
    private static String jsonPath(List<JsonMappingException.Reference> path) {
        StringBuilder text = new StringBuilder();
        for (JsonMappingException.Reference step : path) {
            if (step.getFieldName() != null) {
                text.append(text.length() == 0 ? "" : ".").append(step.getFieldName());
            } else if (step.getIndex() >= 0) {
                text.append('[').append(step.getIndex()).append(']');
            }
        }
        return text.toString();
    }

    /** Writes the file, replacing any earlier one. */
    public void write(Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            MAPPER.writeValue(out, this);
        }
    }

    /** The file as JSON text. */
    public String toJson() {
        try {
            return MAPPER.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write results as JSON", e);
        }
    }

    /**
     * Reads a results file. A malformed file is an {@link IOException} whose message names the file, line and
     * column, and what was expected there.
     */
    public static ResultsFile read(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        try (InputStream in = Files.newInputStream(file)) {
            ResultsFile read = MAPPER.readValue(in, ResultsFile.class);
            if (read == null) {
                throw new IOException(file + ": is empty; expected a JSON object written by Orchard");
            }
            return read;
        } catch (NoSuchFileException e) {
            throw new IOException(file + ": no such file; expected an Orchard results file (" + FILE_NAME + ")", e);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? file.toString() : file + ":" + at.getLineNr() + ":" + at.getColumnNr();
            String problem = e.getOriginalMessage();
            Throwable cause = e.getCause();
            if (cause instanceof IllegalArgumentException) {
                problem = cause.getMessage();
            }
            if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
                where += ": at " + jsonPath(mapping.getPath());
            }
            throw new IOException(where + ": " + problem + "; expected an Orchard results file (" + FILE_NAME + ")",
                    e);
        }
    }
}
