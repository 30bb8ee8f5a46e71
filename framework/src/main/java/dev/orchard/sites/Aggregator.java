package dev.orchard.sites;

import dev.orchard.ConfigurationKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.apiguardian.api.API;

/**
 * Puts the results of many sites side by side ({@code apple-network:aggregate}): streams every results file once,
 * keeps a few hundred bytes per site, and writes {@code apple-network-aggregate.html}, {@code .json} and
 * {@code .prom}. A corrupt or foreign file is named and skipped; only when no file is readable does it fail.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Aggregator {

    /** The matrix page. */
    public static final String HTML_FILE = AggregateHtml.FILE_NAME;
    /** The JSON summary. */
    public static final String JSON_FILE = AggregateJson.FILE_NAME;
    /** The OpenMetrics file. */
    public static final String METRICS_FILE = AggregateMetrics.FILE_NAME;

    private Aggregator() {
    }

    /**
     * What an aggregation found.
     *
     * @param sites how many sites were aggregated
     * @param checks how many checks their runs had
     * @param failed how many of those failed
     * @param skippedFiles one line per file that was not used, naming it and why
     * @param sitesWithBaseline how many sites were compared with a baseline
     * @param newFailures checks failing now that did not fail in their site's baseline
     * @param written the files written
     */
    public record Outcome(int sites, long checks, long failed, List<String> skippedFiles, int sitesWithBaseline,
            int newFailures, List<Path> written) {
    }

    /**
     * Aggregates the results named by {@code results} (see {@link ConfigurationKeys#RESULTS}) into {@code dir}.
     *
     * @param results comma-separated files, directories or globs, relative to {@code base}
     * @param baseline the same for earlier runs to compare with, matched by site; null or blank for none
     * @param base the directory relative entries start from
     * @param dir where the three files go; created if missing
     * @param log receives progress and every skipped file
     * @throws IOException when nothing readable was found, or the outputs cannot be written
     */
    public static Outcome run(String results, String baseline, Path base, Path dir, Consumer<String> log)
            throws IOException {
        List<String> entries = ResultsSources.entries(results);
        if (entries.isEmpty()) {
            throw new IOException(ConfigurationKeys.RESULTS + " is not set; expected the results files to aggregate, "
                    + "comma separated: files, directories or globs such as sites/*/apple-network-results.json");
        }
        long start = System.nanoTime();
        ResultsSources sources = ResultsSources.expand(entries, base, ConfigurationKeys.RESULTS);
        sources.problems().forEach(log);
        Aggregation aggregation = new Aggregation();
        Map<String, Path> baselines = baselines(baseline, base, log);
        aggregation.baseline = !baselines.isEmpty();
        readAll(sources.files(), baselines, aggregation);
        for (Aggregation.Skipped skipped : aggregation.skippedInOrder()) {
            log.accept("Skipped " + skipped.line());
        }
        if (aggregation.sites.isEmpty()) {
            throw new IOException("No readable results among " + sources.files().size() + " file(s) named by "
                    + ConfigurationKeys.RESULTS + "=" + results + "; expected Orchard results files ("
                    + dev.orchard.report.ResultsFile.FILE_NAME + ")");
        }
        Files.createDirectories(dir);
        List<Path> written = List.of(
                AggregateHtml.write(aggregation, dir.resolve(HTML_FILE)),
                AggregateJson.write(aggregation, dir.resolve(JSON_FILE)),
                AggregateMetrics.metrics(aggregation).write(dir.resolve(METRICS_FILE)));
        double seconds = (System.nanoTime() - start) / 1e9;
        int compared = (int) aggregation.sites.values().stream().filter(run -> run.drift != null).count();
        log.accept(String.format(java.util.Locale.ROOT, "Aggregated %d sites (%d checks, %d failed) from %d files in "
                + "%.1f s; skipped %d file(s)", aggregation.sites.size(), aggregation.checks(),
                aggregation.count(run -> run.totals.failed), sources.files().size(), seconds,
                aggregation.skipped.size()));
        if (aggregation.baseline) {
            log.accept("Drift: " + compared + " site(s) compared with a baseline; " + aggregation.newFailures()
                    + " new failure(s)");
            for (SiteRun run : aggregation.sites.values()) {
                if (run.drift != null && !run.drift.newFailures().isEmpty()) {
                    log.accept("  " + dev.orchard.report.ConsoleReport.plain(run.site()) + ": "
                            + run.drift.headline());
                }
            }
        }
        return new Outcome(aggregation.sites.size(), aggregation.checks(), aggregation.count(run -> run.totals.failed),
                aggregation.skippedInOrder().stream().map(Aggregation.Skipped::line).toList(), compared,
                aggregation.newFailures(), written);
    }

    /** The baseline file of each site; the later run when a site has several. */
    private static Map<String, Path> baselines(String baseline, Path base, Consumer<String> log) {
        Map<String, Path> bySite = new HashMap<>();
        Map<String, String> started = new HashMap<>();
        List<String> entries = ResultsSources.entries(baseline);
        if (entries.isEmpty()) {
            return bySite;
        }
        ResultsSources sources = ResultsSources.expand(entries, base, ConfigurationKeys.BASELINE);
        sources.problems().forEach(log);
        for (Path file : sources.files()) {
            try {
                RunHeader header = ResultsReader.header(file);
                String earlier = started.get(header.site());
                if (earlier == null || Aggregation.instant(header.startedAt()).isAfter(Aggregation.instant(earlier))) {
                    bySite.put(header.site(), file);
                    started.put(header.site(), header.startedAt());
                }
            } catch (IOException e) {
                log.accept("Skipped baseline " + e.getMessage());
            }
        }
        return bySite;
    }

    /** Reads the files on a few threads: parsing is the work, and each file is independent. */
    private static void readAll(List<Path> files, Map<String, Path> baselines, Aggregation aggregation)
            throws IOException {
        int threads = Math.max(1, Math.min(4, Math.min(files.size(), Runtime.getRuntime().availableProcessors())));
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "apple-network-aggregate");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> work = new ArrayList<>();
            for (Path file : files) {
                work.add(pool.submit(() -> readOne(file, baselines, aggregation)));
            }
            for (Future<?> done : work) {
                done.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while aggregating", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UncheckedIOException unchecked) {
                throw unchecked.getCause();
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static void readOne(Path file, Map<String, Path> baselines, Aggregation aggregation) {
        SiteRun run = new SiteRun(!baselines.isEmpty());
        RunHeader header;
        try {
            header = baselines.isEmpty() ? ResultsReader.readForAggregate(file, run::add)
                    : ResultsReader.read(file, run::add);
        } catch (IOException | RuntimeException e) {
            aggregation.skip(file, e.getMessage());
            return;
        }
        run.header = header;
        Path baseline = baselines.get(header.site());
        if (baseline != null) {
            List<CheckRecord> before = new ArrayList<>();
            try {
                RunHeader was = ResultsReader.read(baseline, before::add);
                run.drift = Drift.between(baseline.toString(), was.startedAt(), before, run.takeKept());
            } catch (IOException e) {
                aggregation.skip(baseline, "baseline of site '" + header.site() + "': " + e.getMessage());
            }
        }
        aggregation.add(run);
    }
}
