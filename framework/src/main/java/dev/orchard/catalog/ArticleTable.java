package dev.orchard.catalog;

import java.util.List;
import org.apiguardian.api.API;

/**
 * One pipe table of the article, with the service it was mapped to and how, so that a person can check any
 * mapping that was not made by a known title.
 *
 * @param title the section title as printed (a title and sub-title are joined with " / ")
 * @param serviceId the service the table's rows belong to
 * @param match how the service was found
 * @param line the line of the table's header
 * @param rows the host rows, in the order printed
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ArticleTable(String title, String serviceId, Match match, int line, List<ArticleRow> rows) {

    /** How a table was mapped to its service. */
    public enum Match {
        /** The title is one the article has printed for the service, in French or English. */
        TITLE,
        /** The section's earlier table has a known title, and this service is that section's second table. */
        SECOND_TABLE,
        /** The title is unknown; the known service sharing most hosts was chosen. */
        HOSTS,
        /** The title is unknown and no known service shares a host; a new id was made from the title. */
        NEW
    }

    public ArticleTable {
        Validation.requireServiceId(serviceId);
        rows = List.copyOf(rows);
    }
}
