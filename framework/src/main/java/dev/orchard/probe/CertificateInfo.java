package dev.orchard.probe;

import dev.orchard.internal.Sanitizer;
import org.apiguardian.api.API;

/**
 * One certificate of a presented chain, as evidence: enough to tell Apple's CA from an inspection CA. The names
 * are the server's text and are cleaned by {@link Sanitizer}.
 */
@API(status = API.Status.STABLE, since = "0.1")
public record CertificateInfo(String subject, String issuer, String spkiSha256, String notAfter) {

    public CertificateInfo {
        subject = Sanitizer.clean(subject, Evidence.TEXT);
        issuer = Sanitizer.clean(issuer, Evidence.TEXT);
        spkiSha256 = Sanitizer.clean(spkiSha256, Evidence.TEXT);
        notAfter = Sanitizer.clean(notAfter, Evidence.TEXT);
    }
}
