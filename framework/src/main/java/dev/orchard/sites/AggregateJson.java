package dev.orchard.sites;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code apple-network-aggregate.json}: the matrix, the causes across sites and each site's drill-down for
 * scripts. Field names are a public interface (docs/sites.md); only add.
 */
final class AggregateJson {

    static final String FILE_NAME = "apple-network-aggregate.json";

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private AggregateJson() {
    }

    record Totals(long checks, long passed, long failed, long skipped) {
    }

    record SkippedFile(String file, String problem) {
    }

    record CauseJson(String verdict, String detail, int siteCount, int checks, List<String> sites) {
    }

    record Cell(int total, int passed, int failed, int skipped, String worst) {
    }

    record Failure(String service, String host, String check, String verdict, String message) {
    }

    record Site(String site, String file, String startedAt, String catalog, String revision, Totals summary,
            Map<String, Cell> services, List<Failure> failures, int failuresNotListed, Drift drift) {
    }

    record Document(int siteCount, int filesSkipped, Totals totals, List<String> services, List<CauseJson> causes,
            List<SkippedFile> skipped, List<Site> sites) {
    }

    static Path write(Aggregation aggregation, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            MAPPER.writeValue(out, document(aggregation));
        }
        return file;
    }

    static Document document(Aggregation aggregation) {
        List<CauseJson> causes = aggregation.causes().stream().map(e -> new CauseJson(e.getKey().verdict(),
                e.getKey().detail(), e.getValue().sites().size(), e.getValue().checks(),
                List.copyOf(e.getValue().sites()))).toList();
        List<SkippedFile> skipped = aggregation.skippedInOrder().stream()
                .map(s -> new SkippedFile(s.file().toString(), s.line())).toList();
        List<Site> sites = aggregation.sites.values().stream().map(AggregateJson::site).toList();
        return new Document(aggregation.sites.size(), skipped.size(),
                new Totals(aggregation.checks(), aggregation.count(r -> r.totals.passed),
                        aggregation.count(r -> r.totals.failed),
                        aggregation.count(r -> r.totals.skipped)),
                aggregation.services(), causes, skipped, sites);
    }

    private static Site site(SiteRun run) {
        Map<String, Cell> cells = new LinkedHashMap<>();
        new java.util.TreeMap<>(run.services).forEach((service, cell) -> cells.put(service,
                new Cell(cell.total, cell.passed, cell.failed, cell.skipped, cell.worst())));
        List<Failure> failures = run.failures.stream().map(r -> new Failure(r.service(), r.host(), r.checkName(),
                r.verdict(), r.message())).toList();
        RunHeader h = run.header;
        return new Site(run.site(), h.file().toString(), h.startedAt(), h.catalog(), h.revision(),
                new Totals(run.totals.total, run.totals.passed, run.totals.failed, run.totals.skipped), cells, failures,
                run.totals.failed - failures.size(), run.drift);
    }
}
