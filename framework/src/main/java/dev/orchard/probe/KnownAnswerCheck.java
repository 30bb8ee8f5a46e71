package dev.orchard.probe;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import dev.orchard.catalog.KnownAnswer;
import dev.orchard.internal.Sanitizer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.Locale;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Checks an HTTP answer against a row's {@link KnownAnswer}: the format and the issuer, never volatile bytes. CRLs
 * and certificates are parsed by the JDK's CertificateFactory, JSON by Jackson's streaming parser and plists by the
 * JDK's StAX parser with DTDs and external entities off. An OCSP response is checked only by its outer DER header
 * (a SEQUENCE whose first element is the OCSPResponseStatus ENUMERATED), because its contents are signed, volatile
 * data that Orchard has no need to read. Catalogs larger than the probe reads are judged by what arrived.
 */
final class KnownAnswerCheck {

    static final String OCSP_REQUEST_TYPE = "application/ocsp-request";
    static final String OCSP_RESPONSE_TYPE = "application/ocsp-response";

    /**
     * The smallest OCSPRequest: {@code SEQUENCE { tbsRequest SEQUENCE { requestList SEQUENCE {} } }}. A responder
     * answers it with a DER OCSPResponse (malformedRequest or unauthorized), which is all the check needs.
     */
    private static final byte[] MINIMAL_OCSP_REQUEST = {0x30, 0x04, 0x30, 0x02, 0x30, 0x00};

    private KnownAnswerCheck() {
    }

    /** The method the answer is asked for with: POST for OCSP, else GET. */
    static String method(KnownAnswer answer) {
        return answer != null && answer.kind() == KnownAnswer.Kind.OCSP_RESPONSE ? "POST" : "GET";
    }

    /** The request body (the minimal OCSP request), or null for none. */
    static byte[] body(KnownAnswer answer) {
        return answer != null && answer.kind() == KnownAnswer.Kind.OCSP_RESPONSE ? MINIMAL_OCSP_REQUEST.clone() : null;
    }

    /** Header lines the request adds (no trailing line break), possibly empty. */
    static String extraHeaders(KnownAnswer answer) {
        byte[] body = body(answer);
        return body == null ? "" : "\r\nContent-Type: " + OCSP_REQUEST_TYPE + "\r\nContent-Length: " + body.length;
    }

    /** Why {@code answer} is not what {@code known} describes, or empty when it is. */
    static Optional<String> mismatch(KnownAnswer known, HttpAnswer answer) {
        if (answer.status() != 200) {
            return Optional.of("it answered " + answer.status() + " " + Sanitizer.quote(answer.reason())
                    + described(answer));
        }
        byte[] body = answer.body();
        boolean truncated = truncated(answer);
        return switch (known.kind()) {
            case DER_CRL -> crl(known, body, truncated).map(why -> why + described(answer));
            case DER_CERTIFICATE -> certificate(known, body, truncated).map(why -> why + described(answer));
            case OCSP_RESPONSE -> ocsp(answer, body).map(why -> why + described(answer));
            case PLIST -> plist(known, body).map(why -> why + described(answer));
            case JSON -> json(known, body).map(why -> why + described(answer));
        };
    }

    /** What came instead: {@code (text/html, 120 bytes)}. */
    private static String described(HttpAnswer answer) {
        String type = answer.header("content-type");
        return " (" + (type == null ? "no Content-Type" : Sanitizer.quote(type)) + ", "
                + answer.body().length + " bytes)";
    }

    /** Whether the probe stopped reading before the end that Content-Length announced. */
    private static boolean truncated(HttpAnswer answer) {
        String length = answer.header("content-length");
        try {
            return length != null && Long.parseLong(length.strip()) > answer.body().length;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Reads the issuer of a DER object with the JDK's CertificateFactory. */
    private interface IssuerReader {
        X500Principal issuer(CertificateFactory factory, ByteArrayInputStream in) throws GeneralSecurityException;
    }

    private static Optional<String> crl(KnownAnswer known, byte[] body, boolean truncated) {
        return issued(known, body, truncated, "CRL",
                (factory, in) -> ((X509CRL) factory.generateCRL(in)).getIssuerX500Principal());
    }

    private static Optional<String> certificate(KnownAnswer known, byte[] body, boolean truncated) {
        return issued(known, body, truncated, "certificate",
                (factory, in) -> ((X509Certificate) factory.generateCertificate(in)).getIssuerX500Principal());
    }

    /**
     * A DER {@code what} whose issuer is the expected one. A body cut short at the probe's limit is judged by its
     * outer DER header alone.
     */
    private static Optional<String> issued(KnownAnswer known, byte[] body, boolean truncated, String what,
            IssuerReader reader) {
        if (!derSequence(body)) {
            return Optional.of("it is not DER (no ASN.1 SEQUENCE at the start)");
        }
        if (truncated) {
            return Optional.empty();
        }
        try {
            X500Principal issuer = reader.issuer(CertificateFactory.getInstance("X.509"),
                    new ByteArrayInputStream(body));
            return issuedBy(known, issuer, "the " + what);
        } catch (GeneralSecurityException | RuntimeException e) {
            return Optional.of("it is not a DER " + what + " (" + Sanitizer.quote(String.valueOf(
                    e.getMessage())) + ")");
        }
    }

    private static Optional<String> issuedBy(KnownAnswer known, X500Principal issuer, String what) {
        String name = TlsHandshake.commonName(issuer.getName(X500Principal.RFC2253));
        return name.equalsIgnoreCase(known.issuer()) ? Optional.empty()
                : Optional.of(what + " is issued by '" + Sanitizer.quote(name) + "', not '" + known.issuer()
                        + "'");
    }

    /** An OCSPResponse: {@code 30 len 0A 01 status} with a status RFC 6960 defines (0-3, 5, 6). */
    private static Optional<String> ocsp(HttpAnswer answer, byte[] body) {
        String type = answer.header("content-type");
        if (type == null || !type.toLowerCase(Locale.ROOT).strip().startsWith(OCSP_RESPONSE_TYPE)) {
            return Optional.of("it is not served as " + OCSP_RESPONSE_TYPE);
        }
        int first = derContentStart(body);
        if (first < 0) {
            return Optional.of("it is not DER (no ASN.1 SEQUENCE at the start)");
        }
        if (body.length < first + 3 || body[first] != 0x0A || body[first + 1] != 0x01) {
            return Optional.of("its first element is not the OCSPResponseStatus ENUMERATED");
        }
        int status = body[first + 2];
        return status >= 0 && status <= 6 && status != 4 ? Optional.empty()
                : Optional.of("its OCSPResponseStatus " + status + " is not one RFC 6960 defines");
    }

    private static boolean derSequence(byte[] body) {
        return derContentStart(body) >= 0;
    }

    /**
     * Where the contents of an outer DER SEQUENCE start, or -1: tag 0x30, then a short length or a long length of
     * one to four bytes.
     */
    static int derContentStart(byte[] body) {
        if (body.length < 2 || body[0] != 0x30) {
            return -1;
        }
        int length = body[1] & 0xff;
        if (length < 0x80) {
            return 2;
        }
        int bytes = length & 0x7f;
        return bytes >= 1 && bytes <= 4 && body.length > 2 + bytes ? 2 + bytes : -1;
    }

    private static Optional<String> plist(KnownAnswer known, byte[] body) {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        try {
            XMLStreamReader reader = factory.createXMLStreamReader(new ByteArrayInputStream(body));
            int depth = 0;
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                    String name = reader.getLocalName();
                    if ((depth == 1 && !name.equals("plist")) || (depth == 2 && !name.equals("dict"))) {
                        return Optional.of("it is XML but not a property list with a dictionary (<"
                                + Sanitizer.quote(name) + "> at depth " + depth + ")");
                    }
                    if (depth == 3 && name.equals("key") && reader.getElementText().equals(known.key())) {
                        return Optional.empty();
                    }
                    if (depth == 3 && name.equals("key")) {
                        depth--;
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                }
            }
        } catch (XMLStreamException e) {
            // the end of a catalog larger than the probe reads, or not XML at all
            return Optional.of("it is not an XML property list with the top-level key '" + known.key()
                    + "' in the part read (" + Sanitizer.quote(String.valueOf(e.getMessage())) + ")");
        }
        return Optional.of("the property list lacks the top-level key '" + known.key() + "'");
    }

    private static Optional<String> json(KnownAnswer known, byte[] body) {
        try (JsonParser parser = new JsonFactory().createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Optional.of("it is not a JSON object");
            }
            JsonToken token;
            while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
                if (parser.currentName().equals(known.key())) {
                    return Optional.empty();
                }
                parser.nextToken();
                parser.skipChildren();
            }
            return token == JsonToken.END_OBJECT ? Optional.of("the JSON object lacks the top-level key '"
                    + known.key() + "'") : Optional.of("it is not a JSON object");
        } catch (JsonEOFException e) {
            return Optional.of("the JSON object lacks the top-level key '" + known.key() + "' in the part read");
        } catch (JsonProcessingException e) {
            return Optional.of("it is not JSON (" + Sanitizer.quote(e.getOriginalMessage()) + ")");
        } catch (IOException e) {
            return Optional.of("it could not be read as JSON (" + Sanitizer.quote(e.getMessage()) + ")");
        }
    }
}
