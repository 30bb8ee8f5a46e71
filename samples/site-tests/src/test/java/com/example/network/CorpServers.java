package com.example.network;

import static dev.orchard.junit.NetworkMatchers.intercepted;
import static dev.orchard.junit.NetworkMatchers.isOpen;
import static dev.orchard.junit.NetworkMatchers.issuedBy;
import static dev.orchard.junit.NetworkMatchers.passes;
import static dev.orchard.junit.NetworkMatchers.resolves;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import dev.orchard.probe.Network;
import org.junit.jupiter.api.Test;

/**
 * What Example Corp expects of its own servers on any network its devices use. Written once and run twice: by
 * {@link CorpServersLabTest} against a simulated network (every build) and by {@link CorpServersNetworkCheck}
 * against the real one, so the lab proves the tests themselves before they judge a real network.
 */
abstract class CorpServers {

    static final String MDM = "mdm.example.com";
    static final String PROXY = "proxy.example.com";
    static final int PROXY_PORT = 3128;

    /** Who signs our MDM server's certificate; a different issuer means something re-signs it. */
    abstract String mdmCertificateIssuer();

    @Test
    void mdmServerResolves(Network net) {
        assertThat(net.dns(MDM), resolves());
    }

    @Test
    void mdmServerAcceptsConnections(Network net) {
        assertThat(net.tcp(MDM, 443), isOpen());
    }

    @Test
    void nothingInspectsTlsToTheMdmServer(Network net) {
        // Devices pin enrollment to our certificate: TLS inspection in between breaks enrollment.
        assertThat(net.tls(MDM, 443), not(intercepted()));
        assertThat(net.tls(MDM, 443), issuedBy(containsString(mdmCertificateIssuer())));
    }

    @Test
    void proxyIsReachable(Network net) {
        assertThat(net.dns(PROXY), resolves());
        assertThat(net.tcp(PROXY, PROXY_PORT), isOpen());
    }

    @Test
    void applePushReachesDevicesOnItsOwnPort(Network net) {
        assertThat(net.tcp("1-courier.push.apple.com", 5223), isOpen());
        assertThat(net.tls("1-courier.push.apple.com", 5223), passes());
    }
}
