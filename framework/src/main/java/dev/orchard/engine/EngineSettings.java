package dev.orchard.engine;

import dev.orchard.ConfigurationKeys;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.platform.engine.ConfigurationParameters;

/**
 * The engine's own configuration keys (catalogs, target, reports directory); the network keys are read by
 * {@link dev.orchard.probe.Network#fromConfiguration}.
 */
record EngineSettings(List<String> catalogs, Target target, Optional<String> reportsDirectory) {

    /** Which network the checks run against. */
    enum Target {
        /** The network this machine is on. */
        REAL,
        /** The simulated lab, healthy. */
        LAB,
        /** The simulated lab as a broken branch office (the demo). */
        BRANCH_OFFICE,
        /** The simulated lab behind a firewall that drops every port (benchmarks). */
        BLACKHOLE
    }

    static EngineSettings from(ConfigurationParameters parameters) {
        List<String> catalogs = parameters.get(ConfigurationKeys.CATALOGS)
                .map(value -> Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList())
                .orElse(List.of());
        Target target = parameters.get(ConfigurationKeys.TARGET).map(EngineSettings::parseTarget).orElse(Target.REAL);
        return new EngineSettings(catalogs, target, parameters.get(ConfigurationKeys.REPORTS_DIRECTORY)
                .map(String::strip).filter(s -> !s.isEmpty()));
    }

    private static Target parseTarget(String value) {
        String wanted = value.strip().toLowerCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(Target.values()).filter(t -> t.name().toLowerCase(Locale.ROOT).equals(wanted))
                .findFirst().orElseThrow(() -> new IllegalArgumentException(ConfigurationKeys.TARGET + ": '" + value
                        + "' is not a target; expected real, lab, branch-office or blackhole"));
    }
}
