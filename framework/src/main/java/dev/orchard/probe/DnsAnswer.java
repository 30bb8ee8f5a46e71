package dev.orchard.probe;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;

/**
 * What one query (A or AAAA) told us, read the way a stub resolver reads a recursive resolver's answer: follow
 * the CNAME records from the queried name, then take the addresses of the last name. Kept apart from
 * {@link DnsProbe} so that reading an answer and judging a host are each simple.
 *
 * @param outcome what the answer amounts to
 * @param chain the queried name, then each CNAME target, without trailing dots
 * @param addresses the addresses of the last name on the chain
 * @param rcode the response code as text, or what went wrong when there was no response
 */
record DnsAnswer(Outcome outcome, List<String> chain, List<InetAddress> addresses, String rcode) {

    /** More CNAMEs than this is treated as a loop: no Apple name needs that many, and resolvers give up too. */
    static final int MAX_CNAMES = 16;

    /** What an answer amounts to; when no query gave an address, the earliest constant here is reported. */
    enum Outcome { ADDRESSES, LOOP, TOO_LONG, NXDOMAIN, REFUSED, SERVFAIL, TIMEOUT, UNREACHABLE, NODATA }

    DnsAnswer {
        chain = List.copyOf(chain);
        addresses = List.copyOf(addresses);
    }

    /** No response: {@code why} says what happened instead. */
    static DnsAnswer failure(Outcome outcome, String host, String why) {
        return new DnsAnswer(outcome, List.of(host), List.of(), why);
    }

    static DnsAnswer read(Name qname, int qtype, Message response) {
        List<Record> answers = response.getSection(Section.ANSWER);
        List<String> chain = new ArrayList<>();
        chain.add(text(qname));
        Set<Name> seen = new HashSet<>();
        seen.add(qname);
        Name current = qname;
        String rcode = Rcode.string(response.getRcode());
        for (CNAMERecord cname = cname(answers, current); cname != null; cname = cname(answers, current)) {
            current = cname.getTarget();
            chain.add(text(current));
            if (!seen.add(current)) {
                return new DnsAnswer(Outcome.LOOP, chain, List.of(), rcode);
            }
            if (chain.size() - 1 > MAX_CNAMES) {
                return new DnsAnswer(Outcome.TOO_LONG, chain, List.of(), rcode);
            }
        }
        List<InetAddress> addresses = new ArrayList<>();
        for (Record record : answers) {
            if (record.getType() == qtype && record.getName().equals(current)) {
                if (record instanceof ARecord a) {
                    addresses.add(a.getAddress());
                } else if (record instanceof AAAARecord aaaa) {
                    addresses.add(aaaa.getAddress());
                }
            }
        }
        if (!addresses.isEmpty()) {
            return new DnsAnswer(Outcome.ADDRESSES, chain, addresses, rcode);
        }
        Outcome outcome;
        switch (response.getRcode()) {
            case Rcode.NOERROR:
                outcome = Outcome.NODATA;
                break;
            case Rcode.NXDOMAIN:
                outcome = Outcome.NXDOMAIN;
                break;
            case Rcode.REFUSED:
                outcome = Outcome.REFUSED;
                break;
            default:
                outcome = Outcome.SERVFAIL;
                break;
        }
        return new DnsAnswer(outcome, chain, List.of(), rcode);
    }

    /** The last name on the chain: the one whose answer decided the outcome. */
    String last() {
        return chain.get(chain.size() - 1);
    }

    /** True when the server gave no response at all, so that another server may be asked. */
    boolean noResponse() {
        return outcome == Outcome.TIMEOUT || outcome == Outcome.UNREACHABLE;
    }

    boolean hasCnames() {
        return chain.size() > 1;
    }

    private static CNAMERecord cname(List<Record> answers, Name owner) {
        for (Record record : answers) {
            if (record instanceof CNAMERecord cname && record.getName().equals(owner)) {
                return cname;
            }
        }
        return null;
    }

    static String text(Name name) {
        return name.toString(true);
    }
}
