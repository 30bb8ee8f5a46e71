package dev.orchard.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Writes the report files of a run: {@code apple-network-results.json}, {@code apple-network-changes.csv} (the
 * changes that would fix the failed checks), one Surefire
 * {@code TEST-apple-network.<service>.xml} per service, {@code index.html} and the OpenMetrics file
 * {@code apple-network-results.prom}. The engine and the Maven plugin
 * call this once a run has ended.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class Reports {

    /** The HTML page's file name. */
    public static final String HTML_FILE = HtmlReport.FILE_NAME;
    /** The OpenMetrics file's name, for node_exporter's textfile collector. */
    public static final String METRICS_FILE = RunMetrics.FILE_NAME;

    /** The change request's file name. */
    public static final String CHANGES_FILE = ChangesCsv.FILE_NAME;

    private Reports() {
    }

    /** Writes JSON, the change request's CSV, XML, HTML and metrics into {@code dir}, creating it; returns the files written. */
    public static List<Path> writeAll(RunReport report, Path dir) throws IOException {
        createDirectory(dir);
        List<Path> written = new ArrayList<>();
        written.add(writeJson(report, dir.resolve(ResultsFile.FILE_NAME)));
        written.add(writeChanges(report, dir.resolve(CHANGES_FILE)));
        written.addAll(writeSurefireXml(report, dir));
        written.add(writeHtml(report, dir.resolve(HTML_FILE)));
        written.add(writeMetrics(report, dir.resolve(METRICS_FILE)));
        return List.copyOf(written);
    }

    /** The run's metrics in the OpenMetrics text format. */
    public static Path writeMetrics(RunReport report, Path file) throws IOException {
        return RunMetrics.metrics(report).write(file);
    }

    public static Path writeJson(RunReport report, Path file) throws IOException {
        ResultsFile.from(report).write(file);
        return file;
    }

    /** {@code apple-network-changes.csv}: one row per change that would fix failed checks; only a header if none. */
    public static Path writeChanges(RunReport report, Path file) throws IOException {
        ChangesCsv.write(ChangeRequest.of(report), file);
        return file;
    }

    /** One {@code TEST-apple-network.<service>.xml} per service into {@code dir}, such as target/surefire-reports. */
    public static List<Path> writeSurefireXml(RunReport report, Path dir) throws IOException {
        createDirectory(dir);
        return SurefireXml.writeAll(report, dir);
    }

    public static Path writeHtml(RunReport report, Path file) throws IOException {
        Files.writeString(file, HtmlReport.render(report), StandardCharsets.UTF_8);
        return file;
    }

    private static void createDirectory(Path dir) throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IOException(dir + ": is a file; expected a directory to write the reports into");
        }
        Files.createDirectories(dir);
    }

    /** The Surefire file name of a service, such as {@code TEST-apple-network.mdm.xml}. */
    public static String surefireFileName(String service) {
        return SurefireXml.fileName(service);
    }
}
