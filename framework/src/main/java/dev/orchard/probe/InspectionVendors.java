package dev.orchard.probe;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Names the inspection product behind a certificate, from words its issuer or subject carries: an administrator
 * acts faster on "Zscaler SSL inspection" than on a distinguished name.
 */
final class InspectionVendors {

    private record Vendor(String product, List<String> words) {
    }

    /** Checked in order: the more specific words (Umbrella, Firepower) before the general ones (Cisco). */
    private static final List<Vendor> VENDORS = List.of(
            new Vendor("Zscaler SSL inspection", List.of("zscaler")),
            new Vendor("Palo Alto Networks SSL decryption", List.of("palo alto", "paloalto", "pan-fw")),
            new Vendor("Fortinet FortiGate SSL inspection", List.of("fortinet", "fortigate")),
            new Vendor("Netskope SSL inspection", List.of("netskope")),
            new Vendor("Cisco Umbrella SSL decryption", List.of("umbrella")),
            new Vendor("Cisco Firepower SSL decryption", List.of("firepower")),
            new Vendor("Cisco SSL decryption", List.of("cisco")),
            new Vendor("Blue Coat / Symantec ProxySG SSL interception", List.of("blue coat", "bluecoat", "symantec")),
            new Vendor("Forcepoint SSL inspection", List.of("forcepoint", "websense")),
            new Vendor("Sophos SSL inspection", List.of("sophos")),
            new Vendor("Check Point HTTPS inspection", List.of("check point", "checkpoint")),
            new Vendor("Squid ssl-bump", List.of("squid")));

    private InspectionVendors() {
    }

    /** The product whose words a distinguished name or common name contains. */
    static Optional<String> product(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String lower = name.toLowerCase(Locale.ROOT);
        for (Vendor vendor : VENDORS) {
            for (String word : vendor.words()) {
                if (lower.contains(word)) {
                    return Optional.of(vendor.product());
                }
            }
        }
        return Optional.empty();
    }

    /** The product named by any issuer or subject of a presented chain, leaf first. */
    static Optional<String> product(List<CertificateInfo> chain) {
        for (CertificateInfo certificate : chain) {
            Optional<String> product = product(certificate.issuer()).or(() -> product(certificate.subject()));
            if (product.isPresent()) {
                return product;
            }
        }
        return Optional.empty();
    }
}
