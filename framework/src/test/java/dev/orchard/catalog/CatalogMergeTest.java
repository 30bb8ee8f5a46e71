package dev.orchard.catalog;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bundled Apple catalog merged with a site's own catalog, as {@code Catalog.bundledWith} does it. */
class CatalogMergeTest {

    private static final String SITE = """
            name: Example site
            services:
              - id: site-mdm
                title: Example MDM server
                endpoints:
                  - host: mdm.example.com
                    ports: [443]
                    os: [ios, macos]
                    proxy: yes
                    tags: [site]
              - id: mdm
                title: Device management
                endpoints:
                  - host: mdm-push.example.com
                    ports: [443, 2197]
                    tags: [push]
            disable:
              - host: "*.icloud.com.cn"
                reason: We have no devices in China
            probeHosts:
              - pattern: "*.mzstatic.com"
                hosts: [is9-ssl.mzstatic.com]
            """;

    @TempDir
    Path dir;

    private String write(String name, String yaml) throws IOException {
        return Files.writeString(dir.resolve(name), yaml).toString();
    }

    @Test
    void siteServicesComeAfterApplesInFileOrder() throws IOException {
        Catalog bundled = Catalog.bundled();
        Catalog merged = Catalog.bundledWith(List.of(write("site.yaml", SITE)));
        List<String> expected = new ArrayList<>(bundled.services().stream().map(Service::id).toList());
        expected.add("site-mdm");
        assertThat(merged.services().stream().map(Service::id).toList(), is(expected));
        assertThat(merged.name(), is(bundled.name()));
        assertThat(merged.source(), is(bundled.source()));
        Endpoint site = merged.service("site-mdm").endpoints().get(0);
        assertThat(site.pattern(), is("mdm.example.com"));
        assertThat(site.tags(), contains("site-mdm", "ios", "macos", "proxy-capable", "site"));
        assertThat(site.location(), is(new Location(dir.resolve("site.yaml").toString(), 6)));
    }

    @Test
    void siteRowsAreAddedAfterTheRowsOfAnExistingService() throws IOException {
        Service apple = Catalog.bundled().service("mdm");
        Service merged = Catalog.bundledWith(List.of(write("site.yaml", SITE))).service("mdm");
        assertThat(merged.endpoints().size(), is(apple.endpoints().size() + 1));
        assertThat(merged.endpoints().subList(0, apple.endpoints().size()), is(apple.endpoints()));
        Endpoint added = merged.endpoints().get(apple.endpoints().size());
        assertThat(added.pattern(), is("mdm-push.example.com"));
        assertThat(added.service(), is("mdm"));
        assertThat(added.tags(), contains("mdm", "direct-only", "push"));
        assertThat(added.tlsPorts(), contains(443, 2197));
    }

    @Test
    void aDisabledRowKeepsItsReasonAndLeavesTheEnabledRows() throws IOException {
        Service icloud = Catalog.bundledWith(List.of(write("site.yaml", SITE))).service("icloud");
        Endpoint china = icloud.endpoints().stream().filter(e -> e.pattern().equals("*.icloud.com.cn")).findFirst()
                .orElseThrow();
        assertThat(china.isDisabled(), is(true));
        assertThat(china.disabled().orElseThrow(), is("We have no devices in China"));
        assertThat(icloud.enabledEndpoints(), not(hasItem(china)));
        assertThat(icloud.enabledEndpoints().size(), is(icloud.endpoints().size() - 1));
        assertThat(Catalog.bundled().service("icloud").endpoints().stream().noneMatch(Endpoint::isDisabled), is(true));
    }

    @Test
    void aProbeHostIsAddedToEveryRowOfThePattern() throws IOException {
        Catalog bundled = Catalog.bundled();
        Catalog merged = Catalog.bundledWith(List.of(write("site.yaml", SITE)));
        List<Endpoint> before = bundled.endpoints().stream().filter(e -> e.pattern().equals("*.mzstatic.com")).toList();
        List<Endpoint> after = merged.endpoints().stream().filter(e -> e.pattern().equals("*.mzstatic.com")).toList();
        assertThat(after.size(), is(before.size()));
        assertThat(after.isEmpty(), is(false));
        for (int i = 0; i < after.size(); i++) {
            List<String> hosts = after.get(i).probeHosts().stream().map(ProbeHost::host).toList();
            List<String> expected = new ArrayList<>(before.get(i).probeHosts().stream().map(ProbeHost::host).toList());
            expected.add("is9-ssl.mzstatic.com");
            assertThat(hosts, is(expected));
        }
    }

    @Test
    void aDisableThatMatchesNothingNamesFileAndLine() throws IOException {
        String file = write("typo.yaml", """
                name: Typo
                disable:
                  - host: "*.icloud.cn"
                    reason: not used
                """);
        CatalogException error = assertThrows(CatalogException.class, () -> Catalog.bundledWith(List.of(file)));
        assertThat(error.getMessage(), is(file + ":3: host: no row *.icloud.cn to disable;"
                + " expected a host exactly as the catalog lists it"));
    }

    @Test
    void aRowAlreadyInTheServiceIsAnErrorNotAReplacement() throws IOException {
        String file = write("dup.yaml", """
                name: Dup
                services:
                  - id: icloud
                    title: iCloud
                    endpoints:
                      - host: "*.icloud.com"
                        ports: [80]
                        probeHosts: [www.icloud.com]
                """);
        CatalogException error = assertThrows(CatalogException.class, () -> Catalog.bundledWith(List.of(file)));
        assertThat(error.getMessage(), is(file + ":6: host: *.icloud.com is already in service icloud;"
                + " disable the existing row first, or add probe hosts to it"));
    }

    /** Files merge in the order given: a later file sees rows of earlier ones, never the other way round. */
    @Test
    void mergeOrderIsTheOrderOfTheFiles() throws IOException {
        String site = write("site.yaml", SITE);
        String later = write("later.yaml", """
                name: Later
                disable:
                  - service: site-mdm
                    host: mdm.example.com
                    reason: retired in March
                """);
        Catalog merged = Catalog.bundledWith(List.of(site, later));
        assertThat(merged.service("site-mdm").endpoints().get(0).disabled().orElseThrow(), is("retired in March"));

        CatalogException error = assertThrows(CatalogException.class,
                () -> Catalog.bundledWith(List.of(later, site)));
        assertThat(error.getMessage(), is(later + ":3: host: no row mdm.example.com in service site-mdm to disable;"
                + " expected a host exactly as the catalog lists it"));
    }
}
