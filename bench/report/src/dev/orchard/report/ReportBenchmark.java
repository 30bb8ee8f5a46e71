package dev.orchard.report;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Size and render time of the HTML page for a badly broken network ({@link Runs#large}: 2,000 checks, 1,000
 * failures by default), in headless Chromium. Three numbers per run:
 * <ul>
 *   <li>{@code ready}: milliseconds from navigation start until the page is parsed, its script has folded the
 *   failures and the browser has laid it out (a measuring script appended after the page's own forces layout and
 *   reads {@code performance.now()});</li>
 *   <li>{@code filter}: milliseconds for a search in the filter bar to apply and lay the page out again;</li>
 *   <li>{@code screenshot}: the wall time of a whole {@code chromium --screenshot} of the page minus that of an
 *   empty page, which adds painting and leaves out the browser's own start.</li>
 * </ul>
 * Exits 1 when the page is 2 MB or more or the median {@code ready} is 1 s or more. Run with
 * {@code bench/report/run}.
 */
public final class ReportBenchmark {

    static final long SIZE_BUDGET = 2_000_000;
    static final long READY_BUDGET_MS = 1_000;

    private static final String PROBE = "var b = document.body, t0 = performance.now(); b.offsetHeight;"
            + "var ready = performance.now(), s = document.querySelector('input[name=search]');"
            + "s.value = 'host-7'; s.dispatchEvent(new Event('input', {bubbles: true})); b.offsetHeight;"
            + "b.setAttribute('data-bench', Math.round(ready) + ' ' + Math.round(performance.now() - ready) + ' '"
            + " + document.getElementById('shown').textContent.split(' ')[0]);";

    private ReportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        int checks = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        int failures = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        if (!Files.isExecutable(Chromium.CHROMIUM)) {
            System.err.println("no " + Chromium.CHROMIUM + ": install it with 'apt-get install -y chromium'");
            System.exit(2);
        }
        RunReport report = Runs.large(checks, failures);
        long start = System.nanoTime();
        String html = HtmlReport.render(report);
        long renderJava = (System.nanoTime() - start) / 1_000_000;
        Path dir = Files.createDirectories(out.resolve("pages"));
        Path page = dir.resolve("index.html");
        Files.writeString(page, html, StandardCharsets.UTF_8);
        long size = Files.size(page);
        Path measured = dir.resolve("measured.html");
        Files.writeString(measured, html.replace("script-src " + PageScript.CSP_SOURCE, "script-src "
                + PageScript.CSP_SOURCE + " " + PageScript.source(PROBE)).replace("</body>", "<script>" + PROBE
                + "</script>\n</body>"), StandardCharsets.UTF_8);
        Path empty = dir.resolve("empty.html");
        Files.writeString(empty, "<!DOCTYPE html><html><body><p>empty</p></body></html>\n");

        List<Long> ready = new ArrayList<>();
        List<Long> filter = new ArrayList<>();
        List<Long> shot = new ArrayList<>();
        String matched = "?";
        for (int i = 0; i < runs; i++) {
            Run dump = chromium(out, measured, "--dump-dom");
            Matcher m = Pattern.compile("data-bench=\"(\\d+) (\\d+) (\\d+)\"").matcher(dump.stdout());
            if (!m.find()) {
                System.err.println("the measuring script wrote nothing; chromium said:\n" + dump.stderr());
                System.exit(2);
            }
            ready.add(Long.parseLong(m.group(1)));
            filter.add(Long.parseLong(m.group(2)));
            matched = m.group(3);
            long base = chromium(out, empty, "--screenshot=" + dir.resolve("empty.png")).millis();
            long full = chromium(out, page, "--screenshot=" + dir.resolve("page.png")).millis();
            shot.add(full - base);
        }
        System.out.printf(Locale.ROOT, "| checks | failures | page size | Java render | ready (median / max) | filter "
                + "(median) | screenshot minus empty page (median) |%n|---|---|---|---|---|---|---|%n");
        System.out.printf(Locale.ROOT, "| %d | %d | %.2f MB | %d ms | %d / %d ms | %d ms (%s match) | %d ms |%n",
                checks, failures, size / 1e6, renderJava, median(ready), Collections.max(ready), median(filter),
                matched, median(shot));
        System.out.println("load average: " + Files.readString(Path.of("/proc/loadavg")).strip());
        List<String> missed = new ArrayList<>();
        if (size >= SIZE_BUDGET) {
            missed.add("page " + size + " bytes >= " + SIZE_BUDGET);
        }
        if (median(ready) >= READY_BUDGET_MS) {
            missed.add("median ready " + median(ready) + " ms >= " + READY_BUDGET_MS + " ms");
        }
        if (!missed.isEmpty()) {
            System.out.println("MISSED: " + String.join("; ", missed));
            System.exit(1);
        }
    }

    private record Run(long millis, String stdout, String stderr) {
    }

    /** One browser run through the tests' {@link Chromium}, timed as a whole. */
    private static Run chromium(Path out, Path page, String mode) throws Exception {
        Chromium browser = new Chromium(Files.createTempDirectory(out, "profile"));
        long start = System.nanoTime();
        Chromium.Browser run = browser.run(page, "--window-size=1280,800", mode);
        return new Run((System.nanoTime() - start) / 1_000_000, run.stdout(), run.stderr());
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
