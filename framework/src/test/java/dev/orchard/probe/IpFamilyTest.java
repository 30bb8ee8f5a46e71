package dev.orchard.probe;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.orchard.ConfigurationKeys;
import dev.orchard.catalog.Transport;
import java.net.InetAddress;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Addresses written as RFC 5952 asks, Apple's published ranges, and how a run plans the two families. */
class IpFamilyTest {

    private static InetAddress ip(String literal) {
        return IpLiteral.parse(literal).orElseThrow();
    }

    @Test
    void ipv6IsWrittenCompressedAsRfc5952Asks() {
        assertThat(IpLiteral.text(ip("2403:300:0:0:0:0:0:1")), is("2403:300::1"));
        assertThat(IpLiteral.text(ip("0:0:0:0:0:0:0:1")), is("::1"));
        assertThat(IpLiteral.text(ip("::")), is("::"));
        assertThat(IpLiteral.text(ip("2001:DB8:0:0:1:0:0:1")), is("2001:db8::1:0:0:1"));
        assertThat("the first of two equal runs", IpLiteral.text(ip("2001:db8:0:0:1:0:0:1")), is("2001:db8::1:0:0:1"));
        assertThat("a single zero group stays", IpLiteral.text(ip("2001:db8:0:1:1:1:1:1")), is("2001:db8:0:1:1:1:1:1"));
        assertThat("the longest run wins", IpLiteral.text(ip("2001:0:0:1:0:0:0:1")), is("2001:0:0:1::1"));
        assertThat(IpLiteral.text(ip("fd00:0:0:0:0:0:0:a")), is("fd00::a"));
        assertThat(IpLiteral.text(ip("17.253.144.10")), is("17.253.144.10"));
        assertThat(IpLiteral.format(ip("2620:149:a44:0:0:0:0:1"), 443), is("[2620:149:a44::1]:443"));
    }

    @Test
    void appleRangesComeFromTheResourceBesideTheCatalog() {
        assertThat(AppleRanges.all().toString(), is("[17.0.0.0/8, 2403:300::/32, 2620:149::/32, 2a01:b740::/32]"));
        assertThat(AppleRanges.contains(ip("17.57.146.10")), is(true));
        assertThat(AppleRanges.contains(ip("2403:300:a42::1")), is(true));
        assertThat(AppleRanges.contains(ip("2620:149:a44::10")), is(true));
        assertThat(AppleRanges.contains(ip("2a01:b740:a42::1")), is(true));
        assertThat("a CDN address", AppleRanges.contains(ip("2600:1406:3a00::1")), is(false));
        assertThat(AppleRanges.contains(ip("2403:301::1")), is(false));
        assertThat(AppleRanges.contains(ip("23.55.1.2")), is(false));
        assertThat(AppleRanges.contains("2403:300:a42::1"), is(true));
        assertThat(AppleRanges.contains("not an address"), is(false));
        assertThat(AppleRanges.describe(IpFamily.IPV6), is("2403:300::/32, 2620:149::/32, 2a01:b740::/32"));
        IllegalStateException bad = assertThrows(IllegalStateException.class, () -> AppleRanges.parse("17.0.0.0", 3));
        assertThat(bad.getMessage(), containsString("line 3"));
    }

    @Test
    void bothFamiliesSplitEveryPortCheckWhereTheMachineRoutesBoth() {
        FamilyPlan plan = FamilyPlan.of(EnumSet.allOf(IpFamily.class), EnumSet.allOf(IpFamily.class));
        Check tcp = new Check(CheckKind.TCP, 443, Transport.TCP);
        List<Check> checks = plan.apply(List.of(Check.dns(), tcp));
        assertThat(checks, is(List.of(Check.dns(), tcp.withFamily(IpFamily.IPV4), tcp.withFamily(IpFamily.IPV6))));
        assertThat(checks.get(1).displayName(), is("tcp 443 (IPv4)"));
        assertThat(checks.get(2).displayName(), is("tcp 443 (IPv6)"));
        assertThat("the IPv4 half keeps its id", checks.get(1).idSegment(), is("tcp-443-tcp"));
        assertThat(checks.get(2).idSegment(), is("tcp-443-tcp-ipv6"));
        assertThat(checks.get(2).tags(), is(Set.of("tcp", "ipv6")));
        assertThat(CheckPlanner.prerequisites(new Check(CheckKind.TLS, 443, Transport.TCP, IpFamily.IPV6)),
                is(List.of(Check.dns(), tcp.withFamily(IpFamily.IPV6))));
        assertThat(plan.extraTags(checks.get(2)), is(empty()));
    }

    @Test
    void aMachineWithOneFamilyKeepsTodaysChecksTaggedWithIt() {
        FamilyPlan plan = FamilyPlan.of(EnumSet.allOf(IpFamily.class), EnumSet.of(IpFamily.IPV4));
        Check tcp = new Check(CheckKind.TCP, 443, Transport.TCP);
        assertThat(plan.apply(List.of(Check.dns(), tcp)), is(List.of(Check.dns(), tcp)));
        assertThat(plan.extraTags(tcp), is(Set.of("ipv4")));
        assertThat(plan.extraTags(Check.dns()), is(empty()));
        assertThat(tcp.displayName(), is("tcp 443"));
    }

    @Test
    void theKeyChoosesFamiliesExplicitly() {
        Check tcp = new Check(CheckKind.TCP, 443, Transport.TCP);
        Set<IpFamily> both = EnumSet.allOf(IpFamily.class);
        assertThat(FamilyPlan.of(configured("ipv6"), both).apply(List.of(tcp)), is(List.of(tcp.withFamily(
                IpFamily.IPV6))));
        assertThat(FamilyPlan.of(configured("IPv4"), both).apply(List.of(tcp)), is(List.of(tcp.withFamily(
                IpFamily.IPV4))));
        assertThat("the family is the check's own tag", FamilyPlan.of(configured("ipv4"), EnumSet.noneOf(
                IpFamily.class)).apply(List.of(tcp)).get(0).tags(), is(Set.of("tcp", "ipv4")));
        assertThat(configured(" ipv4 , ipv6 "), is(both));
        assertThat(FamilyPlan.configured(k -> Optional.empty()), is(both));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> configured("ipv5"));
        assertThat(bad.getMessage(), containsString(ConfigurationKeys.IP_FAMILIES + ": 'ipv5'"));
        assertThat(bad.getMessage(), containsString("expected ipv4,ipv6 (the default), ipv4 or ipv6"));
    }

    @Test
    void aRouteIsFoundWithoutSendingAPacket() {
        assertThat(Routes.reachable(ip("127.0.0.1")), is(true));
    }

    private static Set<IpFamily> configured(String value) {
        Map<String, String> keys = Map.of(ConfigurationKeys.IP_FAMILIES, value);
        return FamilyPlan.configured(k -> Optional.ofNullable(keys.get(k)));
    }
}
