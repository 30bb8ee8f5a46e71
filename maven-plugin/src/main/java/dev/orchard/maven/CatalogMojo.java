package dev.orchard.maven;

import dev.orchard.ConfigurationKeys;
import dev.orchard.catalog.CatalogException;
import java.io.File;
import java.util.List;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Lists the effective catalog (Apple's list plus site catalogs), filtered like {@code verify}, so an
 * administrator sees what will be checked before opening firewall tickets.
 * {@code mvn dev.orchard:apple-network-maven-plugin:catalog -Dgroups=mdm -Dapple-network.format=json}.
 */
@Mojo(name = "catalog", requiresProject = false, threadSafe = true)
public class CatalogMojo extends AbstractMojo {

    @Parameter(defaultValue = "${project}", readonly = true)
    private MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true)
    private MavenSession session;

    /** Tag expressions of the rows to list, as for verify. Command line {@code -Dgroups=mdm}. */
    @Parameter(property = "groups")
    private String groups;

    /** Tag expressions to leave out, as for verify. Command line {@code -DexcludedGroups=udp}. */
    @Parameter(property = "excludedGroups")
    private String excludedGroups;

    /**
     * Site catalogs added to Apple's list, comma separated. XML {@code <catalogs>site.yaml</catalogs>}; command
     * line {@code -Dapple-network.catalogs=site.yaml}.
     */
    @Parameter(property = "apple-network.catalogs")
    private String catalogs;

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
            RunSettings settings = new RunSettings(RunSettings.expressions(groups),
                    RunSettings.expressions(excludedGroups),
                    new NetworkParameters(GoalContext.baseDirectory(project, session)).catalogs(catalogs)
                            .put(ConfigurationKeys.TARGET, "lab").map(), 0);
            listing = CatalogListing.of(List.copyOf(CheckRun.discover(settings).values()));
        } catch (CatalogException e) {
            throw new MojoFailureException("Bad catalog (apple-network.catalogs):\n" + e.getMessage());
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new MojoFailureException(e.getMessage());
        }
        TextOutput.write(json ? List.of(listing.json()) : listing.table(), output == null ? null : output.toPath(),
                getLog());
    }
}
