package dev.orchard.probe;

import dev.orchard.ConfigurationKeys;
import dev.orchard.catalog.Endpoint;
import dev.orchard.catalog.Transport;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Decides which checks a row gets: one dns check per probed host, then for each port a tcp check followed by the
 * protocol check the port speaks (tls, http, ssh, doh), and ntp or quic for UDP. Part of Orchard's internal API.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class CheckPlanner {

    /** The host the article lists for encrypted DNS; its 443 also gets a real DoH query. */
    public static final String DOH_HOST = "doh.dns.apple.com";

    private CheckPlanner() {
    }

    /** The checks for one probed host of a row, in the order reports show them. */
    public static List<Check> checks(Endpoint endpoint, String probeHost) {
        List<Check> checks = new ArrayList<>();
        checks.add(Check.dns());
        for (int port : endpoint.ports()) {
            for (Transport transport : endpoint.transports()) {
                if (transport == Transport.TCP) {
                    checks.add(new Check(CheckKind.TCP, port, Transport.TCP));
                    if (endpoint.tlsPorts().contains(port)) {
                        checks.add(new Check(CheckKind.TLS, port, Transport.TCP));
                        if (probeHost.equals(DOH_HOST)) {
                            checks.add(new Check(CheckKind.DOH, port, Transport.TCP));
                        }
                    } else if (port == 80) {
                        checks.add(new Check(CheckKind.HTTP, port, Transport.TCP));
                    } else if (port == 22) {
                        checks.add(new Check(CheckKind.SSH, port, Transport.TCP));
                    }
                } else if (port == 123) {
                    checks.add(new Check(CheckKind.NTP, port, Transport.UDP));
                } else if (port == 443) {
                    checks.add(new Check(CheckKind.QUIC, port, Transport.UDP));
                }
            }
        }
        return checks;
    }

    /** The service id of the run's PAC check, outside the article's tables. */
    public static final String PAC_SERVICE = "proxy-auto-config";

    /**
     * The run's {@code pac} check for the {@code apple-network.pac} location: one check of its own, named after the PAC's
     * host ({@code wpad} for WPAD, {@code localhost} for a file). A bad value throws, naming the key.
     */
    public static CheckTarget pacCheck(String location) {
        PacSource source = PacSource.parse(ConfigurationKeys.PAC, location);
        String host = source.url() != null ? source.url().getHost() : source.file() != null ? "localhost" : "wpad";
        Endpoint endpoint = Endpoint.builder(PAC_SERVICE, host.toLowerCase(java.util.Locale.ROOT)).ports(
                source.url() == null ? 80 : source.url().getPort() > 0 ? source.url().getPort()
                        : "https".equalsIgnoreCase(source.url().getScheme()) ? 443 : 80)
                .description("the proxy auto-config file " + source.describe()).build();
        return new CheckTarget(endpoint, endpoint.pattern(), Check.pac());
    }

    /** The checks a port check depends on: the host's dns, and the tcp check of the same port and family. */
    public static List<Check> prerequisites(Check check) {
        if (check.kind() == CheckKind.DNS || check.kind() == CheckKind.PAC) {
            return List.of();
        }
        IpFamily family = check.family();
        if (check.kind() == CheckKind.TLS || check.kind() == CheckKind.HTTP || check.kind() == CheckKind.SSH) {
            return List.of(Check.dns(), new Check(CheckKind.TCP, check.port(), Transport.TCP, family));
        }
        if (check.kind() == CheckKind.DOH) {
            return List.of(Check.dns(), new Check(CheckKind.TCP, check.port(), Transport.TCP, family),
                    new Check(CheckKind.TLS, check.port(), Transport.TCP, family));
        }
        return List.of(Check.dns());
    }
}
