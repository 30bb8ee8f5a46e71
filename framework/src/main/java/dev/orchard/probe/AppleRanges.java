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

    private static final List<Cidr> RANGES = load();

    private AppleRanges() {
    }

    /** Every range, in the file's order. */
    static List<Cidr> all() {
        return RANGES;
    }

    /** The ranges of one family, as messages list them: {@code 17.0.0.0/8}. */
    public static String describe(IpFamily family) {
        return String.join(", ", RANGES.stream().filter(r -> IpFamily.of(r.network()) == family)
                .map(Cidr::toString).toList());
    }

    public static boolean contains(InetAddress address) {
        return RANGES.stream().anyMatch(r -> r.contains(address));
    }

    /** The same for an address as evidence writes it; false for text that is not an IP literal. */
    public static boolean contains(String literal) {
        return IpLiteral.parse(literal).map(AppleRanges::contains).orElse(false);
    }

    private static List<Cidr> load() {
        try (InputStream in = AppleRanges.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the framework jar");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<Cidr> ranges = new ArrayList<>();
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

    static Cidr parse(String text, int line) {
        return Cidr.parse(text).orElseThrow(() -> new IllegalStateException(RESOURCE + " line " + line + ": '" + text
                + "' is not a CIDR range such as 17.0.0.0/8 or 2403:300::/32"));
    }
}
