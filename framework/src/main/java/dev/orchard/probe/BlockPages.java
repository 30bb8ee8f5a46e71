package dev.orchard.probe;

import dev.orchard.catalog.KnownAnswer;
import dev.orchard.internal.Sanitizer;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * Tells a block page from the host's own answer, directly or through a proxy: a web filter's signature (the vendor
 * named), a 451 or 511, a 403 that a Via or a filter's Server header shows came from a middlebox, a redirect to
 * another site, or an answer that is not the host's {@link KnownAnswer}. Each is HTTP_BLOCKED.
 */
final class BlockPages {

    private BlockPages() {
    }

    /**
     * Why {@code answer} to {@code request} is a block page, as the HTTP_BLOCKED message, or empty when it may be
     * the host's. Captive portals on captive.apple.com are judged by the caller.
     */
    static Optional<String> judge(String host, String request, HttpAnswer answer, KnownAnswer known) {
        int status = answer.status();
        String who = answer.serverOrVia() == null ? "" : " (" + Sanitizer.quote(answer.serverOrVia()) + ")";
        Optional<String> vendor = BlockPageSignatures.vendor(answer);
        if (vendor.isPresent()) {
            return Optional.of(request + " was answered " + status + " by a " + vendor.get() + " block page" + who
                    + ", not by the host; allow the host in " + vendor.get() + "'s web filter policy");
        }
        if (status == 451 || status == 511 || (status == 403 && middlebox(answer))) {
            return Optional.of(request + " was answered " + status + " by a filter" + who + ", not by the host; "
                    + "allow the host in the web filter or proxy policy");
        }
        String location = answer.header("location");
        if (status / 100 == 3 && location != null && !sameSite(host, location)
                && (known != null || middlebox(answer))) {
            return Optional.of(request + " was redirected to " + Sanitizer.quote(location) + who
                    + ", another site: a filter answers in the host's place; allow the host in the web filter or "
                    + "proxy policy");
        }
        if (known != null) {
            Optional<String> mismatch = KnownAnswerCheck.mismatch(known, answer);
            if (mismatch.isPresent()) {
                return Optional.of(request + " should return " + known.describe() + ", but " + mismatch.get() + who
                        + ": a filter or proxy answers in the host's place; allow the host unmodified in the web "
                        + "filter or proxy policy");
            }
        }
        return Optional.empty();
    }

    /** A Via header, or a Server header that names a filter product or says proxy, filter, gateway or firewall. */
    static boolean middlebox(HttpAnswer answer) {
        if (answer.header("via") != null) {
            return true;
        }
        String server = answer.header("server");
        if (server == null) {
            return false;
        }
        String lower = server.toLowerCase(Locale.ROOT);
        return InspectionVendors.product(server).isPresent() || lower.contains("proxy") || lower.contains("filter")
                || lower.contains("gateway") || lower.contains("firewall");
    }

    /** Whether {@code location} stays on the host or its parent domain (apple.com, digicert.com), or is relative. */
    static boolean sameSite(String host, String location) {
        try {
            String target = URI.create(location.trim()).getHost();
            if (target == null) {
                return true;
            }
            String lower = target.toLowerCase(Locale.ROOT);
            return lower.equals(host.toLowerCase(Locale.ROOT)) || lower.equals(site(host))
                    || lower.endsWith("." + site(host));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The last two labels of a host name. */
    private static String site(String host) {
        String[] labels = host.toLowerCase(Locale.ROOT).split("\\.");
        return labels.length < 2 ? host : labels[labels.length - 2] + "." + labels[labels.length - 1];
    }
}
