package dev.orchard.maven;

import dev.orchard.config.OrchardSettings;
import dev.orchard.catalog.CatalogException;
import java.io.File;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Lists the effective catalog (Apple's list plus site catalogs), filtered like {@code verify}, so an
 * administrator sees what will be checked before opening firewall tickets.
 * {@code mvn dev.orchard:apple-network-maven-plugin:catalog -Dgroups=mdm -Dapple-network.format=json}.
 */
@Mojo(name = "catalog", requiresProject = false, threadSafe = true)
public class CatalogMojo extends SelectingMojo {

    /** {@code table} (default) or {@code json}. Command line {@code -Dapple-network.format=json}. */
    @Parameter(property = "apple-network.format", defaultValue = "table")
    private String format;

    /** A file to write the listing to instead of the log. Command line {@code -Dapple-network.output=rows.json}. */
    @Parameter(property = "apple-network.output")
    private File output;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        boolean json = TextOutput.json(format);
        CatalogListing listing;
        try {
            requireKnownKeys();
            List<String> sites = resolvedCatalogs();
            RunSettings settings = new RunSettings(RunSettings.expressions(groups),
                    RunSettings.expressions(excludedGroups), OrchardSettings.defaults()
                            .with(OrchardSettings.CATALOGS, sites)
                            .with(OrchardSettings.TARGET, OrchardSettings.Target.LAB)
                            .withText(OrchardSettings.REVISION, revision), 0);
            listing = CatalogListing.of(List.copyOf(CheckRun.discover(settings).values()));
        } catch (CatalogException e) {
            throw new MojoFailureException(RunGoal.printable("Bad catalog (apple-network.catalogs):\n" + e.getMessage()));
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new MojoFailureException(RunGoal.printable(e.getMessage()));
        }
        TextOutput.write(json ? List.of(listing.json()) : listing.table(), output, getLog());
    }
}
