package dev.orchard.sites;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.orchard.report.ResultsFile;
import dev.orchard.report.RunReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Drift of one run against a baseline file ({@code apple-network.baseline} on {@code verify}): the run is turned
 * into the same records as a file, so a run and a file compare exactly as two files do in {@code aggregate}.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Baseline {

    /** The drift file's name beside the run's reports. */
    public static final String JSON_FILE = "apple-network-drift.json";
    /** The drift page's name beside the run's reports. */
    public static final String HTML_FILE = DriftHtml.FILE_NAME;

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Baseline() {
    }

    /**
     * Compares {@code current} with the run recorded in {@code baselineFile}.
     *
     * @throws IOException when the baseline is missing or not a results file; the message names file and line
     */
    public static Drift compare(Path baselineFile, RunReport current) throws IOException {
        List<CheckRecord> before = new ArrayList<>();
        RunHeader header = ResultsReader.read(baselineFile, before::add);
        return Drift.between(baselineFile.toString(), header.startedAt(), before, records(ResultsFile.from(current)));
    }

    /** Compares two results files. */
    public static Drift compare(Path baselineFile, Path currentFile) throws IOException {
        List<CheckRecord> before = new ArrayList<>();
        List<CheckRecord> now = new ArrayList<>();
        RunHeader header = ResultsReader.read(baselineFile, before::add);
        ResultsReader.read(currentFile, now::add);
        return Drift.between(baselineFile.toString(), header.startedAt(), before, now);
    }

    /** Writes {@value #JSON_FILE} and {@code apple-network-drift.html} into {@code dir}. */
    public static List<Path> write(Drift drift, String site, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path json = dir.resolve(JSON_FILE);
        MAPPER.writeValue(json.toFile(), drift);
        Path html = Files.writeString(dir.resolve(HTML_FILE), DriftHtml.page(drift, site), StandardCharsets.UTF_8);
        return List.of(json, html);
    }

    static List<CheckRecord> records(ResultsFile file) {
        List<CheckRecord> records = new ArrayList<>();
        for (ResultsFile.Result r : file.results()) {
            ResultsFile.Observed e = r.evidence();
            records.add(new CheckRecord(r.service(), r.host(), r.port(), r.check(), r.family(), r.status(), r.verdict(),
                    ResultsReader.bounded(r.message()), r.durationMs(), e.addresses(), e.cnameChain(),
                    e.chain().stream().map(c -> c.issuer() == null ? "" : c.issuer()).toList(), e.server()));
        }
        return records;
    }
}
