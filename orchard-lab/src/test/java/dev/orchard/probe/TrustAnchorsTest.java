package dev.orchard.probe;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.orchard.lab.LabCertificates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrustAnchorsTest {

    /**
     * Apple's published SHA-256 fingerprints of its three roots, as the reference README lists them; kept here so
     * the check does not depend on the reference folder being beside the checkout.
     */
    private static final Set<String> PUBLISHED = Set.of(
            "B0:B1:73:0E:CB:C7:FF:45:05:14:2C:49:F1:29:5E:6E:DA:6B:CA:ED:7E:2C:68:C5:BE:91:B5:A1:10:01:F0:24",
            "C2:B9:B0:42:DD:57:83:0E:7D:11:7D:AC:55:AC:8A:E1:94:07:D3:8E:41:D8:8F:32:15:BC:3A:89:04:44:A0:50",
            "63:34:3A:BF:B8:9A:6A:03:EB:B5:7E:9B:3F:5F:A7:BE:7C:4F:5C:75:6F:30:17:B3:A8:C4:88:C3:65:3E:91:79");

    @Test
    void bundledAppleRootsHaveTheFingerprintsTheReferenceReadmeLists() throws Exception {
        Set<String> listed = PUBLISHED;
        assertThat(listed, hasSize(3));

        List<X509Certificate> bundled = TrustAnchors.appleRoots();
        Set<String> fingerprints = bundled.stream().map(TrustAnchorsTest::sha256).collect(Collectors.toSet());
        assertThat(fingerprints, equalTo(listed));
        assertThat(bundled.stream().map(c -> c.getSubjectX500Principal().getName()).toList(),
                hasItems(containsString("CN=Apple Root CA,"), containsString("CN=Apple Root CA - G2"),
                        containsString("CN=Apple Root CA - G3")));
    }

    @Test
    void defaultsAreTheJdkRootsPlusApplesRoots() {
        TrustAnchors defaults = TrustAnchors.defaults();
        assertThat(defaults.describe(), is("default (JDK roots + Apple roots)"));
        assertThat(defaults.certificates().size(), greaterThan(50));
        Set<String> all = defaults.certificates().stream().map(TrustAnchorsTest::sha256).collect(Collectors.toSet());
        for (X509Certificate apple : TrustAnchors.appleRoots()) {
            assertThat(all.contains(sha256(apple)), is(true));
        }
    }

    @Test
    void aPemFileReplacesTheDefaults(@TempDir Path dir) throws Exception {
        LabCertificates lab = LabCertificates.create();
        Path pem = dir.resolve("anchors.pem");
        Files.writeString(pem, "# site roots\n" + lab.rootPem());
        TrustAnchors anchors = TrustAnchors.fromPem(pem);
        assertThat(anchors.describe(), is(pem.toString()));
        assertThat(anchors.certificates(), hasSize(1));
        assertThat(anchors.certificates().get(0), equalTo(lab.appleRoot().certificate()));
        assertThat(TrustAnchors.fromPemText(lab.rootPem()).certificates(), hasSize(1));
    }

    @Test
    void badPemNamesTheFileAndLine(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("missing.pem");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrustAnchors.fromPem(missing));
        assertThat(e.getMessage(), containsString(missing.toString()));
        assertThat(e.getMessage(), containsString("expected a PEM file"));

        Path broken = dir.resolve("broken.pem");
        Files.writeString(broken, "line one\n-----BEGIN CERTIFICATE-----\nnot base64!!\n-----END CERTIFICATE-----\n");
        e = assertThrows(IllegalArgumentException.class, () -> TrustAnchors.fromPem(broken));
        assertThat(e.getMessage(), containsString(broken + ":2:"));

        e = assertThrows(IllegalArgumentException.class, () -> TrustAnchors.fromPemText("hello"));
        assertThat(e.getMessage(), containsString("contains no certificate"));

        e = assertThrows(IllegalArgumentException.class,
                () -> TrustAnchors.fromPemText("-----BEGIN CERTIFICATE-----\nMIIB\n"));
        assertThat(e.getMessage(), containsString(":1: certificate has no -----END CERTIFICATE----- line"));
    }

    @Test
    void theLabRootIsNotADefaultAnchor() {
        LabCertificates lab = LabCertificates.create();
        assertThat(TrustAnchors.defaults().certificates(), not(hasItems(lab.appleRoot().certificate())));
    }

    private static String sha256(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest).toUpperCase(Locale.ROOT);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
