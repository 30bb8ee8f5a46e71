package com.example.network;

import static dev.orchard.junit.NetworkMatchers.hasVerdict;
import static dev.orchard.junit.NetworkMatchers.intercepted;
import static dev.orchard.junit.NetworkMatchers.issuedBy;
import static dev.orchard.junit.NetworkMatchers.passes;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import dev.orchard.junit.NetworkTest;
import dev.orchard.lab.Lab;
import dev.orchard.lab.LabCertificates;
import dev.orchard.lab.LabProxy;
import dev.orchard.probe.Network;
import dev.orchard.probe.ProbeResult;
import dev.orchard.probe.Verdict;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The faults a change to Example Corp's proxy or firewall could bring, simulated on this machine, and the
 * verdicts the site tests then give: proof that the tests catch them before a real network has them.
 */
@NetworkTest(lab = true)
class CorpProxyFaultsLabTest {

    private static final String MDM = CorpServers.MDM;

    @BeforeEach
    void breakTheNetwork(Lab lab) {
        lab.serve(MDM).useProxy();
        // A new proxy rule forgets our MDM server, and the proxy starts inspecting TLS to Apple's sign-in host.
        lab.proxy().policy(MDM, LabProxy.Policy.DENY)
                .policy("idmsa.apple.com", LabProxy.Policy.INTERCEPT)
                .interceptWith(LabCertificates.ZSCALER_CA);
        // The firewall re-signs TLS to iCloud's gateway.
        lab.intercept("gateway.icloud.com", LabCertificates.PALO_ALTO_CA);
    }

    @Test
    void proxyDenyingOurMdmServerIsSeen(Network net) {
        ProbeResult mdm = net.tls(MDM, 443);
        assertThat(mdm, hasVerdict(Verdict.PROXY_DENIED));
        assertThat(mdm, not(passes()));
    }

    @Test
    void proxyInspectingAppleSignInIsSeenAndNamed(Network net) {
        ProbeResult signIn = net.tls("idmsa.apple.com", 443);
        assertThat(signIn, intercepted());
        assertThat(signIn, issuedBy(containsString("Zscaler")));
    }

    @Test
    void firewallInspectingICloudIsSeenAndNamed(Network net) {
        ProbeResult gateway = net.tls("gateway.icloud.com", 443);
        assertThat(gateway, hasVerdict(Verdict.TLS_INTERCEPTED));
        assertThat(gateway, issuedBy(containsString("Palo Alto Networks")));
    }

    @Test
    void untouchedHostsStillPass(Network net) {
        assertThat(net.tls("1-courier.push.apple.com", 443), passes());
    }
}
