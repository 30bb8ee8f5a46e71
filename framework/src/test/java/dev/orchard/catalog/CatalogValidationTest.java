package dev.orchard.catalog;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every class of bad catalog input ends in one clear message naming file, line, field and what was expected. */
class CatalogValidationTest {

    /** A valid catalog up to the first endpoint of service mdm (6 lines); tests append endpoints. */
    static final String HEAD = """
            name: Site
            source: {article: Site list, language: en, revision: 2026-01}
            services:
              - id: mdm
                title: Device management
                endpoints:
            """;

    private static String error(String yaml) {
        CatalogException error = assertThrows(CatalogException.class, () -> Catalog.parse(yaml, "site.yaml"));
        return checked(error);
    }

    private static String checked(CatalogException error) {
        String message = error.getMessage();
        assertThat(message, not(containsString("Exception")));
        assertThat(message, not(containsString("at dev.")));
        assertThat(message, not(containsString("at com.")));
        assertThat(error.getStackTrace().length, is(0));
        return message;
    }

    @Test
    void unknownKey() {
        String message = error(HEAD + """
                      - host: mdm.example.com
                        ports: [443]
                        colour: green
                """);
        assertThat(message, is("site.yaml:9: colour: unknown key in endpoint; expected one of answer, description, "
                + "descriptionFr, errata, host, notes, os, ports, probeHosts, proxy, tags, tls, transports"));
    }

    @Test
    void portOutOfRange() {
        String message = error(HEAD + """
                      - host: mdm.example.com
                        ports: [443, 70000]
                """);
        assertThat(message, is("site.yaml:8: ports: port 70000 is out of range; expected 1 to 65535"));
    }

    @Test
    void emptyHost() {
        String message = error(HEAD + """
                      - host: ""
                        ports: [443]
                """);
        assertThat(message, is("site.yaml:7: host: is empty; expected a host name such as mdm.example.com"));
    }

    @Test
    void misplacedWildcard() {
        String message = error(HEAD + """
                      - host: foo.*.com
                        ports: [443]
                """);
        assertThat(message, is("site.yaml:7: host: host 'foo.*.com' has a misplaced wildcard; a wildcard may only"
                + " be the whole first label, as in *.example.com"));
    }

    @Test
    void duplicateServiceId() {
        String message = error(HEAD + """
                      - {host: mdm.example.com, ports: [443]}
                  - id: mdm
                    title: Device management again
                """);
        assertThat(message, is("site.yaml:8: id: duplicate service id 'mdm' (first on line 4);"
                + " each service id must be unique in a file"));
    }

    @Test
    void invalidTag() {
        String message = error(HEAD + """
                      - host: mdm.example.com
                        ports: [443]
                        tags: [push, bad tag]
                """);
        assertThat(message, containsString("site.yaml:9: tags: tag 'bad tag' is not a valid JUnit tag; tags must not"
                + " be empty or contain white space"));
    }

    @Test
    void malformedYaml() {
        String message = error(HEAD + """
                      - host: mdm.example.com
                        ports: [443
                      - host: other.example.com
                """);
        assertThat(message, containsString("site.yaml:9: not valid YAML: "));
    }

    @Test
    void wrongType() {
        String message = error(HEAD + """
                      - host: mdm.example.com
                        ports: https
                """);
        assertThat(message, is("site.yaml:8: ports: is the text 'https'; expected a port number from 1 to 65535"));
    }

    @Test
    void missingFile(@TempDir Path dir) {
        Path missing = dir.resolve("site.yaml");
        CatalogException error = assertThrows(CatalogException.class, () -> Catalog.read(missing));
        assertThat(checked(error), is(missing + ": no such file; expected a catalog YAML file"));
    }

    @Test
    void aBadFileOnDiskIsNamedByItsPath(@TempDir Path dir) throws java.io.IOException {
        Path file = Files.writeString(dir.resolve("site.yaml"), HEAD + "      - {host: mdm.example.com, ports: [0]}\n");
        CatalogException error = assertThrows(CatalogException.class, () -> Catalog.read(file));
        assertThat(checked(error), is(file + ":7: ports: port 0 is out of range; expected 1 to 65535"));
    }

    @Test
    void wildcardWithoutProbeHosts() {
        String message = error(HEAD + """
                      - host: "*.example.com"
                        ports: [443]
                """);
        assertThat(message, is("site.yaml:7: probeHosts: is missing; wildcard *.example.com needs at least one"
                + " probe host, a concrete host that devices use under it"));
    }

    @Test
    void probeHostNotCoveredByItsPattern() {
        String message = error(HEAD + """
                      - host: "*.example.com"
                        ports: [443]
                        probeHosts: [example.com]
                """);
        assertThat(message, is("site.yaml:9: probeHosts: probe host example.com is not covered by *.example.com;"
                + " a *.domain pattern covers names under the domain, not the domain itself"));
    }

    @Test
    void severalProblemsAreReportedTogether() {
        String message = error(HEAD + """
                      - {host: mdm.example.com, ports: [70000]}
                      - {host: Bad.Example.com, ports: [443]}
                """);
        assertThat(message, containsString("2 problems in the catalog:"));
        assertThat(message, containsString("site.yaml:7: ports: port 70000"));
        assertThat(message, containsString("site.yaml:8: host: host 'Bad.Example.com' has upper-case letters"));
    }
}
