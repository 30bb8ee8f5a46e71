package com.example.network;

import dev.orchard.junit.NetworkTest;
import dev.orchard.lab.Lab;
import dev.orchard.lab.LabCertificates;
import org.junit.jupiter.api.BeforeEach;

/**
 * {@link CorpServers} against a healthy network simulated on this machine: the lab serves Apple's hosts, and
 * this class adds ours. Nothing leaves the machine, so it runs in every build.
 */
@NetworkTest(lab = true)
class CorpServersLabTest extends CorpServers {

    /** Runs before the test's Network is created, so the network's routes include our hosts. */
    @BeforeEach
    void simulateOurServers(Lab lab) {
        lab.serve(MDM).serve(PROXY).serveTls(PROXY, PROXY_PORT);
    }

    @Override
    String mdmCertificateIssuer() {
        // The lab signs every host's certificate with its own stand-in for a public CA.
        return LabCertificates.APPLE_INTERMEDIATE;
    }
}
