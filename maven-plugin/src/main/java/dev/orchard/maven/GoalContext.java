package dev.orchard.maven;

import java.io.File;
import java.nio.file.Path;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.MavenProject;

/** Where a goal runs: the project when there is one, else the directory Maven was started in. */
final class GoalContext {

    private GoalContext() {
    }

    /** Maven's stand-in project for a goal run without a pom has no file. */
    static boolean hasProject(MavenProject project) {
        return project != null && project.getFile() != null;
    }

    static Path baseDirectory(MavenProject project, MavenSession session) {
        if (hasProject(project)) {
            return project.getBasedir().toPath();
        }
        return workingDirectory(session);
    }

    static Path reportsDirectory(File configured, MavenProject project, MavenSession session) {
        return ReportsLocation.resolve(configured, hasProject(project) ? project.getFile() : null,
                hasProject(project) ? project.getBuild().getDirectory() : null, workingDirectory(session));
    }

    private static Path workingDirectory(MavenSession session) {
        if (session != null && session.getExecutionRootDirectory() != null) {
            return Path.of(session.getExecutionRootDirectory());
        }
        return Path.of(System.getProperty("user.dir"));
    }
}
