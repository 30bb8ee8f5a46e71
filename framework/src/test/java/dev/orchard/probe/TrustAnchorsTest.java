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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrustAnchorsTest {

    @Test
    void bundledAppleRootsHaveTheFingerprintsTheReferenceReadmeLists() throws Exception {
        String dir = System.getProperty("orchard.reference.dir", "../../shared/reference");
        String readme = Files.readString(Path.of(dir, "README.md"));
        Matcher matcher = Pattern.compile("`((?:[0-9A-F]{2}:){31}[0-9A-F]{2})`").matcher(readme);
        Set<String> listed = matcher.results().map(m -> m.group(1)).collect(Collectors.toSet());
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
