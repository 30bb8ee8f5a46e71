package dev.orchard.sites;

import java.nio.file.Path;

/**
 * What a results file says about its run as a whole.
 *
 * @param file where it was read
 * @param site the site ({@code settings.site}), or the file's directory name for files of older versions
 * @param catalog the catalog's name
 * @param revision the article revision
 * @param startedAt the ISO-8601 start, or empty
 */
record RunHeader(Path file, String site, String catalog, String revision, String startedAt) {
}
