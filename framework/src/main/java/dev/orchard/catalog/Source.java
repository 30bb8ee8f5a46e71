package dev.orchard.catalog;

import org.apiguardian.api.API;

/**
 * The article a catalog was taken from: its title, language and revision (year and month, such as
 * {@code 2024-11}). Diffs and reports print it, so an administrator knows which list was tested.
 */
@API(status = API.Status.STABLE, since = "0.1")
public record Source(String article, String language, String revision) {

    public Source {
        article = Validation.requireText("source article", article);
        language = Validation.requireText("source language", language);
        revision = Validation.requireRevision(revision);
    }
}
