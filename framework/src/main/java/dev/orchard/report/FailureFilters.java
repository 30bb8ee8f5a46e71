package dev.orchard.report;

import static dev.orchard.report.Html.escape;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The filter bar above the failures: service, verdict, tag, address family and a search box. It is written
 * {@code hidden} and {@link PageScript} shows it, so a page read without scripts shows no controls that do
 * nothing. The family filter is a tag filter over {@link #FAMILY_TAGS}; it appears once failures carry both.
 */
final class FailureFilters {

    /** The tags that name a check's address family. */
    static final List<String> FAMILY_TAGS = List.of("ipv4", "ipv6");

    private FailureFilters() {
    }

    static void render(StringBuilder html, List<CheckOutcome> failed) {
        Set<String> services = new LinkedHashSet<>();
        Set<String> verdicts = new TreeSet<>();
        Set<String> tags = new TreeSet<>();
        for (CheckOutcome outcome : failed) {
            services.add(outcome.service());
            verdicts.add(outcome.result().verdict().name());
            tags.addAll(outcome.tags());
        }
        html.append("<div id=\"filters\" class=\"filters\" role=\"search\" hidden>");
        select(html, "Service", "service", services);
        select(html, "Verdict", "verdict", verdicts);
        select(html, "Tag", "tag", tags);
        List<String> families = FAMILY_TAGS.stream().filter(tags::contains).toList();
        if (families.size() > 1) {
            // one family alone filters nothing: every check of an IPv4-only network carries ipv4
            select(html, "Family", "family", families);
        }
        html.append("<label>Search <input type=\"search\" name=\"search\" placeholder=\"host, message, evidence\">")
                .append("</label> <output id=\"shown\"></output></div>\n");
    }

    private static void select(StringBuilder html, String label, String name, Collection<String> values) {
        html.append("<label>").append(label).append(" <select name=\"").append(name)
                .append("\"><option value=\"\">all</option>");
        for (String value : values) {
            html.append("<option>").append(escape(value)).append("</option>");
        }
        html.append("</select></label> ");
    }
}
