package dev.orchard.lab;

import static dev.orchard.junit.NetworkMatchers.isOpen;
import static dev.orchard.junit.NetworkMatchers.passes;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.not;

import dev.orchard.catalog.Catalog;
import dev.orchard.probe.Network;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A healthy lab serves a site catalog's hosts on every TCP port they list, not only on the ports Apple's rows
 * use: otherwise a site's proxy on 3128 fails in the lab, and a pipeline cannot prove itself before it runs on
 * the real network.
 */
class LabSiteCatalogTest {

    private static final String SITE = """
            name: Example Corp
            source: {article: "Example Corp hosts", language: en, revision: 2026-11}
            services:
              - id: corp-proxy
                title: Our proxy
                endpoints:
                  - host: proxy.example.com
                    ports: [3128, 8443]
                    tls: [8443]
                    proxy: no
            """;

    @Test
    void plainAndTlsPortsOfASiteRowAreServed() {
        try (Lab lab = Lab.forCatalog(Catalog.parse(SITE, "site.yaml"));
                Network net = lab.networkBuilder().timeout(Duration.ofSeconds(5)).build()) {
            assertThat(net.tcp("proxy.example.com", 3128), isOpen());
            assertThat(net.tcp("proxy.example.com", 8443), isOpen());
            assertThat(net.tls("proxy.example.com", 8443), passes());
        }
    }

    @Test
    void aFaultSetBeforeServingIsKept() {
        Catalog site = Catalog.parse(SITE, "site.yaml");
        try (Lab lab = Lab.start().dropTcp("proxy.example.com", 3128).serve(site);
                Network net = lab.networkBuilder().timeout(Duration.ofMillis(500)).build()) {
            assertThat(net.tcp("proxy.example.com", 3128), not(isOpen()));
            assertThat(net.tcp("proxy.example.com", 8443), isOpen());
        }
    }
}
