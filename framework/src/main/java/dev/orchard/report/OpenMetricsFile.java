package dev.orchard.report;

import dev.orchard.probe.Status;
import io.prometheus.metrics.expositionformats.OpenMetricsTextFormatWriter;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.Unit;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Writes metric files in the OpenMetrics text format with Prometheus' own writer, for node_exporter's textfile
 * collector. The file is written beside its final name and moved into place, so a scrape never reads half a file.
 * No sample carries a timestamp: node_exporter refuses client-side timestamps; the run's time is a metric instead.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class OpenMetricsFile {

    private final List<MetricSnapshot> metrics = new ArrayList<>();

    /** Adds a gauge family. */
    public Gauge gauge(String name, String help) {
        return new Gauge(this, name, help, null);
    }

    /** Adds a gauge family measured in seconds; its name ends in {@code _seconds}. */
    public Gauge seconds(String name, String help) {
        return new Gauge(this, name, help, Unit.SECONDS);
    }

    /**
     * A status as a gauge value: 1 passed, 0 failed, -1 skipped. One encoding for every Orchard metric file, so
     * one alert rule reads a run's checks and an aggregate's services alike.
     */
    public static double value(Status status) {
        return switch (status) {
            case PASSED -> 1;
            case FAILED -> 0;
            case SKIPPED -> -1;
        };
    }

    /** The families added so far, in order. */
    MetricSnapshots snapshots() {
        return new MetricSnapshots(metrics);
    }

    /** Writes the file atomically, replacing any earlier one. */
    public Path write(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Path partial = Files.createTempFile(parent, "." + file.getFileName(), ".partial");
        try {
            try (OutputStream out = Files.newOutputStream(partial)) {
                OpenMetricsTextFormatWriter.create().write(out, snapshots());
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
        return file;
    }

    /** One gauge family being built: add samples, then {@link #done()}. */
    public static final class Gauge {
        private final OpenMetricsFile file;
        private final GaugeSnapshot.Builder builder;
        private boolean empty = true;

        private Gauge(OpenMetricsFile file, String name, String help, Unit unit) {
            this.file = file;
            this.builder = GaugeSnapshot.builder().name(name).help(help);
            if (unit != null) {
                builder.unit(unit);
            }
        }

        /** A sample; {@code labels} alternate names and values. Label values are escaped by the writer. */
        public Gauge sample(double value, String... labels) {
            builder.dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder().labels(Labels.of(labels)).value(value)
                    .build());
            empty = false;
            return this;
        }

        /**
         * Three samples, one per final status, each with the given labels and a {@code status} label (passed,
         * failed, skipped): the shape of every "checks by status" family.
         */
        public Gauge byStatus(long passed, long failed, long skipped, String... labels) {
            return sample(passed, withStatus(labels, "passed")).sample(failed, withStatus(labels, "failed"))
                    .sample(skipped, withStatus(labels, "skipped"));
        }

        private static String[] withStatus(String[] labels, String status) {
            String[] all = Arrays.copyOf(labels, labels.length + 2);
            all[labels.length] = "status";
            all[labels.length + 1] = status;
            return all;
        }

        /** Adds the family to the file, unless it has no sample. */
        public OpenMetricsFile done() {
            if (!empty) {
                file.metrics.add(builder.build());
            }
            return file;
        }
    }
}
