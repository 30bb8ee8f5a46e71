package dev.orchard.lab;

import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javax.net.ssl.SSLContext;
import javax.net.ssl.X509KeyManager;
import javax.net.ssl.X509TrustManager;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.apiguardian.api.API;

/**
 * The lab's certificate authorities: a stand-in Apple root and intermediate that sign a leaf per host, and
 * inspection CAs named like the products they mimic. Probes that trust {@link #rootPem()} then see the lab's
 * Apple hosts as genuine and anything the inspection CAs signed as intercepted, as on a real network.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class LabCertificates {

    /** The stand-in for Apple's root. */
    public static final String APPLE_ROOT = "Apple Root CA (Orchard lab)";
    /** The stand-in for the intermediate that issues most Apple server certificates. */
    public static final String APPLE_INTERMEDIATE = "Apple Public Server RSA CA 12 - G1 (Orchard lab)";
    public static final String ZSCALER_CA = "Zscaler Root CA (Orchard lab)";
    public static final String SQUID_CA = "Squid CA (Orchard lab)";
    public static final String PALO_ALTO_CA = "Palo Alto Networks Forward Trust CA (Orchard lab)";
    public static final String FORTIGATE_CA = "Fortinet FortiGate CA (Orchard lab)";
    /** An inspection CA that names no known product. */
    public static final String UNNAMED_CA = "Corporate Inspection CA (Orchard lab)";

    private final HeldCertificate root;
    private final HeldCertificate intermediate;
    private final Map<String, HeldCertificate> inspectionCas = new ConcurrentHashMap<>();
    private final Map<String, ServedChain> chains = new ConcurrentHashMap<>();

    private LabCertificates() {
        root = new HeldCertificate.Builder()
                .certificateAuthority(1)
                .commonName(APPLE_ROOT)
                .organizationalUnit("Apple Certification Authority")
                .duration(2, TimeUnit.DAYS)
                .build();
        intermediate = new HeldCertificate.Builder()
                .certificateAuthority(0)
                .commonName(APPLE_INTERMEDIATE)
                .organizationalUnit("Certification Authority")
                .duration(2, TimeUnit.DAYS)
                .signedBy(root)
                .build();
    }

    /** A fresh set of lab CAs; their keys live only in memory. */
    public static LabCertificates create() {
        return new LabCertificates();
    }

    public HeldCertificate appleRoot() {
        return root;
    }

    public HeldCertificate appleIntermediate() {
        return intermediate;
    }

    /** The stand-in Apple root as PEM, to use as the probes' trust anchors. */
    public String rootPem() {
        return root.certificatePem();
    }

    /** The leaf the lab's Apple intermediate issues for {@code host}, with the host as its SAN. */
    public HeldCertificate leaf(String host) {
        return chain(APPLE_INTERMEDIATE, host).leaf();
    }

    /** An inspection CA with this common name, created on first use. */
    public HeldCertificate inspectionCa(String commonName) {
        return inspectionCas.computeIfAbsent(commonName, name -> new HeldCertificate.Builder()
                .certificateAuthority(0)
                .commonName(name)
                .organizationalUnit("SSL inspection")
                .duration(2, TimeUnit.DAYS)
                .build());
    }

    /** A leaf for {@code host} re-signed by the named inspection CA, as an intercepting middlebox presents. */
    public HeldCertificate interceptedLeaf(String caName, String host) {
        return chain(caName, host).leaf();
    }

    /** Client-side trust in the lab's Apple root only, for lab components that speak TLS to lab servers. */
    public X509TrustManager appleTrust() {
        return new HandshakeCertificates.Builder().addTrustedCertificate(root.certificate()).build().trustManager();
    }

    /** An SSL context trusting the lab's Apple root only. */
    SSLContext appleTrustContext() {
        return new HandshakeCertificates.Builder().addTrustedCertificate(root.certificate()).build().sslContext();
    }

    /** A server context whose key manager picks the certificate for the SNI name through {@code issuer}. */
    SSLContext serverContext(Function<String, ServedChain> bySni) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(new X509KeyManager[] {new SniKeyManager(bySni)}, null, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot make a TLS server context", e);
        }
    }

    /** The chain served for {@code host} under {@code issuerName} (the Apple intermediate or an inspection CA). */
    ServedChain chain(String issuerName, String host) {
        return chains.computeIfAbsent(issuerName + "|" + host, key -> {
            boolean apple = issuerName.equals(APPLE_INTERMEDIATE);
            HeldCertificate issuer = apple ? intermediate : inspectionCa(issuerName);
            HeldCertificate leaf = new HeldCertificate.Builder()
                    .commonName(host)
                    .addSubjectAlternativeName(host)
                    .duration(1, TimeUnit.DAYS)
                    .signedBy(issuer)
                    .build();
            X509Certificate[] served = apple
                    ? new X509Certificate[] {leaf.certificate(), intermediate.certificate()}
                    : new X509Certificate[] {leaf.certificate(), issuer.certificate()};
            return new ServedChain(leaf, served);
        });
    }
}
