package dev.orchard.maven;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathResource;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import dev.orchard.catalog.BundledRevision;
import dev.orchard.catalog.Catalog;
import dev.orchard.config.OrchardSettings;
import dev.orchard.engine.AppleNetworkTestEngine;
import dev.orchard.engine.ResultsCollector;
import dev.orchard.internal.Sanitizer;
import dev.orchard.probe.CheckTarget;
import dev.orchard.probe.Network;
import dev.orchard.probe.NetworkSettings;
import dev.orchard.probe.ProbeResult;
import dev.orchard.probe.Status;
import dev.orchard.report.CheckOutcome;
import dev.orchard.report.ConsoleReport;
import dev.orchard.report.RunReport;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.Filter;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherExecutionRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs the {@code apple-network} engine in-process: discovers the selected checks, prints the plan, runs them with
 * progress lines, reruns failed checks by unique id, and merges the attempts into one report. Problems that are
 * not check results (bad settings, a bad catalog, an engine failure) throw {@link IllegalArgumentException} or
 * {@link IllegalStateException} with a message that names the key or file.
 */
final class CheckRun {

    /** Held here: java.util.logging keeps loggers only weakly, and a collected one would lose its level. */
    private static final Logger JUNIT_LAUNCHER_LOG = Logger.getLogger("org.junit.platform.launcher");

    private final RunSettings settings;
    private final Consumer<String> out;
    /** The catalogs the plan is matched against, read once: reruns plan again from the same ones. */
    private Catalog catalog;

    CheckRun(RunSettings settings, Consumer<String> out) {
        this.settings = settings;
        this.out = out;
    }

    /** The discovered checks without running them, for listings. */
    static Map<String, CheckTarget> discover(RunSettings settings) {
        return inPluginClassLoader(() -> new CheckRun(settings, line -> { }).plan().planned());
    }

    /** Runs the checks; empty when no check was selected. */
    Optional<RunReport> run() {
        // The probes never start dnsjava's selector (DnsExchange speaks UDP and TCP itself), so there is no
        // shutdown hook to close here; closing one that never started made dnsjava warn.
        return inPluginClassLoader(this::runInContext);
    }

    private record Plan(TestPlan testPlan, Map<String, CheckTarget> planned) {
    }

    private Optional<RunReport> runInContext() {
        NetworkSettings limits = validate();
        Plan plan = plan();
        if (plan.planned().isEmpty()) {
            return Optional.empty();
        }
        ConsoleReport console = ConsoleReport.plan(List.copyOf(plan.planned().values()), limits);
        out.accept(console.header());
        Progress first = execute(plan.testPlan(), new Progress(console, plan.planned(), out));
        Map<String, List<CheckOutcome>> attempts = new LinkedHashMap<>();
        first.outcomes().forEach((id, outcome) -> attempts.computeIfAbsent(id, k -> new ArrayList<>()).add(outcome));
        for (int rerun = 1; rerun <= settings.reruns(); rerun++) {
            List<String> failed = attempts.entrySet().stream()
                    .filter(e -> last(e.getValue()).status() == Status.FAILED).map(Map.Entry::getKey).toList();
            if (failed.isEmpty()) {
                break;
            }
            out.accept("Rerunning " + failed.size() + " failed check" + (failed.size() == 1 ? "" : "s") + " ("
                    + rerun + "/" + settings.reruns() + ")");
            Plan again = discover(failed.stream().<DiscoverySelector>map(id -> selectUniqueId(id)).toList(),
                    List.of());
            Map<String, CheckTarget> rerunTargets = new LinkedHashMap<>(again.planned());
            ConsoleReport rerunConsole = ConsoleReport.plan(List.copyOf(rerunTargets.values()), limits);
            execute(again.testPlan(), new Progress(rerunConsole, rerunTargets, out)).outcomes()
                    .forEach((id, outcome) -> attempts.computeIfAbsent(id, k -> new ArrayList<>()).add(outcome));
        }
        List<CheckOutcome> merged = attempts.values().stream().map(CheckRun::merge).toList();
        // From the execution's start, the point every check's startMs counts from (so durationMs and the
        // waterfall share one clock), to the end of the last rerun; discovery happened before and is not counted.
        return first.report(merged).map(report -> new RunReport(report.catalogName(), report.catalogRevision(),
                report.startedAt(), Duration.between(report.startedAt(), Instant.now()), report.settings(),
                report.outcomes(), report.site()));
    }

    /** The limits the console plan shows; the settings were checked when they were read. */
    private NetworkSettings validate() {
        try (Network network = settings.settings().withLimits(Network.builder()).loopbackOnly(true).build()) {
            return network.settings();
        }
    }

    private Plan plan() {
        List<Filter<?>> filters = new ArrayList<>();
        if (!settings.groups().isEmpty()) {
            filters.add(tagFilter("groups", settings.groups(), true));
        }
        if (!settings.excludedGroups().isEmpty()) {
            filters.add(tagFilter("excludedGroups", settings.excludedGroups(), false));
        }
        return discover(List.of(selectClasspathResource(Catalog.BUNDLED_RESOURCE)), filters);
    }

    /** JUnit's tag filter; an expression it cannot parse is an error naming the parameter, not JUnit's exception. */
    private static Filter<?> tagFilter(String key, List<String> expressions, boolean include) {
        for (String expression : expressions) {
            try {
                TagFilter.includeTags(expression);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(key + ": '" + Sanitizer.quote(expression) + "' is not a valid tag "
                        + "expression (" + Sanitizer.clean(String.valueOf(e.getMessage()), 200) + "); expected tags "
                        + "such as mdm or tls, combined with &, |, ! and parentheses, comma separated");
            }
        }
        return include ? TagFilter.includeTags(expressions) : TagFilter.excludeTags(expressions);
    }

    private Plan discover(List<DiscoverySelector> selectors, List<Filter<?>> filters) {
        EngineProblems problems = new EngineProblems();
        List<Filter<?>> all = new ArrayList<>(filters);
        all.add(EngineFilter.includeEngines(AppleNetworkTestEngine.ENGINE_ID));
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectors)
                .filters(all.toArray(new Filter<?>[0]))
                .configurationParameters(settings.parameters())
                .enableImplicitConfigurationParameters(false)
                .listeners(problems)
                .build();
        TestPlan testPlan;
        // JUnit also logs each discovery issue, with a stack trace, through java.util.logging before our one
        // message; EngineProblems already has them, so the launcher's logger is quiet while discovering.
        Level before = JUNIT_LAUNCHER_LOG.getLevel();
        JUNIT_LAUNCHER_LOG.setLevel(Level.OFF);
        try {
            testPlan = launcher().discover(request);
        } catch (RuntimeException e) {
            // Critical discovery issues end discovery with an exception; the issues themselves say what is wrong.
            failOn(problems);
            throw new IllegalStateException("the apple-network engine could not discover the checks: "
                    + e.getMessage(), e);
        } finally {
            JUNIT_LAUNCHER_LOG.setLevel(before);
        }
        failOn(problems);
        if (catalog == null) {
            catalog = Catalog.bundledWith(settings.settings().get(OrchardSettings.REVISION).orElseThrow(),
                    settings.settings().catalogs());
        }
        return new Plan(testPlan, PlannedChecks.of(testPlan, catalog));
    }

    private Progress execute(TestPlan testPlan, Progress progress) {
        EngineProblems problems = new EngineProblems();
        launcher().execute(LauncherExecutionRequestBuilder.request(testPlan).listeners(progress, problems).build());
        failOn(problems);
        return progress;
    }

    private static void failOn(EngineProblems problems) {
        if (!problems.messages().isEmpty()) {
            throw new IllegalArgumentException(String.join("\n", problems.messages()));
        }
    }

    /** The plugin writes the reports itself, after merging reruns, so the auto-registered listeners stay off. */
    private static Launcher launcher() {
        return LauncherFactory.create(LauncherConfig.builder().enableTestExecutionListenerAutoRegistration(false)
                .build());
    }

    private static CheckOutcome last(List<CheckOutcome> attempts) {
        return attempts.get(attempts.size() - 1);
    }

    /** One outcome per check: the last attempt, carrying the failed attempts before it. */
    static CheckOutcome merge(List<CheckOutcome> attempts) {
        CheckOutcome last = last(attempts);
        if (attempts.size() == 1) {
            return last;
        }
        List<ProbeResult> earlier = new ArrayList<>();
        for (CheckOutcome attempt : attempts.subList(0, attempts.size() - 1)) {
            earlier.addAll(attempt.attempts());
        }
        return CheckOutcome.rerun(last.target(), last.result(), earlier);
    }

    /** The engine and the catalogs load resources through the context class loader: make it the plugin's. */
    private static <T> T inPluginClassLoader(java.util.function.Supplier<T> work) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(CheckRun.class.getClassLoader());
        try {
            return work.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
