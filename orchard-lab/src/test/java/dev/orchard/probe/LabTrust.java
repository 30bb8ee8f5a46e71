package dev.orchard.probe;

import dev.orchard.lab.LabCertificates;

/**
 * The lab's certificate authorities and trust anchors that accept exactly the lab's Apple root, as the probe
 * tests that speak TLS to lab servers all need them.
 */
record LabTrust(LabCertificates certificates, TrustAnchors anchors) {

    static LabTrust create() {
        LabCertificates certificates = LabCertificates.create();
        return new LabTrust(certificates, TrustAnchors.fromPemText(certificates.rootPem()));
    }
}
