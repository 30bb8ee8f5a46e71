package dev.orchard.maven;

import dev.orchard.config.OrchardSettings;
import java.util.Set;
import java.util.TreeSet;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/** What every goal shares: the project (absent when run without one), the session and the key check. */
abstract class OrchardMojo extends AbstractMojo {

    @Parameter(defaultValue = "${project}", readonly = true)
    MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true)
    MavenSession session;

    /**
     * Fails on a {@code -Dapple-network.*} property that names no key, such as {@code apple-network.timout}, with
     * the nearest known key: Maven would otherwise ignore it and run as if it was not given.
     */
    void requireKnownKeys() {
        if (session == null) {
            return;
        }
        Set<String> names = new TreeSet<>(session.getUserProperties().stringPropertyNames());
        names.addAll(session.getSystemProperties().stringPropertyNames());
        OrchardSettings.requireKnown(names);
    }
}
