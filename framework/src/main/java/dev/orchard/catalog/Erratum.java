package dev.orchard.catalog;

import org.apiguardian.api.API;

/**
 * A place where the catalog departs from the article's text, on purpose and in the open. {@code field} names the
 * column (host, ports, description, proxy), {@code published} is the cell as Apple printed it, and {@code note}
 * says what Orchard tests instead and why.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Erratum(String field, String published, String note) {

    public static final java.util.Set<String> FIELDS =
            java.util.Set.of("host", "ports", "transports", "os", "description", "proxy");

    public Erratum {
        if (field == null || !FIELDS.contains(field)) {
            throw new IllegalArgumentException("erratum field must be one of " + new java.util.TreeSet<>(FIELDS)
                    + ", not " + field);
        }
        published = published == null ? "" : published;
        Validation.requireText("erratum note", note);
    }
}
