package dev.orchard.probe;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.tls.Certificates;
import okhttp3.tls.HandshakeCertificates;

/**
 * The roots a device trusts. By default the JDK's roots plus Apple's own three, because some Apple hosts chain to
 * Apple's private root, which public stores lack; a site's PEM file replaces both when its devices trust other
 * roots. A chain that leads to none of them is what TLS inspection looks like.
 */
final class TrustAnchors {

    static final String APPLE_ROOTS_RESOURCE = "dev/orchard/apple-roots.pem";

    private final List<X509Certificate> certificates;
    private final String description;
    private volatile X509TrustManager trustManager;

    private TrustAnchors(List<X509Certificate> certificates, String description) {
        this.certificates = List.copyOf(certificates);
        this.description = description;
    }

    /** The JDK's default roots plus Apple's roots bundled with Orchard. */
    static TrustAnchors defaults() {
        return Defaults.INSTANCE;
    }

    /** The certificates of a PEM file, replacing the defaults; a bad file names itself and the line. */
    static TrustAnchors fromPem(Path pem) {
        String text;
        try {
            text = Files.readString(pem, StandardCharsets.ISO_8859_1);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("trust anchors file " + pem + " cannot be read (" + e
                    + "); expected a PEM file of CA certificates");
        }
        return new TrustAnchors(parse(text, pem.toString()), pem.toString());
    }

    /** The certificates of PEM text, replacing the defaults. */
    static TrustAnchors fromPemText(String pem) {
        return new TrustAnchors(parse(pem, "trust anchors PEM text"), "PEM text");
    }

    /** Exactly these certificates, for the warm-up. */
    static TrustAnchors fromCertificates(List<X509Certificate> certificates) {
        return new TrustAnchors(certificates, "certificates");
    }

    /** {@code default (JDK roots + Apple roots)}, or the PEM file the anchors came from. */
    String describe() {
        return description;
    }

    List<X509Certificate> certificates() {
        return certificates;
    }

    /** A PKIX trust manager over exactly these anchors; it checks chains, not host names. */
    X509TrustManager trustManager() {
        X509TrustManager manager = trustManager;
        if (manager == null) {
            HandshakeCertificates.Builder builder = new HandshakeCertificates.Builder();
            certificates.forEach(builder::addTrustedCertificate);
            manager = builder.build().trustManager();
            trustManager = manager;
        }
        return manager;
    }

    /** Splits PEM text into its certificate blocks and decodes each with okhttp-tls, naming the block's line. */
    static List<X509Certificate> parse(String text, String source) {
        if (text == null) {
            throw new IllegalArgumentException(source + ": no text; expected PEM certificates");
        }
        List<X509Certificate> result = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        StringBuilder block = null;
        int blockLine = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].trim();
            if (line.equals("-----BEGIN CERTIFICATE-----")) {
                if (block != null) {
                    throw new IllegalArgumentException(source + ":" + blockLine
                            + ": certificate has no END CERTIFICATE line before the next BEGIN");
                }
                block = new StringBuilder(line).append('\n');
                blockLine = i + 1;
            } else if (block != null) {
                block.append(line).append('\n');
                if (line.equals("-----END CERTIFICATE-----")) {
                    try {
                        result.add(Certificates.decodeCertificatePem(block.toString()));
                    } catch (RuntimeException e) {
                        throw new IllegalArgumentException(source + ":" + blockLine
                                + ": not a valid PEM certificate (" + e.getMessage() + ")");
                    }
                    block = null;
                }
            }
        }
        if (block != null) {
            throw new IllegalArgumentException(source + ":" + blockLine
                    + ": certificate has no -----END CERTIFICATE----- line");
        }
        if (result.isEmpty()) {
            throw new IllegalArgumentException(source
                    + ": contains no certificate; expected PEM blocks starting -----BEGIN CERTIFICATE-----");
        }
        return result;
    }

    /** Built once: the JDK's store does not change while tests run. */
    private static final class Defaults {
        static final TrustAnchors INSTANCE = load();

        private static TrustAnchors load() {
            Map<String, X509Certificate> all = new LinkedHashMap<>();
            try {
                TrustManagerFactory factory = TrustManagerFactory.getInstance(
                        TrustManagerFactory.getDefaultAlgorithm());
                factory.init((KeyStore) null);
                for (var manager : factory.getTrustManagers()) {
                    if (manager instanceof X509TrustManager x509) {
                        for (X509Certificate certificate : x509.getAcceptedIssuers()) {
                            all.put(certificate.getSubjectX500Principal().getName() + certificate.getSerialNumber(),
                                    certificate);
                        }
                    }
                }
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("the JDK's default trust store cannot be read", e);
            }
            for (X509Certificate certificate : appleRoots()) {
                all.put(certificate.getSubjectX500Principal().getName() + certificate.getSerialNumber(),
                        certificate);
            }
            return new TrustAnchors(new ArrayList<>(all.values()), "default (JDK roots + Apple roots)");
        }
    }

    /** Apple's three roots, as bundled on the classpath. */
    static List<X509Certificate> appleRoots() {
        try (InputStream in = TrustAnchors.class.getClassLoader().getResourceAsStream(APPLE_ROOTS_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("classpath resource " + APPLE_ROOTS_RESOURCE + " is missing");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.US_ASCII), APPLE_ROOTS_RESOURCE);
        } catch (IOException e) {
            throw new IllegalStateException("classpath resource " + APPLE_ROOTS_RESOURCE + " cannot be read", e);
        }
    }
}
