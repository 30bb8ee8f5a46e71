package dev.orchard.probe;

import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The route a PAC answer gives: its entries tried in order, as devices try them. A proxy that cannot be reached
 * hands over to the next entry; any other outcome (the proxy refusing, a direct connect failing) is the check's.
 * After opening, {@link #describe()} names the entry that carried the check and the ones that failed before it.
 * A PAC that failed for this URL is a route that refuses with {@link Verdict#PAC_INVALID}.
 */
final class PacRoute implements Route {

    private final Pac.Decision decision;
    private final DirectRoute direct;
    private final boolean loopbackOnly;
    private final List<String> failed = Collections.synchronizedList(new ArrayList<>());
    private volatile PacEntry carried;

    PacRoute(Pac.Decision decision, DirectRoute direct, boolean loopbackOnly) {
        this.decision = decision;
        this.direct = direct;
        this.loopbackOnly = loopbackOnly;
    }

    @Override
    public String describe() {
        PacEntry entry = carried;
        if (entry == null) {
            return decision.failure() != null ? "PAC failed" : "PAC " + decision.answer();
        }
        String via = entry.direct() ? "direct" : "proxy " + ProxyRoute.authority(entry.host(), entry.port());
        return via + " (PAC entry " + entry.text() + (failed.isEmpty() ? "" : ", after " + String.join(", ", failed))
                + ")";
    }

    @Override
    public boolean viaProxy() {
        PacEntry entry = carried;
        return entry != null && !entry.direct();
    }

    @Override
    public Socket open(String host, int port, Duration timeout) throws IOException, RouteException {
        return inOrder(timeout, (proxy, left, connect) -> proxy.open(host, port, left, connect),
                left -> direct.open(host, port, left));
    }

    @Override
    public Hop openForHttp(String host, int port, Duration timeout) throws IOException, RouteException {
        return inOrder(timeout, (proxy, left, connect) -> new Hop(proxy.openToProxy(connect), proxy),
                left -> new Hop(direct.open(host, port, left), null));
    }

    /** The entry that carried the check, once opened. */
    PacEntry carried() {
        return carried;
    }

    /** The entries that failed before the one that carried the check, as evidence names them. */
    List<String> failedBefore() {
        synchronized (failed) {
            return List.copyOf(failed);
        }
    }

    /** The first proxy the PAC named, the one a failing direct-only host was sent to. */
    PacEntry firstProxy() {
        return decision.entries().stream().filter(e -> !e.direct()).findFirst().orElse(null);
    }

    private interface ViaProxy<T> {
        T open(ProxyRoute proxy, Duration left, Duration connect) throws IOException, RouteException;
    }

    private interface Direct<T> {
        T open(Duration left) throws IOException, RouteException;
    }

    /**
     * Tries the entries in order. Each proxy gets an equal share of what is left for its connect, so a proxy that
     * drops packets, listed first, still leaves time for the next entry.
     */
    private <T> T inOrder(Duration timeout, ViaProxy<T> viaProxy, Direct<T> viaDirect)
            throws IOException, RouteException {
        if (decision.failure() != null) {
            throw new RouteException(decision.failure().verdict(), decision.failure().getMessage()
                    + "; the check was not run", null, null);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        List<PacEntry> entries = decision.entries();
        for (int i = 0; i < entries.size(); i++) {
            PacEntry entry = entries.get(i);
            Duration left = Duration.ofNanos(deadline - System.nanoTime());
            if (left.isNegative() || left.isZero()) {
                failed.add(entry.text() + " (no time left)");
                break;
            }
            if (entry.direct()) {
                carried = entry;
                return viaDirect.open(left);
            }
            if (!entry.httpProxy()) {
                failed.add(entry.text() + " (Orchard cannot test through " + entry.kind() + " proxies)");
                continue;
            }
            ProxyRoute proxy = new ProxyRoute(entry.proxy(), loopbackOnly);
            try {
                T opened = viaProxy.open(proxy, left, left.dividedBy(entries.size() - i));
                carried = entry;
                return opened;
            } catch (RouteException e) {
                if (e.verdict() != Verdict.PROXY_UNREACHABLE) {
                    carried = entry;
                    throw e;
                }
                failed.add(entry.text() + " could not be reached");
            }
        }
        throw new RouteException(Verdict.PROXY_UNREACHABLE, "no entry of the PAC's answer '" + decision.answer()
                + "' worked: " + String.join(", ", failedBefore()) + (entries.contains(PacEntry.DIRECT) ? ""
                : "; the answer has no DIRECT fallback") + "; check that the PAC's proxies are running", null, null);
    }
}
