package dev.orchard.probe;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InspectionVendorsTest {

    @Test
    void namesTheProductFromWordsInTheIssuer() {
        assertThat(InspectionVendors.product("CN=Zscaler Root CA,OU=Zscaler Inc.").get(), is("Zscaler SSL inspection"));
        assertThat(InspectionVendors.product("CN=Palo Alto Networks Forward Trust").get(),
                is("Palo Alto Networks SSL decryption"));
        assertThat(InspectionVendors.product("CN=FortiGate CA,O=Fortinet").get(),
                is("Fortinet FortiGate SSL inspection"));
        assertThat(InspectionVendors.product("CN=caadmin.netskope.com").get(), is("Netskope SSL inspection"));
        assertThat(InspectionVendors.product("CN=Cisco Umbrella Secondary SubCA").get(),
                is("Cisco Umbrella SSL decryption"));
        assertThat(InspectionVendors.product("CN=Cisco Firepower Decrypt CA").get(),
                is("Cisco Firepower SSL decryption"));
        assertThat(InspectionVendors.product("CN=Blue Coat SG-S500 Series").get(),
                is("Blue Coat / Symantec ProxySG SSL interception"));
        assertThat(InspectionVendors.product("CN=Forcepoint Cloud CA").get(), is("Forcepoint SSL inspection"));
        assertThat(InspectionVendors.product("CN=Sophos SSL CA_C1234").get(), is("Sophos SSL inspection"));
        assertThat(InspectionVendors.product("CN=Check Point Outbound CA").get(), is("Check Point HTTPS inspection"));
        assertThat(InspectionVendors.product("CN=Squid CA (Orchard lab)").get(), is("Squid ssl-bump"));
    }

    @Test
    void namesNothingForPublicCasOrUnknownIssuers() {
        assertThat(InspectionVendors.product("CN=DigiCert Global Root G2,OU=www.digicert.com"), is(Optional.empty()));
        assertThat(InspectionVendors.product("CN=Apple Public Server RSA CA 12 - G1"), is(Optional.empty()));
        assertThat(InspectionVendors.product((String) null), is(Optional.empty()));
    }

    @Test
    void looksThroughTheWholeChain() {
        List<CertificateInfo> chain = List.of(
                new CertificateInfo("CN=gdmf.apple.com", "CN=Intermediate", "aa", "2030-01-01T00:00:00Z"),
                new CertificateInfo("CN=Intermediate", "CN=Zscaler Root CA", "bb", "2030-01-01T00:00:00Z"));
        assertThat(InspectionVendors.product(chain).get(), is("Zscaler SSL inspection"));
    }
}
