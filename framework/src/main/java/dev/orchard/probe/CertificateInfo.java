package dev.orchard.probe;

/** One certificate of a presented chain, as evidence: enough to tell Apple's CA from an inspection CA. */
public record CertificateInfo(String subject, String issuer, String spkiSha256, String notAfter) {
}
