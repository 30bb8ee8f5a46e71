package dev.orchard.surefire;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.surefire.extensions.DefaultStatelessReportMojoConfiguration;
import org.apache.maven.plugin.surefire.extensions.SurefireStatelessReporter;
import org.apache.maven.plugin.surefire.report.ReportEntryType;
import org.apache.maven.plugin.surefire.report.TestSetStats;
import org.apache.maven.plugin.surefire.report.WrappedReportEntry;
import org.apache.maven.surefire.extensions.StatelessReportEventListener;
import org.apiguardian.api.API;

/**
 * Surefire's XML reporter with a header that counts what the report holds. Surefire 3.5.x rewrites a test set's
 * {@code TEST-*.xml} after each rerun with every attempt in the body but only the last attempt's counts in the
 * header (SUREFIRE-1627, for plain JUnit tests too), so a tool that reads {@code tests="…"} sees a two-test suite.
 * This reporter writes the same body and counts the header from it: one test per {@code testcase}, failures, errors
 * and skipped as the elements written. Configure it in Surefire or Failsafe:
 * <pre>{@code
 * <statelessTestsetReporter implementation="dev.orchard.surefire.CountingXmlReporter"/>
 * }</pre>
 * with {@code dev.orchard:orchard-surefire-reporter} as a dependency of the plugin (docs/junit-and-suites.md).
 */
@API(status = API.Status.EXPERIMENTAL)
public class CountingXmlReporter extends SurefireStatelessReporter {

    /** Surefire's default schema version; the body is Surefire's own. */
    public CountingXmlReporter() {
        super(false, "3.0.2");
    }

    /** Surefire 3.5's extension point still takes its deprecated configuration type; there is no other. */
    @Override
    @SuppressWarnings("deprecation")
    public StatelessReportEventListener<WrappedReportEntry, TestSetStats> createListener(
            DefaultStatelessReportMojoConfiguration configuration) {
        StatelessReportEventListener<WrappedReportEntry, TestSetStats> xml = super.createListener(configuration);
        Map<String, Deque<WrappedReportEntry>> history = configuration.getTestClassMethodRunHistory();
        int reruns = configuration.getRerunFailingTestsCount();
        return (testSet, stats) -> {
            List<WrappedReportEntry> runs = new ArrayList<>();
            Deque<WrappedReportEntry> earlier = history.get(
                    testSet.getSourceName() == null ? "null" : testSet.getSourceName());
            if (earlier != null) {
                runs.addAll(earlier);
            }
            runs.addAll(stats.getReportEntries());
            xml.testSetCompleted(testSet, new CountedStats(stats, runs, reruns));
        };
    }

    /** The test set's entries as Surefire keeps them, with counts of the testcases its XML writer makes of them. */
    private static final class CountedStats extends TestSetStats {

        private final TestSetStats stats;
        private int tests;
        private int failures;
        private int errors;
        private int skipped;

        CountedStats(TestSetStats stats, List<WrappedReportEntry> runs, int reruns) {
            super(false, false);
            this.stats = stats;
            Map<String, List<WrappedReportEntry>> byTest = new LinkedHashMap<>();
            for (WrappedReportEntry run : runs) {
                byTest.computeIfAbsent(run.getSourceName() + "\n" + run.getName(), k -> new ArrayList<>()).add(run);
            }
            for (List<WrappedReportEntry> test : byTest.values()) {
                if (reruns > 0) {
                    countWithReruns(test);
                } else {
                    test.forEach(run -> count(run.getReportEntryType()));
                }
            }
        }

        /** Mirrors StatelessXmlReporter: passed runs are one testcase each; otherwise one, marked by the first run. */
        private void countWithReruns(List<WrappedReportEntry> runs) {
            boolean success = runs.stream().anyMatch(r -> r.getReportEntryType() == ReportEntryType.SUCCESS);
            boolean problem = runs.stream().anyMatch(r -> r.getReportEntryType() == ReportEntryType.FAILURE
                    || r.getReportEntryType() == ReportEntryType.ERROR);
            if (success && !problem) {
                runs.stream().filter(r -> r.getReportEntryType() == ReportEntryType.SUCCESS)
                        .forEach(r -> count(ReportEntryType.SUCCESS));
            } else if (success) {
                count(ReportEntryType.SUCCESS);
            } else {
                count(runs.get(0).getReportEntryType());
            }
        }

        private void count(ReportEntryType type) {
            tests++;
            switch (type) {
                case FAILURE -> failures++;
                case ERROR -> errors++;
                case SKIPPED -> skipped++;
                default -> {
                }
            }
        }

        @Override
        public Collection<WrappedReportEntry> getReportEntries() {
            return stats.getReportEntries();
        }

        @Override
        public int getCompletedCount() {
            return tests;
        }

        @Override
        public int getFailures() {
            return failures;
        }

        @Override
        public int getErrors() {
            return errors;
        }

        @Override
        public int getSkipped() {
            return skipped;
        }
    }
}
