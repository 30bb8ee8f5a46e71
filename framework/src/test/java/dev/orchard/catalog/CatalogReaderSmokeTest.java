package dev.orchard.catalog;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;

import org.junit.jupiter.api.Test;

class CatalogReaderSmokeTest {

    @Test
    void readsAMinimalCatalogWithLines() {
        Catalog catalog = Catalog.parse("""
                name: Example
                source: {article: Example article, language: en, revision: 2026-01}
                services:
                  - id: mdm
                    title: Device management
                    endpoints:
                      - host: mdm.example.com
                        ports: [443]
                        proxy: yes
                """, "example.yaml");
        Endpoint endpoint = catalog.service("mdm").endpoints().get(0);
        assertThat(endpoint.pattern(), is("mdm.example.com"));
        assertThat(endpoint.location(), is(new Location("example.yaml", 7)));
        assertThat(endpoint.proxy(), is(ProxySupport.YES));
        assertThat(endpoint.tags(), contains("mdm", "proxy-capable"));
    }
}
