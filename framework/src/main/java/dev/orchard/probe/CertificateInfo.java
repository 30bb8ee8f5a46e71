package dev.orchard.probe;

import org.apiguardian.api.API;

/** One certificate of a presented chain, as evidence: enough to tell Apple's CA from an inspection CA. */
@API(status = API.Status.STABLE, since = "0.1")
public record CertificateInfo(String subject, String issuer, String spkiSha256, String notAfter) {
}
