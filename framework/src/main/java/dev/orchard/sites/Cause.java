package dev.orchard.sites;

/**
 * A failure's cause as it recurs across sites: the verdict, and what tells one middlebox from another, such as
 * the issuer of an inspecting proxy's certificate. Two sites behind the same Zscaler tenant share a cause.
 *
 * @param verdict the verdict name
 * @param detail {@code issuer ...}, {@code answer ...}, {@code server ...}, or empty
 */
record Cause(String verdict, String detail) implements Comparable<Cause> {

    static Cause of(CheckRecord record) {
        String verdict = record.verdict();
        if (verdict.startsWith("TLS_") && record.leafIssuer() != null) {
            return new Cause(verdict, "issuer " + record.leafIssuer());
        }
        if (verdict.equals("DNS_SINKHOLE") && !record.addresses().isEmpty()) {
            return new Cause(verdict, "answer " + record.addresses().get(0));
        }
        if ((verdict.startsWith("PROXY_") || verdict.startsWith("HTTP_")) && record.server() != null) {
            return new Cause(verdict, "server " + record.server());
        }
        return new Cause(verdict, "");
    }

    @Override
    public int compareTo(Cause other) {
        int byVerdict = verdict.compareTo(other.verdict);
        return byVerdict != 0 ? byVerdict : detail.compareTo(other.detail);
    }
}
