package dev.orchard.lab;

import java.security.cert.X509Certificate;
import okhttp3.tls.HeldCertificate;

/** A leaf with the chain a lab server presents for it, leaf first. */
record ServedChain(HeldCertificate leaf, X509Certificate[] chain) {

    ServedChain {
        chain = chain.clone();
    }

    @Override
    public X509Certificate[] chain() {
        return chain.clone();
    }
}
