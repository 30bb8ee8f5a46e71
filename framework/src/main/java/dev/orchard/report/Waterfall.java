package dev.orchard.report;

import static dev.orchard.report.Html.escape;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The run as a waterfall, in inline SVG: one bar per check from its start to its end, grouped by service, on a pale
 * track as long as the timeout, so an administrator sees at a glance what waited (a bar that fills its track ran
 * into the timeout) and what waited for what (checks that start only when another ends). Colours follow the
 * status; each bar's title names the check, verdict, start and duration.
 */
final class Waterfall {

    static final int LABEL = 330;
    static final int WIDTH = 640;
    static final int ROW = 12;
    static final int GROUP = 18;

    private Waterfall() {
    }

    static void render(StringBuilder html, RunReport report) {
        Map<String, List<CheckOutcome>> services = report.byService();
        long timeout = report.settings().timeout() == null ? 0 : report.settings().timeout().toMillis();
        long end = Math.max(1, Math.max(report.duration().toMillis(), timeout));
        int timed = 0;
        for (List<CheckOutcome> outcomes : services.values()) {
            for (CheckOutcome outcome : outcomes) {
                Long start = ResultsFile.startMs(outcome.result(), report.startedAt());
                if (start != null) {
                    timed++;
                    end = Math.max(end, start + Math.max(outcome.result().duration().toMillis(), timeout));
                }
            }
        }
        html.append("<section id=\"waterfall\">\n<h2>Timeline (").append(timed).append(" checks)</h2>\n");
        if (timed == 0) {
            html.append("<p>No check recorded its start time.</p>\n</section>\n");
            return;
        }
        int height = 34 + services.size() * GROUP + timed * ROW;
        html.append("<p class=\"meta\">Each check from its start to its end, by service; the pale track is the ")
                .append("timeout (").append(seconds(timeout)).append("): a bar that fills it waited for the timeout.</p>\n")
                .append("<div class=\"waterfall\">\n<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"").append(LABEL + WIDTH + 10)
                .append("\" height=\"").append(height).append("\" font-size=\"10\" font-family=\"sans-serif\">\n")
                .append("<title>When each check started and how long it took, by service</title>\n");
        axis(html, end, height);
        int y = 30;
        for (Map.Entry<String, List<CheckOutcome>> service : services.entrySet()) {
            html.append("<text x=\"0\" y=\"").append(y + 12).append("\" font-weight=\"bold\" font-size=\"11\">")
                    .append(escape(service.getKey())).append("</text>\n");
            y += GROUP;
            for (CheckOutcome outcome : service.getValue()) {
                Long start = ResultsFile.startMs(outcome.result(), report.startedAt());
                if (start != null) {
                    bar(html, outcome, start, timeout, end, y);
                    y += ROW;
                }
            }
        }
        html.append("</svg>\n</div>\n</section>\n");
    }

    private static void axis(StringBuilder html, long end, int height) {
        long step = step(end);
        for (long t = 0; t <= end; t += step) {
            long x = LABEL + x(t, end);
            html.append("<line x1=\"").append(x).append("\" y1=\"18\" x2=\"").append(x).append("\" y2=\"")
                    .append(height).append("\" stroke=\"#e3e3e8\"/><text x=\"").append(x + 2)
                    .append("\" y=\"14\" fill=\"#555\">").append(seconds(t)).append("</text>\n");
        }
    }

    private static void bar(StringBuilder html, CheckOutcome outcome, long start, long timeout, long end, int y) {
        long duration = outcome.result().duration().toMillis();
        String colour = switch (outcome.status()) {
            case PASSED -> "#34a853";
            case FAILED -> "#d70015";
            case SKIPPED -> "#c9a400";
        };
        String label = outcome.target().host() + " " + outcome.target().check().displayName();
        String shown = label.length() > 58 ? label.substring(0, 57) + "…" : label;
        long x = LABEL + x(start, end);
        html.append("<g><text x=\"0\" y=\"").append(y + 9).append("\">").append(escape(shown)).append("</text>");
        if (timeout > 0) {
            html.append("<rect x=\"").append(x).append("\" y=\"").append(y + 2).append("\" height=\"8\" width=\"")
                    .append(Math.max(1, x(timeout, end))).append("\" fill=\"#eef0f4\"/>");
        }
        html.append("<rect class=\"bar\" x=\"").append(x).append("\" y=\"").append(y + 2)
                .append("\" height=\"8\" width=\"").append(Math.max(1, x(duration, end))).append("\" fill=\"")
                .append(colour).append("\"><title>").append(escape(label)).append(": ")
                .append(outcome.result().verdict().name()).append(", started at ").append(start).append(" ms, took ")
                .append(duration).append(" ms</title></rect></g>\n");
    }

    private static long x(long millis, long end) {
        return millis * WIDTH / end;
    }

    /** A round tick step that gives at most about ten ticks. */
    static long step(long end) {
        for (long step : new long[] {100, 200, 500, 1000, 2000, 5000, 10_000, 30_000, 60_000}) {
            if (end / step <= 10) {
                return step;
            }
        }
        return 300_000;
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
