package dev.orchard.maven;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What the goals that pick checks share: the project (absent when run without one) and the selection of checks,
 * by tag expressions and by site catalogs, spelled as Surefire and the engine spell them.
 */
abstract class SelectingMojo extends OrchardMojo {

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
     * Site catalogs added to Apple's list: files (relative to the project) or {@code classpath:} resources. XML
     * {@code <catalogs><catalog>src/test/site-catalog.yaml</catalog></catalogs>} or
     * {@code <catalogs>a.yaml,b.yaml</catalogs>}; command line {@code -Dapple-network.catalogs=site.yaml}.
     */
    @Parameter(property = "apple-network.catalogs")
    List<String> catalogs;

    /**
     * The bundled revision of Apple's article to check against: {@code 2026-08} (default, English) or
     * {@code 2024-11} (French, the first revision Orchard shipped). XML {@code <revision>2024-11</revision>};
     * command line {@code -Dapple-network.revision=2024-11}.
     */
    @Parameter(property = "apple-network.revision")
    String revision;

    /** The site catalogs with relative files resolved against the project; {@code classpath:} ones as given. */
    List<String> resolvedCatalogs() {
        List<String> resolved = new ArrayList<>();
        for (String entry : catalogs == null ? List.<String>of() : catalogs) {
            for (String item : RunSettings.expressions(entry)) {
                Path path = Path.of(item);
                resolved.add(item.startsWith("classpath:") || path.isAbsolute() ? item
                        : baseDirectory().resolve(path).normalize().toString());
            }
        }
        return resolved;
    }
}
