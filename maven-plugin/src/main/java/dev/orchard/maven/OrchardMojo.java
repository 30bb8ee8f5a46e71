package dev.orchard.maven;

import dev.orchard.config.OrchardSettings;
import dev.orchard.internal.Sanitizer;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.Proxy;

/** What every goal shares: the project (absent when run without one), the session and the key check. */
abstract class OrchardMojo extends AbstractMojo {

    @Parameter(defaultValue = "${project}", readonly = true)
    MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true)
    MavenSession session;

    /**
     * Fails the goal on a {@code -Dapple-network.*} property that names no key, such as
     * {@code apple-network.timout}, with the nearest known key: Maven would otherwise ignore it and run as if it
     * was not given. The message quotes what the user typed, so it is cleaned for the log.
     */
    void requireKnownKeys() throws MojoFailureException {
        if (session == null) {
            return;
        }
        Set<String> names = new TreeSet<>(session.getUserProperties().stringPropertyNames());
        names.addAll(session.getSystemProperties().stringPropertyNames());
        try {
            OrchardSettings.requireKnown(names);
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException(RunGoal.printable(e.getMessage()));
        }
    }

    /** The Maven log's info level for lines that may quote outside text: each line cleaned, none cut short. */
    Consumer<String> info() {
        return line -> getLog().info(Sanitizer.clean(line, Integer.MAX_VALUE));
    }

    /** The directory relative paths are read from: the project's, else where Maven was started. */
    Path baseDirectory() {
        return GoalContext.baseDirectory(project, session);
    }

    /** Maven resolves File parameters against the project; without one, against where Maven was started. */
    Path absolute(File file) {
        Path path = file.toPath();
        return path.isAbsolute() ? path : baseDirectory().resolve(path).normalize();
    }

    /** The proxies of settings.xml, which a goal uses when its parameters name none; none without a session. */
    List<Proxy> settingsProxies() {
        return session == null ? List.of() : session.getSettings().getProxies();
    }
}
