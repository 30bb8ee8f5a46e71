package com.example.network;

import dev.orchard.junit.NetworkTest;

/**
 * {@link CorpServers} against the network this machine is on. Not a {@code *Test}, so a plain build never
 * leaves the machine; run it with {@code mvn verify -Preal-network} from inside the network to check. Network
 * settings (DNS servers, proxy, trust anchors) come from the {@code apple-network.*} keys, e.g.
 * {@code -Dapple-network.proxy=http://proxy.example.com:3128} added to Surefire's configurationParameters.
 */
@NetworkTest(target = "real")
class CorpServersNetworkCheck extends CorpServers {

    @Override
    String mdmCertificateIssuer() {
        return "DigiCert"; // whoever issues your MDM server's certificate
    }
}
