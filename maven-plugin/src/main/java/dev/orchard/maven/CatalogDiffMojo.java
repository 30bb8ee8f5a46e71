package dev.orchard.maven;

import dev.orchard.ConfigurationKeys;
import dev.orchard.catalog.Catalog;
import dev.orchard.catalog.CatalogException;
import dev.orchard.config.OrchardSettings;
import dev.orchard.internal.Sanitizer;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Prints the rows added, removed or changed between the bundled catalog (or a baseline) and a newer revision of
 * Apple's article or a newer catalog, to review before updating: structural changes (what a firewall or proxy
 * sees) first, wording changes apart. With {@code failOnChange} a scheduled pipeline fails the day Apple revises
 * the list. {@code mvn dev.orchard:apple-network-maven-plugin:catalog-diff
 * -Dapple-network.article=https://support.apple.com/en-us/101555}.
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
     * The newer article: an {@code http(s)://} URL such as {@code https://support.apple.com/en-us/101555}, a
     * page saved from the browser ({@code .html}), or the text form with pipe tables, in French or English.
     * Command line {@code -Dapple-network.article=101555.html}. Give this or {@code catalog}.
     */
    @Parameter(property = "apple-network.article")
    private String article;

    /**
     * The bundled revision compared from when no baseline is given: {@code 2026-08} (default) or {@code 2024-11}.
     * Command line {@code -Dapple-network.revision=2024-11}.
     */
    @Parameter(property = "apple-network.revision")
    private String revision;

    /** The newer catalog YAML. Command line {@code -Dapple-network.catalog=new.yaml}. */
    @Parameter(property = "apple-network.catalog")
    private File catalog;

    /**
     * {@code table} (default: one line per change) or {@code json}: {@code {"from", "to", "changes"}}, each
     * change with {@code change, service, host, field, before, after, structural, line}. Command line
     * {@code -Dapple-network.format=json}.
     */
    @Parameter(property = "apple-network.format", defaultValue = "table")
    private String format;

    /** A file to write the diff to instead of the log. Command line {@code -Dapple-network.output=diff.json}. */
    @Parameter(property = "apple-network.output")
    private File output;

    /**
     * Fails the build when the diff has a structural change (a host added or removed, or a change of its ports,
     * transports, proxy support, platforms or service), so a scheduled pipeline alerts when Apple revises the
     * list. Wording changes never fail it. Command line {@code -Dapple-network.failOnChange=true}.
     */
    @Parameter(property = "apple-network.failOnChange", defaultValue = "false")
    private boolean failOnChange;

    /**
     * Also prints wording changes (descriptions, titles) in the table; they are always in the JSON. Command line
     * {@code -Dapple-network.showWording=true}.
     */
    @Parameter(property = "apple-network.showWording", defaultValue = "false")
    private boolean showWording;

    /**
     * The HTTP proxy an article URL is fetched through, as for {@code verify}: {@code http://[user:password@]host:port},
     * or {@code none} to ignore the active proxy of settings.xml. Command line {@code -Dapple-network.proxy=none}.
     */
    @Parameter(property = "apple-network.proxy")
    private String proxy;

    /** A PEM file of trust anchors for fetching an article URL, as for {@code verify}. */
    @Parameter(property = "apple-network.trustAnchors")
    private String trustAnchors;

    /** The timeout for fetching an article URL, as for {@code verify}: {@code 5s}, {@code 1500ms}. */
    @Parameter(property = "apple-network.timeout")
    private String timeout;

    /** Advanced, for the plugin's own tests: {@code lab} fetches article URLs from loopback only. */
    @Parameter(property = "apple-network.target", defaultValue = "real")
    private String target;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        boolean json = TextOutput.json(format);
        requireKnownKeys();
        boolean hasArticle = article != null && !article.isBlank();
        if (hasArticle == (catalog != null)) {
            throw new MojoFailureException("Give exactly one of " + CatalogComparison.ARTICLE_KEY
                    + " (a newer article: URL, saved HTML page or text) and " + CatalogComparison.CATALOG_KEY
                    + " (a newer catalog YAML)");
        }
        ProxyChoice proxyChoice = ProxyChoice.choose(proxy, settingsProxies());
        CatalogComparison comparison;
        try {
            Catalog older = baseline != null ? Catalog.read(baseline.toPath())
                    : Catalog.bundled(OrchardSettings.defaults().withText(OrchardSettings.REVISION, revision)
                            .get(OrchardSettings.REVISION).orElseThrow());
            if (hasArticle) {
                Path base = baseDirectory();
                java.util.Map<String, String> network = OrchardSettings.defaults()
                        .withText(OrchardSettings.PROXY, proxyChoice.value().orElse(null))
                        .withText(OrchardSettings.NON_PROXY_HOSTS, proxyChoice.nonProxyHosts().orElse(null))
                        .withText(OrchardSettings.TRUST_ANCHORS, trustAnchors == null || trustAnchors.isBlank() ? null
                                : absolute(new File(trustAnchors.strip())).toString())
                        .withText(OrchardSettings.TIMEOUT, timeout)
                        .toParameters();
                comparison = CatalogComparison.withArticle(older, article.strip(), base, network,
                        !"real".equalsIgnoreCase(target.strip()));
            } else {
                comparison = CatalogComparison.withCatalog(older, Catalog.read(catalog.toPath()), catalog.toString());
            }
        } catch (CatalogException | IllegalArgumentException e) {
            throw new MojoFailureException(RunGoal.printable("Cannot compare the catalogs:\n" + e.getMessage()));
        }
        String from = baseline == null ? "the bundled catalog" : baseline.toString();
        // Jackson escapes every control character inside JSON strings; cleaning the JSON would escape its newlines.
        List<String> lines = json ? List.of(Sanitizer.redact(comparison.json())) : comparison.table(from, showWording).stream()
                .map(line -> Sanitizer.clean(line, Integer.MAX_VALUE)).toList();
        TextOutput.write(lines, output, getLog());
        if (json && output != null) {
            getLog().info(comparison.summary());
        }
        if (failOnChange && !comparison.diff().structural().isEmpty()) {
            throw new MojoFailureException(comparison.diff().structural().size() + " structural change"
                    + (comparison.diff().structural().size() == 1 ? "" : "s") + " from " + from + " to "
                    + comparison.newer() + " (" + ConfigurationKeys.FAIL_ON_CHANGE + "=true): review them and update"
                    + " the catalog or Orchard");
        }
    }
}
