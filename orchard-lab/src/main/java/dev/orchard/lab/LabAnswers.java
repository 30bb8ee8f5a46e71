package dev.orchard.lab;

import dev.orchard.catalog.KnownAnswer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.security.auth.x500.X500Principal;
import okhttp3.tls.HeldCertificate;
import org.apiguardian.api.API;

/**
 * What the lab's HTTP and HTTPS origins answer for a host and path: healthy known answers (a CRL and a CA
 * certificate from lab stand-ins named like Apple's and DigiCert's CAs, an OCSP response, a plist, a JSON object)
 * so that a healthy lab raises no false alarm, and whatever a test sets instead (a wrong format, a vendor's block
 * page). Path {@code *} answers every path of the host, before any answer set for one path.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class LabAnswers {

    /** One answer: status, headers and body. */
    public record Answer(int status, Map<String, String> headers, byte[] body) {
        public Answer {
            headers = Map.copyOf(headers);
            body = body.clone();
        }

        @Override
        public byte[] body() {
            return body.clone();
        }
    }

    private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'", Locale.ROOT);

    private final Map<String, Answer> byHostPath = new ConcurrentHashMap<>();
    private final Map<String, HeldCertificate> issuers = new ConcurrentHashMap<>();
    private final Map<String, KeyPair> crlKeys = new ConcurrentHashMap<>();

    /** Sets the answer to {@code path} ({@code *} for any) of {@code host}. */
    public LabAnswers put(String host, String path, Answer answer) {
        byHostPath.put(key(host, path), Objects.requireNonNull(answer, "answer"));
        return this;
    }

    /** Serves a healthy {@code known} answer for {@code host}, unless a test already set that path. */
    public LabAnswers healthy(String host, KnownAnswer known) {
        byHostPath.putIfAbsent(key(host, known.path()), healthy(known));
        return this;
    }

    /** Writes the answer set for the host and path and returns true, or returns false when none was set. */
    boolean answer(String host, String path, OutputStream out) throws IOException {
        Answer answer = byHostPath.get(key(host, "*"));
        if (answer == null) {
            answer = byHostPath.get(key(host, path));
        }
        if (answer == null) {
            return false;
        }
        LabHttp.write(out, answer.status(), answer.status() == 200 ? "OK" : "Lab", answer.headers(), answer.body());
        return true;
    }

    /** A healthy answer of this kind, issued by lab stand-ins that carry the expected issuer name. */
    public Answer healthy(KnownAnswer known) {
        return switch (known.kind()) {
            case DER_CRL -> ok("application/pkix-crl", crl(known.issuer()));
            case DER_CERTIFICATE -> ok("application/pkix-cert", certificate(known.issuer()));
            case OCSP_RESPONSE -> ok("application/ocsp-response", new byte[] {0x30, 0x03, 0x0A, 0x01, 0x06});
            case PLIST -> ok("application/xml", ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE plist PUBLIC "
                    + "\"-//Apple//DTD PLIST 1.0//EN\" \"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">\n"
                    + "<plist version=\"1.0\">\n<dict>\n\t<key>" + known.key() + "</key>\n\t<array/>\n"
                    + "\t<key>Certificate</key>\n\t<data>AA==</data>\n</dict>\n</plist>\n")
                    .getBytes(StandardCharsets.UTF_8));
            case JSON -> ok("application/json", ("{\"" + known.key() + "\":{\"iOS\":[]},\"AssetSets\":{}}")
                    .getBytes(StandardCharsets.UTF_8));
        };
    }

    /** A web filter's block page as {@code vendor}'s product words it, answered 403. */
    public static Answer blockPage(String vendor) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "text/html");
        headers.put("Server", "Orchard lab " + vendor + " filter");
        return new Answer(403, headers, ("<html><head><title>Website blocked</title></head><body>Access to this site"
                + " is blocked by your organisation's policy. Powered by " + vendor + ".</body></html>\n")
                .getBytes(StandardCharsets.UTF_8));
    }

    public static Answer ok(String contentType, byte[] body) {
        return new Answer(200, Map.of("Content-Type", contentType, "Server", "Orchard lab origin"), body);
    }

    private byte[] certificate(String issuer) {
        HeldCertificate ca = issuers.computeIfAbsent(issuer, name -> new HeldCertificate.Builder()
                .certificateAuthority(1).commonName(name).organizationalUnit("Orchard lab stand-in")
                .duration(2, TimeUnit.DAYS).build());
        try {
            return new HeldCertificate.Builder().certificateAuthority(0)
                    .commonName("Orchard lab intermediate under " + issuer).duration(2, TimeUnit.DAYS)
                    .signedBy(ca).build().certificate().getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encode a lab certificate", e);
        }
    }

    /** A version 2 CRL with no revoked certificates, signed by a lab key (ECDSA with SHA-256). */
    private byte[] crl(String issuer) {
        KeyPair key = crlKeys.computeIfAbsent(issuer, name -> {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
                generator.initialize(256);
                return generator.generateKeyPair();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("cannot make a lab CRL key", e);
            }
        });
        byte[] algorithm = tlv(0x30, new byte[] {0x06, 0x08, 0x2A, (byte) 0x86, 0x48, (byte) 0xCE, 0x3D, 0x04, 0x03,
            0x02});
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        byte[] tbs = tlv(0x30, concat(new byte[] {0x02, 0x01, 0x01}, algorithm,
                new X500Principal("CN=" + issuer + ", OU=Orchard lab stand-in").getEncoded(),
                tlv(0x17, UTC_TIME.format(now.minusHours(1)).getBytes(StandardCharsets.US_ASCII)),
                tlv(0x17, UTC_TIME.format(now.plusDays(7)).getBytes(StandardCharsets.US_ASCII))));
        try {
            Signature signer = Signature.getInstance("SHA256withECDSA");
            signer.initSign(key.getPrivate());
            signer.update(tbs);
            byte[] signature = signer.sign();
            return tlv(0x30, concat(tbs, algorithm, tlv(0x03, concat(new byte[] {0}, signature))));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a lab CRL", e);
        }
    }

    private static byte[] tlv(int tag, byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int length = value.length;
        if (length < 0x80) {
            out.write(length);
        } else if (length < 0x100) {
            out.write(0x81);
            out.write(length);
        } else {
            out.write(0x82);
            out.write(length >> 8);
            out.write(length & 0xff);
        }
        out.writeBytes(value);
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static String key(String host, String path) {
        return host.toLowerCase(Locale.ROOT) + " " + path;
    }
}
