package dev.orchard.maven;

import dev.orchard.config.OrchardSettings;
import java.io.File;
import java.util.List;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What the goals that run checks share: every engine key of {@link OrchardSettings} as a typed parameter, so
 * {@code verify} and {@code demo} declare them once. The values become the launcher's configuration parameters
 * through {@link #settings}.
 */
abstract class CheckingMojo extends SelectingMojo {

    /**
     * Per-check timeout: {@code 5s}, {@code 1500ms} or a number of seconds, up to 10 minutes (default 5s; 3s for
     * {@code demo}). XML {@code <timeout>3s</timeout>}; command line {@code -Dapple-network.timeout=3s}.
     */
    @Parameter(property = "apple-network.timeout")
    String timeout;

    /**
     * How many checks run at once, 1 to 1024 (default 64, at most 4 per host). XML
     * {@code <parallelism>16</parallelism>}; command line {@code -Dapple-network.parallelism=16}.
     */
    @Parameter(property = "apple-network.parallelism")
    Integer parallelism;

    /**
     * The HTTP proxy the checks go through, {@code http://[user:password@]host:port}, or {@code none} to ignore
     * the active proxy of settings.xml, which is used by default. XML
     * {@code <proxy>http://proxy.corp:3128</proxy>}; command line {@code -Dapple-network.proxy=none}.
     */
    @Parameter(property = "apple-network.proxy")
    String proxy;

    /**
     * Hosts reached directly even with a proxy, with {@code *} wildcards; by default the {@code nonProxyHosts} of
     * the settings.xml proxy in use. XML {@code <nonProxyHosts>*.corp.example|localhost</nonProxyHosts>}; command
     * line {@code -Dapple-network.nonProxyHosts=*.corp.example|localhost}.
     */
    @Parameter(property = "apple-network.nonProxyHosts")
    String nonProxyHosts;

    /**
     * A proxy auto-config file that routes each web check as devices route it: an {@code http(s)://} URL, a
     * {@code file:} path (relative to the project), or {@code auto} for WPAD. Not together with {@code proxy} or
     * {@code nonProxyHosts}; the settings.xml proxy is then not used. XML
     * {@code <pac>http://wpad.corp/proxy.pac</pac>}; command line {@code -Dapple-network.pac=auto}.
     */
    @Parameter(property = "apple-network.pac")
    String pac;

    /**
     * The site this run checks, such as a branch office; recorded in every report and metric. Default: this
     * machine's host name. XML {@code <site>lyon-2</site>}; command line {@code -Dapple-network.site=lyon-2}.
     */
    @Parameter(property = "apple-network.site")
    String site;

    /**
     * The IP families checked apart where a host and this machine have both: {@code ipv4,ipv6} (default) runs each
     * port check once per family ({@code … tcp 443 (IPv6)}, tags {@code ipv4}/{@code ipv6}); {@code ipv4} or
     * {@code ipv6} only that family's half. XML {@code <ipFamilies>ipv4</ipFamilies>}; command line
     * {@code -Dapple-network.ipFamilies=ipv4}. To skip the IPv6 half, {@code -DexcludedGroups=ipv6} works too.
     */
    @Parameter(property = "apple-network.ipFamilies")
    String ipFamilies;

    /**
     * DNS servers, {@code ip[:port]}; the system resolver when unset. XML
     * {@code <dnsServers><dnsServer>10.0.0.53</dnsServer></dnsServers>} or {@code <dnsServers>10.0.0.53,10.0.1.53</dnsServers>};
     * command line {@code -Dapple-network.dnsServers=10.0.0.53,10.0.1.53}.
     */
    @Parameter(property = "apple-network.dnsServers")
    List<String> dnsServers;

    /**
     * Addresses a DNS filter answers with besides 0.0.0.0, :: and 127.0.0.0/8, so its answers count as sinkholed.
     * XML {@code <sinkholes>10.10.10.10</sinkholes>}; command line {@code -Dapple-network.sinkholes=10.10.10.10}.
     */
    @Parameter(property = "apple-network.sinkholes")
    List<String> sinkholes;

    /**
     * A PEM file whose certificates replace the default trust anchors (JDK roots plus Apple's); relative to the
     * project. XML {@code <trustAnchors>certs/roots.pem</trustAnchors>}; command line
     * {@code -Dapple-network.trustAnchors=certs/roots.pem}.
     */
    @Parameter(property = "apple-network.trustAnchors")
    File trustAnchors;

    /**
     * Connect-to overrides in curl's {@code HOST:PORT:ADDR:PORT} form. XML
     * {@code <connectTo>gdmf.apple.com:443:10.1.2.3:443</connectTo>}; command line
     * {@code -Dapple-network.connectTo=gdmf.apple.com:443:10.1.2.3:443}.
     */
    @Parameter(property = "apple-network.connectTo")
    List<String> connectTo;

    /**
     * Where apple-network-results.json, TEST-apple-network.*.xml and index.html go; default
     * {@code ${project.build.directory}/apple-network-reports}, or {@code ./apple-network-reports} without a
     * project. XML {@code <reportsDirectory>target/net</reportsDirectory>}; command line
     * {@code -Dapple-network.reportsDirectory=target/net}.
     */
    @Parameter(property = "apple-network.reportsDirectory")
    File reportsDirectory;

    /**
     * Advanced: {@code real} (default) checks this network; {@code lab} a simulated healthy network on loopback,
     * {@code branch-office} a simulated broken one, {@code blackhole} one that drops everything. For the plugin's
     * own tests and demos ({@code demo} always uses {@code branch-office}). XML {@code <target>lab</target>};
     * command line {@code -Dapple-network.target=lab}.
     */
    @Parameter(property = "apple-network.target")
    String target;

    /**
     * The engine's settings from these parameters; {@code proxyChoice} says which proxy (and which direct hosts)
     * apply when the parameters name none. The plugin writes the reports itself, so the reports directory stays
     * out. A bad value throws {@link IllegalArgumentException} naming its key.
     */
    OrchardSettings settings(ProxyChoice proxyChoice) {
        OrchardSettings settings = OrchardSettings.defaults()
                .withText(OrchardSettings.TIMEOUT, timeout)
                .withText(OrchardSettings.PARALLELISM, parallelism == null ? null : parallelism.toString())
                .withText(OrchardSettings.PROXY, proxyChoice.value().orElse(null))
                .withText(OrchardSettings.NON_PROXY_HOSTS,
                        nonProxyHosts != null ? nonProxyHosts : proxyChoice.nonProxyHosts().orElse(null))
                .withText(OrchardSettings.DNS_SERVERS, joined(dnsServers))
                .withText(OrchardSettings.SINKHOLES, joined(sinkholes))
                .withText(OrchardSettings.CONNECT_TO, joined(connectTo))
                .withText(OrchardSettings.TARGET, target)
                .withText(OrchardSettings.PAC, pacLocation())
                .withText(OrchardSettings.REVISION, revision)
                .withText(OrchardSettings.SITE, site)
                .withText(OrchardSettings.IP_FAMILIES, ipFamilies);
        if (trustAnchors != null) {
            settings = settings.withText(OrchardSettings.TRUST_ANCHORS, absolute(trustAnchors).toString());
        }
        List<String> sites = resolvedCatalogs();
        return sites.isEmpty() ? settings : settings.with(OrchardSettings.CATALOGS, sites);
    }

    /** A {@code file:} PAC path is resolved against the project like other paths; URLs and auto pass as given. */
    private String pacLocation() {
        if (pac == null || pac.isBlank()) {
            return null;
        }
        String given = pac.strip();
        return given.startsWith("file:") && !given.startsWith("file://")
                ? "file:" + absolute(new File(given.substring(5))) : given;
    }

    private static String joined(List<String> items) {
        return items == null ? null : String.join(",", items);
    }
}
