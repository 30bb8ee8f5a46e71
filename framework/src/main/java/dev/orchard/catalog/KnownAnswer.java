package dev.orchard.catalog;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * What a healthy answer of a row's host looks like, where Apple publishes one that is stable: a CRL, a CA
 * certificate, an OCSP response, a software-update catalog. Probes check its format and issuer, never its
 * volatile bytes, so Apple's routine updates raise no alarm while a web filter's block page in its place does.
 *
 * @param kind the format of the answer
 * @param path the path requested (POSTed to, for OCSP)
 * @param issuer for CRLs and certificates, the issuer's common name, compared ignoring case; else null
 * @param key for plist and JSON catalogs, a top-level key the answer must carry; else null
 */
@API(status = API.Status.EXPERIMENTAL)
public record KnownAnswer(Kind kind, String path, String issuer, String key) {

    /** The formats Orchard knows how to check. */
    public enum Kind {
        /** A DER X.509 CRL (CRL distribution points). */
        DER_CRL("der-crl"),
        /** A DER X.509 certificate (caIssuers URLs). */
        DER_CERTIFICATE("der-certificate"),
        /** A DER OCSPResponse to a POSTed OCSP request, served as application/ocsp-response. */
        OCSP_RESPONSE("ocsp-response"),
        /** An XML property list whose top-level dictionary carries {@link KnownAnswer#key()}. */
        PLIST("plist"),
        /** A JSON object whose top level carries {@link KnownAnswer#key()}. */
        JSON("json");

        private final String tag;

        Kind(String tag) {
            this.tag = tag;
        }

        /** The spelling in catalog YAML. */
        public String tag() {
            return tag;
        }

        public static Optional<Kind> parse(String text) {
            String wanted = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
            return Arrays.stream(values()).filter(k -> k.tag.equals(wanted)).findFirst();
        }

        /** The kinds as YAML spells them, for error messages. */
        public static String expected() {
            return String.join(", ", Arrays.stream(values()).map(Kind::tag).toList());
        }
    }

    public KnownAnswer {
        Objects.requireNonNull(kind, "kind");
        path = path == null || path.isBlank() ? "/" : path.strip();
        if (!path.startsWith("/") || path.chars().anyMatch(c -> c <= ' ' || c >= 0x7f)) {
            throw new IllegalArgumentException("answer path '" + path + "' must start with / and hold no spaces or"
                    + " control characters");
        }
        issuer = issuer == null || issuer.isBlank() ? null : issuer.strip();
        key = key == null || key.isBlank() ? null : key.strip();
        if ((kind == Kind.DER_CRL || kind == Kind.DER_CERTIFICATE) && issuer == null) {
            throw new IllegalArgumentException("a " + kind.tag() + " answer needs an issuer (the issuing CA's common"
                    + " name, such as Apple Root CA)");
        }
        if ((kind == Kind.PLIST || kind == Kind.JSON) && key == null) {
            throw new IllegalArgumentException("a " + kind.tag() + " answer needs a key (a top-level key the answer"
                    + " carries)");
        }
    }

    /** A short description for messages: {@code a DER CRL issued by 'Apple Root CA'}. */
    public String describe() {
        return switch (kind) {
            case DER_CRL -> "a DER CRL issued by '" + issuer + "'";
            case DER_CERTIFICATE -> "a DER certificate issued by '" + issuer + "'";
            case OCSP_RESPONSE -> "a DER OCSP response (application/ocsp-response)";
            case PLIST -> "an XML property list with the top-level key '" + key + "'";
            case JSON -> "a JSON object with the top-level key '" + key + "'";
        };
    }
}
