package dev.orchard.maven;

import dev.orchard.catalog.Catalog;
import dev.orchard.catalog.CatalogDiff;
import dev.orchard.catalog.CatalogException;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Prints the rows added, removed or changed between the bundled catalog (or a baseline) and a newer revision of
 * Apple's article or a newer catalog, to review before updating.
 * {@code mvn dev.orchard:apple-network-maven-plugin:catalog-diff -Dapple-network.article=2026-03.en.txt}.
 */
@Mojo(name = "catalog-diff", requiresProject = false, threadSafe = true)
public class CatalogDiffMojo extends OrchardMojo {

    /**
     * The catalog to compare from; the bundled catalog when unset. Command line
     * {@code -Dapple-network.baseline=site-full.yaml}.
     */
    @Parameter(property = "apple-network.baseline")
    private File baseline;

    /**
     * The newer article text (French or English pipe tables). Command line
     * {@code -Dapple-network.article=2026-03.en.txt}. Give this or {@code catalog}.
     */
    @Parameter(property = "apple-network.article")
    private File article;

    /** The newer catalog YAML. Command line {@code -Dapple-network.catalog=new.yaml}. */
    @Parameter(property = "apple-network.catalog")
    private File catalog;

    /** {@code table} (default, one line per change) or {@code json}. Command line {@code -Dapple-network.format=json}. */
    @Parameter(property = "apple-network.format", defaultValue = "table")
    private String format;

    /** A file to write the diff to instead of the log. Command line {@code -Dapple-network.output=diff.txt}. */
    @Parameter(property = "apple-network.output")
    private File output;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        boolean json = TextOutput.json(format);
        try {
            requireKnownKeys();
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException(e.getMessage());
        }
        if ((article == null) == (catalog == null)) {
            throw new MojoFailureException("Give exactly one of " + CatalogComparison.ARTICLE_KEY
                    + " (a newer article text) and " + CatalogComparison.CATALOG_KEY + " (a newer catalog YAML)");
        }
        CatalogDiff diff;
        String newer = article != null ? article.toString() : catalog.toString();
        try {
            Catalog older = CatalogComparison.baseline(baseline == null ? null : baseline.toPath());
            Catalog newerCatalog = article != null ? CatalogComparison.fromArticle(article.toPath(), older)
                    : Catalog.read(catalog.toPath());
            diff = CatalogDiff.between(older, newerCatalog);
        } catch (CatalogException | IllegalArgumentException e) {
            throw new MojoFailureException("Cannot compare the catalogs:\n" + e.getMessage());
        }
        List<String> lines = new ArrayList<>();
        if (json) {
            lines.add(CatalogComparison.json(diff));
        } else {
            lines.add("Changes from " + (baseline == null ? "the bundled catalog" : baseline) + " to " + newer + ": "
                    + diff.changes().size());
            lines.addAll(diff.isEmpty() ? List.of("no changes") : diff.lines());
        }
        TextOutput.write(lines, output == null ? null : output.toPath(), getLog());
    }
}
