package dev.orchard.probe;

import dev.orchard.internal.Sanitizer;
import java.util.List;
import org.apiguardian.api.API;

/**
 * What a probe saw, so that a person can check the verdict: addresses and CNAME chain, the certificate chain,
 * the HTTP status, a banner. Fields a probe did not observe are empty or null. Every text is cleaned by
 * {@link Sanitizer}, since most of it is what a server sent.
 *
 * @param addresses resolved addresses, in the resolver's order
 * @param cnameChain the names from the queried host to the one with addresses, the queried host first
 * @param apple17 which of {@code addresses} lie in 17.0.0.0/8, the range the article tells IP-only firewalls to allow
 * @param connectedTo the address and port actually connected to (after connect-to overrides)
 * @param route {@code direct} or {@code proxy host:port}
 * @param chain the presented certificate chain, leaf first
 * @param tlsVersion the negotiated protocol, such as TLSv1.3
 * @param httpStatus the HTTP status, or null
 * @param server the HTTP Server or Via header, or the SSH banner
 * @param detail any further observation in one line
 */
@API(status = API.Status.STABLE, since = "0.1")
public record Evidence(
        List<String> addresses,
        List<String> cnameChain,
        List<String> apple17,
        String connectedTo,
        String route,
        List<CertificateInfo> chain,
        String tlsVersion,
        Integer httpStatus,
        String server,
        String detail) {

    public static final Evidence NONE = new Evidence(List.of(), List.of(), List.of(), null, null, List.of(), null,
            null, null, null);

    public Evidence {
        addresses = cleaned(addresses);
        cnameChain = cleaned(cnameChain);
        apple17 = cleaned(apple17);
        chain = chain == null ? List.of() : List.copyOf(chain);
        connectedTo = Sanitizer.clean(connectedTo, TEXT);
        route = Sanitizer.clean(route, TEXT);
        tlsVersion = Sanitizer.clean(tlsVersion, TEXT);
        server = Sanitizer.clean(server, TEXT);
        detail = Sanitizer.clean(detail);
    }

    /** The cap of a short field: a name, an address, a Server header. */
    static final int TEXT = 256;

    private static List<String> cleaned(List<String> texts) {
        return texts == null ? List.of() : texts.stream().map(t -> Sanitizer.clean(t, TEXT)).toList();
    }

    /** The issuer of the leaf certificate, if a chain was seen. */
    public String issuer() {
        return chain.isEmpty() ? null : chain.get(0).issuer();
    }
}
