package dev.orchard.probe;

import dev.orchard.ConfigurationKeys;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.ResolverConfig;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * Resolves a host the way an Apple device on the network would, through the network's resolvers, and explains
 * a failure by the name on the CNAME chain that caused it: Apple's hosts are CNAMEs into CDNs, and DNS filters
 * often block a CDN name rather than the Apple name itself. Queries A and AAAA at once; an address in either
 * passes. Asks as a stub resolver does ({@link DnsExchange}): stray datagrams are ignored until the deadline,
 * truncated answers are retried over TCP. Never throws for a network condition, and returns within the timeout.
 */
final class DnsProbe {

    private final List<InetSocketAddress> servers;
    private final List<String> serverTexts;
    private final Duration timeout;
    private final Set<InetAddress> extraSinkholes;
    private final String resolverText;

    /**
     * @param servers the resolvers to ask; empty for the system resolver (dnsjava's {@link ResolverConfig})
     * @param timeout how long {@link #resolve} may take in all
     * @param extraSinkholes IP literals a DNS filter answers with besides 0.0.0.0, :: and 127.0.0.0/8
     * @throws IllegalArgumentException naming {@code apple-network.sinkholes} when one is not an IP literal
     */
    DnsProbe(List<InetSocketAddress> servers, Duration timeout, List<String> extraSinkholes) {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the DNS timeout must be positive, got " + timeout);
        }
        this.timeout = timeout;
        this.extraSinkholes = sinkholes(extraSinkholes);
        List<InetSocketAddress> used = servers.isEmpty() ? ResolverConfig.getCurrentConfig().servers() : servers;
        if (used.isEmpty()) {
            throw new IllegalArgumentException("no DNS server is configured and the system has none; set "
                    + ConfigurationKeys.DNS_SERVERS + " to ip[:port], comma separated");
        }
        this.servers = List.copyOf(used);
        this.serverTexts = used.stream().map(DnsProbe::hostPort).toList();
        String list = String.join(", ", serverTexts);
        this.resolverText = servers.isEmpty() ? "the system resolver (" + list + ")" : "resolver " + list;
    }

    /** The host's addresses, or the verdict that explains why there are none usable. */
    DnsResolution resolve(String host) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        String shown = host == null ? "" : host;
        InetAddress literal = IpLiteral.parse(shown).orElse(null);
        if (literal != null) {
            Evidence evidence = evidence(List.of(literal), List.of(), "an IP literal: nothing to resolve");
            return new DnsResolution(ProbeResult.passed(shown + " is an IP address; no DNS lookup needed",
                    elapsed(start), evidence), List.of(literal));
        }
        Name name;
        try {
            name = Name.fromString(shown, Name.root);
        } catch (TextParseException e) {
            return fail(start, Verdict.DNS_NXDOMAIN, "\"" + shown + "\" is not a valid DNS name (" + e.getMessage()
                    + "); check the catalog row", new DnsAnswer(DnsAnswer.Outcome.NXDOMAIN, List.of(shown),
                    List.of(), "invalid name"), null);
        }
        DnsAnswer v4 = null;
        DnsAnswer v6 = null;
        String who = resolverText;
        // Like a stub resolver: the servers in order, the next only when one gave no answer at all; each server
        // gets an equal share of the time left, so that all are tried before the check times out.
        for (int i = 0; i < servers.size(); i++) {
            long now = System.nanoTime();
            long left = deadline - now;
            if (left <= 0 && v4 != null) {
                break;
            }
            long serverDeadline = now + left / (servers.size() - i);
            List<DnsExchange.Reply> replies = DnsExchange.ask(servers.get(i), List.of(
                    DnsExchange.query(Record.newRecord(name, Type.A, DClass.IN)),
                    DnsExchange.query(Record.newRecord(name, Type.AAAA, DClass.IN))), serverDeadline);
            v4 = answer(replies.get(0), name, Type.A);
            v6 = answer(replies.get(1), name, Type.AAAA);
            if (!(v4.noResponse() && v6.noResponse())) {
                who = "resolver " + serverTexts.get(i);
                break;
            }
        }
        return judge(DnsAnswer.text(name), v4, v6, who, start);
    }

    private DnsAnswer answer(DnsExchange.Reply reply, Name name, int type) {
        if (reply.response() != null) {
            return DnsAnswer.read(name, type, reply.response());
        }
        return DnsAnswer.failure(reply.failure(), DnsAnswer.text(name), reply.why());
    }

    private DnsResolution judge(String host, DnsAnswer v4, DnsAnswer v6, String who, long start) {
        List<InetAddress> addresses = new ArrayList<>(v4.addresses());
        addresses.addAll(v6.addresses());
        String detail = who + "; A: " + summary(v4) + "; AAAA: " + summary(v6);
        if (!addresses.isEmpty()) {
            DnsAnswer used = v4.addresses().isEmpty() ? v6 : v4;
            List<InetAddress> sinkholes = addresses.stream().filter(this::isSinkhole).toList();
            if (!sinkholes.isEmpty()) {
                String message = host + " resolves to sinkhole address " + joined(sinkholes) + via(used)
                        + ": " + Verdict.DNS_SINKHOLE.remedy();
                return new DnsResolution(ProbeResult.failed(Verdict.DNS_SINKHOLE, message, elapsed(start),
                        evidence(addresses, used.chain(), detail)), List.of());
            }
            String message = host + " resolves to " + joined(addresses) + via(used) + "; "
                    + inAppleRanges(addresses);
            return new DnsResolution(ProbeResult.passed(message, elapsed(start),
                    evidence(addresses, used.chain(), detail)), addresses);
        }
        DnsAnswer worst = v4.outcome().compareTo(v6.outcome()) <= 0 ? v4 : v6;
        Verdict verdict = verdict(worst.outcome());
        String message = host + ": " + explain(worst, who) + ": " + verdict.remedy();
        return fail(start, verdict, message, worst, detail);
    }

    private String explain(DnsAnswer answer, String who) {
        String chain = String.join(" → ", answer.chain());
        String last = answer.last();
        switch (answer.outcome()) {
            case LOOP:
                return "the CNAME chain " + chain + " loops back to " + last;
            case TOO_LONG:
                return "the CNAME chain " + chain + " is longer than " + DnsAnswer.MAX_CNAMES + " names";
            case NXDOMAIN:
                return answer.hasCnames()
                        ? "the CNAME chain " + chain + " ends in NXDOMAIN at " + last
                        : "the resolver says " + last + " does not exist (NXDOMAIN)";
            case NODATA:
                return answer.hasCnames()
                        ? "the CNAME chain " + chain + " dangles at " + last + ", which has no A or AAAA record"
                        : last + " exists but has no A or AAAA record";
            case SERVFAIL:
                return who + " answered " + answer.rcode()
                        + (answer.hasCnames() ? " for " + last + " on the CNAME chain " + chain : "");
            case REFUSED:
                return who + " refused the query (REFUSED)"
                        + (answer.hasCnames() ? " for " + last + " on the CNAME chain " + chain : "");
            case UNREACHABLE:
                return who + " could not be reached: " + answer.rcode();
            case TIMEOUT:
            default:
                return resolverText + " did not answer within " + timeout.toMillis() + " ms";
        }
    }

    private static Verdict verdict(DnsAnswer.Outcome outcome) {
        switch (outcome) {
            case LOOP:
            case TOO_LONG:
                return Verdict.DNS_CNAME_LOOP;
            case NXDOMAIN:
                return Verdict.DNS_NXDOMAIN;
            case NODATA:
                return Verdict.DNS_NO_ADDRESS;
            case SERVFAIL:
                return Verdict.DNS_SERVFAIL;
            case REFUSED:
                return Verdict.DNS_REFUSED;
            case TIMEOUT:
            case UNREACHABLE:
            default:
                return Verdict.DNS_TIMEOUT;
        }
    }

    private DnsResolution fail(long start, Verdict verdict, String message, DnsAnswer answer, String detail) {
        Evidence evidence = evidence(List.of(), answer.chain(), detail == null ? answer.rcode() : detail);
        return new DnsResolution(ProbeResult.failed(verdict, message, elapsed(start), evidence), List.of());
    }

    private static Evidence evidence(List<InetAddress> addresses, List<String> chain, String detail) {
        return new Evidence(texts(addresses), chain, apple17(addresses), null, null, List.of(), null, null, null,
                detail);
    }

    private static String via(DnsAnswer answer) {
        return answer.hasCnames() ? " via the CNAME chain " + String.join(" → ", answer.chain()) : "";
    }

    private static String summary(DnsAnswer answer) {
        if (answer.outcome() == DnsAnswer.Outcome.ADDRESSES) {
            return answer.rcode() + " " + answer.addresses().size() + " address(es)";
        }
        return answer.outcome() == DnsAnswer.Outcome.NODATA ? answer.rcode() + " no address" : answer.rcode();
    }

    private boolean isSinkhole(InetAddress address) {
        return address.isAnyLocalAddress() || address.isLoopbackAddress() || extraSinkholes.contains(address);
    }

    /** The IPv4 addresses in Apple's 17.0.0.0/8, the evidence field firewall rules are compared with. */
    private static List<String> apple17(List<InetAddress> addresses) {
        return addresses.stream()
                .filter(a -> a instanceof Inet4Address && AppleRanges.contains(a))
                .map(IpLiteral::text)
                .toList();
    }

    /**
     * Per family, how many addresses lie in Apple's published ranges: none means a CDN address that firewall
     * rules allowing only those ranges do not cover.
     */
    private static String inAppleRanges(List<InetAddress> addresses) {
        List<String> parts = new ArrayList<>();
        for (IpFamily family : IpFamily.values()) {
            List<InetAddress> of = family.filter(addresses);
            if (of.isEmpty()) {
                continue;
            }
            long inside = of.stream().filter(AppleRanges::contains).count();
            String ranges = AppleRanges.describe(family);
            String apple = family == IpFamily.IPV4 ? "Apple's " + ranges : "Apple's IPv6 ranges (" + ranges + ")";
            parts.add(inside == 0 ? "none " + (family == IpFamily.IPV4 ? "" : "of its IPv6 addresses ") + "in "
                    + apple + " (a CDN address: firewall rules that allow only " + ranges + " do not cover it)"
                    : inside + " of " + of.size() + (family == IpFamily.IPV4 ? "" : " IPv6 addresses") + " in "
                    + apple);
        }
        return String.join("; ", parts);
    }

    private static List<String> texts(List<InetAddress> addresses) {
        return addresses.stream().map(IpLiteral::text).toList();
    }

    private static String joined(List<InetAddress> addresses) {
        return String.join(", ", texts(addresses));
    }

    private static Set<InetAddress> sinkholes(List<String> literals) {
        Set<InetAddress> out = new LinkedHashSet<>();
        for (String literal : literals == null ? List.<String>of() : literals) {
            InetAddress address = literal == null ? null : IpLiteral.parse(literal).orElse(null);
            if (address == null) {
                throw new IllegalArgumentException(ConfigurationKeys.SINKHOLES + ": \"" + literal
                        + "\" is not an IP address; expected IP literals such as 10.10.10.10 or ::1, comma separated");
            }
            out.add(address);
        }
        return Set.copyOf(out);
    }

    private static String hostPort(InetSocketAddress address) {
        return TcpProbe.format(address);
    }

    private static Duration elapsed(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
