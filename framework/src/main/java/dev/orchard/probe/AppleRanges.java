package dev.orchard.probe;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Apple's published address ranges (17.0.0.0/8, and since July 2025 2403:300::/32, 2620:149::/32 and
 * 2a01:b740::/32), read from {@code apple-ip-ranges.txt} beside the bundled catalog, which names the source. A
 * firewall that allows only these ranges does not cover an address outside them (a CDN's), which is why the dns
 * check says which addresses lie inside. The one owner of these ranges: reports that name them ask it.
 */
@API(status = INTERNAL)
public final class AppleRanges {

    static final String RESOURCE = "/dev/orchard/catalog/apple-ip-ranges.txt";

    /** One CIDR range. */
    record Range(InetAddress network, int prefix) {
        boolean contains(InetAddress address) {
            byte[] net = network.getAddress();
            byte[] candidate = address.getAddress();
            if (net.length != candidate.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (net[i] != candidate[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (net[full] & mask) == (candidate[full] & mask);
        }

        @Override
        public String toString() {
            return IpLiteral.text(network) + "/" + prefix;
        }
    }

    private static final List<Range> RANGES = load();

    private AppleRanges() {
    }

    /** Every range, in the file's order. */
    static List<Range> all() {
        return RANGES;
    }

    /** The ranges of one family, as messages list them: {@code 17.0.0.0/8}. */
    public static String describe(IpFamily family) {
        return String.join(", ", RANGES.stream().filter(r -> IpFamily.of(r.network()) == family)
                .map(Range::toString).toList());
    }

    public static boolean contains(InetAddress address) {
        return RANGES.stream().anyMatch(r -> r.contains(address));
    }

    /** The same for an address as evidence writes it; false for text that is not an IP literal. */
    public static boolean contains(String literal) {
        return IpLiteral.parse(literal).map(AppleRanges::contains).orElse(false);
    }

    private static List<Range> load() {
        try (InputStream in = AppleRanges.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the framework jar");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<Range> ranges = new ArrayList<>();
            int number = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                number++;
                String text = line.replaceFirst("#.*", "").strip();
                if (!text.isEmpty()) {
                    ranges.add(parse(text, number));
                }
            }
            return List.copyOf(ranges);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    static Range parse(String text, int line) {
        int slash = text.indexOf('/');
        InetAddress network = slash < 0 ? null : IpLiteral.parse(text.substring(0, slash)).orElse(null);
        int prefix = -1;
        try {
            prefix = slash < 0 ? -1 : Integer.parseInt(text.substring(slash + 1));
        } catch (NumberFormatException e) {
            // reported below
        }
        if (network == null || prefix < 0 || prefix > network.getAddress().length * 8) {
            throw new IllegalStateException(RESOURCE + " line " + line + ": '" + text
                    + "' is not a CIDR range such as 17.0.0.0/8 or 2403:300::/32");
        }
        return new Range(network, prefix);
    }
}
