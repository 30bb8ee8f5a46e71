package dev.orchard.report;

import dev.orchard.probe.CertificateInfo;
import dev.orchard.probe.Evidence;
import java.util.ArrayList;
import java.util.List;

/**
 * Evidence as {@code name: value} lines, the form the XML failure bodies and the console print, so that an
 * administrator sees what the verdict rests on.
 */
final class EvidenceLines {

    private EvidenceLines() {
    }

    static List<String> of(Evidence e) {
        List<String> lines = new ArrayList<>();
        if (!e.addresses().isEmpty()) {
            lines.add("addresses: " + String.join(", ", e.addresses()));
        }
        if (!e.cnameChain().isEmpty()) {
            lines.add("cname chain: " + String.join(" -> ", e.cnameChain()));
        }
        if (!e.apple17().isEmpty()) {
            lines.add("in 17.0.0.0/8: " + String.join(", ", e.apple17()));
        }
        add(lines, "connected to", e.connectedTo());
        add(lines, "route", e.route());
        for (int i = 0; i < e.chain().size(); i++) {
            CertificateInfo c = e.chain().get(i);
            lines.add("certificate " + i + ": subject " + c.subject() + "; issuer " + c.issuer() + "; spki sha256 "
                    + c.spkiSha256() + "; not after " + c.notAfter());
        }
        add(lines, "tls version", e.tlsVersion());
        add(lines, "http status", e.httpStatus() == null ? null : e.httpStatus().toString());
        add(lines, "server", e.server());
        add(lines, "detail", e.detail());
        return lines;
    }

    private static void add(List<String> lines, String name, String value) {
        if (value != null && !value.isEmpty()) {
            lines.add(name + ": " + value);
        }
    }
}
