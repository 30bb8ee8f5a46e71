package dev.orchard.maven;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Checks that Surefire's (or Failsafe's) reports count what they hold, the promise of docs/junit-and-suites.md:
 * every {@code TEST-*.xml} header equals its testcase, failure, error and skipped elements; testcases of a
 * {@code TEST-apple-network.<service>.xml} are named {@code apple-network.<service>}, each name once; the console's
 * closing line equals the sum of the reports; and the engine's {@code apple-network-results.json} counts the same.
 *
 * <p>One checker for every place that needs it: the invoker IT {@code surefire-reports} calls it from its verify
 * script and {@code samples/run} from bash, both as a JDK-only single-file program:
 * <pre>java SurefireReportCheck.java [--log build.log] [--results apple-network-results.json] DIR...</pre>
 * With {@code --log}, the k-th console closing line ("Tests run: N, Failures: F, Errors: E, Skipped: S") of the log
 * is checked against the k-th report directory, and so is the k-th {@code --results} file. Exit status 0 when
 * everything agrees; otherwise each disagreement is printed.
 */
final class SurefireReportCheck {

    /** A closing line; per-class lines carry "Time elapsed" and are not matched. */
    private static final Pattern CLOSING = Pattern.compile(
            "Tests run: (\\d+), Failures: (\\d+), Errors: (\\d+), Skipped: (\\d+)(?:, Flakes: (\\d+))?\\s*$");
    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;]*m");
    private static final String SERVICE_FILE_PREFIX = "TEST-apple-network.";

    private SurefireReportCheck() {
    }

    /** What a set of reports or a console line counts. Flakes are tests that passed on a rerun. */
    record Counts(int tests, int failures, int errors, int skipped, int flakes) {

        Counts plus(Counts other) {
            return new Counts(tests + other.tests, failures + other.failures, errors + other.errors,
                    skipped + other.skipped, flakes + other.flakes);
        }

        @Override
        public String toString() {
            return "Tests run: " + tests + ", Failures: " + failures + ", Errors: " + errors + ", Skipped: " + skipped
                    + ", Flakes: " + flakes;
        }
    }

    /** The outcome of checking one directory: its summed counts and every disagreement found. */
    record Result(Counts counts, List<String> problems) {
    }

    public static void main(String[] args) throws Exception {
        Path log = null;
        List<Path> results = new ArrayList<>();
        List<Path> dirs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--log" -> log = Path.of(args[++i]);
                case "--results" -> results.add(Path.of(args[++i]));
                default -> dirs.add(Path.of(args[i]));
            }
        }
        if (dirs.isEmpty()) {
            System.err.println("usage: java SurefireReportCheck.java [--log FILE] [--results FILE] DIR...");
            System.exit(2);
        }
        List<String> problems = check(dirs, log, results);
        problems.forEach(p -> System.out.println("FAIL: " + p));
        System.exit(problems.isEmpty() ? 0 : 1);
    }

    /** Every disagreement among the directories' reports, the log's closing lines and the results files. */
    static List<String> check(List<Path> dirs, Path log, List<Path> results) throws IOException {
        List<String> problems = new ArrayList<>();
        List<Counts> closing = log == null ? List.of() : closingLines(log);
        if (log != null && closing.size() < dirs.size()) {
            problems.add(log + ": " + closing.size() + " closing \"Tests run:\" lines for " + dirs.size()
                    + " report directories");
        }
        for (int k = 0; k < dirs.size(); k++) {
            Result result = reports(dirs.get(k));
            problems.addAll(result.problems());
            System.out.println(dirs.get(k) + ": reports sum to " + result.counts());
            if (k < closing.size() && !closing.get(k).equals(result.counts())) {
                problems.add(dirs.get(k) + ": console says " + closing.get(k) + ", the reports sum to "
                        + result.counts());
            }
            if (k < results.size()) {
                problems.addAll(againstResultsFile(results.get(k), result.counts()));
            }
        }
        return problems;
    }

    /** Checks each {@code TEST-*.xml} of a directory against itself and sums them. */
    static Result reports(Path dir) throws IOException {
        List<String> problems = new ArrayList<>();
        Counts sum = new Counts(0, 0, 0, 0, 0);
        if (!Files.isDirectory(dir)) {
            return new Result(sum, List.of(dir + ": no such report directory; did the execution run?"));
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(f -> f.getFileName().toString().matches("TEST-.*\\.xml")).sorted().toList();
        }
        if (files.isEmpty()) {
            problems.add(dir + ": no TEST-*.xml reports");
        }
        for (Path file : files) {
            try {
                sum = sum.plus(report(file, problems));
            } catch (Exception e) {
                problems.add(file + ": cannot read the report: " + e.getMessage());
            }
        }
        return new Result(sum, problems);
    }

    private static Counts report(Path file, List<String> problems) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Element suite = factory.newDocumentBuilder().parse(file.toFile()).getDocumentElement();
        String name = file.getFileName().toString();
        String service = name.startsWith(SERVICE_FILE_PREFIX)
                ? "apple-network." + name.substring(SERVICE_FILE_PREFIX.length(), name.length() - ".xml".length())
                : null;
        int tests = 0;
        int failures = 0;
        int errors = 0;
        int skipped = 0;
        int flakes = 0;
        List<String> names = new ArrayList<>();
        NodeList children = suite.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (!(children.item(i) instanceof Element testcase) || !testcase.getTagName().equals("testcase")) {
                continue;
            }
            tests++;
            boolean failed = has(testcase, "failure");
            boolean errored = has(testcase, "error");
            failures += failed ? 1 : 0;
            errors += errored ? 1 : 0;
            skipped += has(testcase, "skipped") ? 1 : 0;
            if (!failed && !errored && (has(testcase, "flakyFailure") || has(testcase, "flakyError"))) {
                flakes++;
            }
            String classname = testcase.getAttribute("classname");
            String testName = testcase.getAttribute("name");
            if (service != null && !classname.equals(service)) {
                problems.add(file + ": testcase \"" + testName + "\" has classname \"" + classname + "\", expected \""
                        + service + "\"");
            }
            if (names.contains(classname + "\n" + testName)) {
                problems.add(file + ": testcase \"" + testName + "\" of " + classname + " occurs twice");
            }
            names.add(classname + "\n" + testName);
        }
        expect(problems, file, "tests", suite, tests);
        expect(problems, file, "failures", suite, failures);
        expect(problems, file, "errors", suite, errors);
        expect(problems, file, "skipped", suite, skipped);
        return new Counts(tests, failures, errors, skipped, flakes);
    }

    private static boolean has(Element testcase, String child) {
        for (Node n = testcase.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(child)) {
                return true;
            }
        }
        return false;
    }

    private static void expect(List<String> problems, Path file, String attribute, Element suite, int elements) {
        String header = suite.getAttribute(attribute);
        if (!header.equals(Integer.toString(elements))) {
            problems.add(file + ": header says " + attribute + "=\"" + header + "\" but the report holds " + elements);
        }
    }

    /** The console's closing lines in log order, one per Surefire or Failsafe execution. */
    static List<Counts> closingLines(Path log) throws IOException {
        List<Counts> lines = new ArrayList<>();
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            String plain = ANSI.matcher(line).replaceAll("");
            Matcher m = CLOSING.matcher(plain);
            if (m.find() && !plain.contains("Time elapsed")) {
                lines.add(new Counts(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)),
                        m.group(5) == null ? 0 : Integer.parseInt(m.group(5))));
            }
        }
        return lines;
    }

    /** The results file's summary: every check, and failed ones are Surefire's failures plus errors. */
    private static List<String> againstResultsFile(Path file, Counts reports) throws IOException {
        if (!Files.isRegularFile(file)) {
            return List.of(file + ": no results file; is apple-network.reportsDirectory set?");
        }
        String json = Files.readString(file, StandardCharsets.UTF_8);
        int at = json.indexOf("\"summary\"");
        if (at < 0) {
            return List.of(file + ": no \"summary\" object");
        }
        String summary = json.substring(at, json.indexOf('}', at));
        List<String> problems = new ArrayList<>();
        compare(problems, file, summary, "total", reports.tests());
        compare(problems, file, summary, "failed", reports.failures() + reports.errors());
        compare(problems, file, summary, "skipped", reports.skipped());
        return problems;
    }

    private static void compare(List<String> problems, Path file, String summary, String key, int expected) {
        Matcher m = Pattern.compile("\"" + key + "\"\\s*:\\s*(\\d+)").matcher(summary);
        if (!m.find()) {
            problems.add(file + ": summary has no \"" + key + "\"");
        } else if (Integer.parseInt(m.group(1)) != expected) {
            problems.add(file + ": summary." + key + " is " + m.group(1) + ", Surefire's reports say " + expected);
        }
    }
}
