package dev.orchard.maven;

import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * What the goals that pick checks share: the project (absent when run without one) and the selection of checks,
 * by tag expressions and by site catalogs, spelled as Surefire and the engine spell them.
 */
abstract class SelectingMojo extends AbstractMojo {

    @Parameter(defaultValue = "${project}", readonly = true)
    MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true)
    MavenSession session;

    /**
     * Tag expressions of the checks to run, comma separated, as Surefire's {@code groups}: service ids
     * ({@code mdm}, {@code icloud}), check kinds ({@code dns}, {@code tcp}, {@code tls}, {@code udp}), and
     * expressions such as {@code icloud & tls}. XML {@code <groups>mdm,apple-account</groups>}; command line
     * {@code -Dgroups=mdm}.
     */
    @Parameter(property = "groups")
    String groups;

    /**
     * Tag expressions of the checks to leave out, comma separated. XML
     * {@code <excludedGroups>udp</excludedGroups>}; command line {@code -DexcludedGroups=udp}.
     */
    @Parameter(property = "excludedGroups")
    String excludedGroups;

    /**
     * Site catalogs added to Apple's list, comma separated: files (relative to the project) or
     * {@code classpath:} resources. XML {@code <catalogs>src/test/site-catalog.yaml</catalogs>}; command line
     * {@code -Dapple-network.catalogs=site.yaml}.
     */
    @Parameter(property = "apple-network.catalogs")
    String catalogs;

    /**
     * The bundled revision of Apple's article to check against: {@code 2026-08} (default, English) or
     * {@code 2024-11} (French, the first revision Orchard shipped). XML {@code <revision>2024-11</revision>};
     * command line {@code -Dapple-network.revision=2024-11}.
     */
    @Parameter(property = "apple-network.revision")
    String revision;
}
