package dev.orchard.maven;

import java.io.File;
import java.nio.file.Path;

/**
 * Where reports go when {@code apple-network.reportsDirectory} is unset: beside the project's other build output,
 * or in the current directory when the goal runs without a pom.
 */
final class ReportsLocation {

    static final String DIRECTORY_NAME = "apple-network-reports";

    private ReportsLocation() {
    }

    /**
     * @param configured the parameter's value, or null
     * @param pom the project's pom file, or null when there is no project
     * @param buildDirectory the project's build directory
     * @param workingDirectory where Maven was started
     */
    static Path resolve(File configured, File pom, String buildDirectory, Path workingDirectory) {
        if (configured != null) {
            return configured.toPath();
        }
        if (pom != null && buildDirectory != null && !buildDirectory.isBlank()) {
            return Path.of(buildDirectory).resolve(DIRECTORY_NAME);
        }
        return workingDirectory.resolve(DIRECTORY_NAME);
    }
}
