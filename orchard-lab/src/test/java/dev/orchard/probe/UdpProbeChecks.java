package dev.orchard.probe;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.function.IntSupplier;

/**
 * What every UDP probe (NTP, QUIC) must do whatever its protocol: name a server gone silent UDP_NO_RESPONSE
 * within its timeout, having retried, and a closed port UDP_REFUSED. Each returns the result for the protocol's
 * own wording.
 */
final class UdpProbeChecks {

    /** A UDP probe's entry point. */
    interface UdpProbe {
        ProbeResult probe(String host, InetSocketAddress target, Duration timeout);
    }

    private UdpProbeChecks() {
    }

    /**
     * Probes a server that answers, silences it with {@code silence}, and probes again. The first probe is a
     * warm-up: the deadline under test is the probe's, not the JVM's first class loading.
     */
    static ProbeResult silentServer(UdpProbe probe, String host, InetSocketAddress server, Duration timeout,
            Runnable silence, IntSupplier requests) {
        assertThat(probe.probe(host, server, timeout).verdict(), is(Verdict.OK));
        silence.run();
        ProbeResult result = Deadline.endsWithin(timeout, () -> probe.probe(host, server, timeout));

        assertThat(result.verdict(), is(Verdict.UDP_NO_RESPONSE));
        assertThat("the probe retried", requests.getAsInt(), greaterThanOrEqualTo(2));
        return result;
    }

    /** Probes a loopback port that was just free, which draws a real ICMP port unreachable. */
    static ProbeResult closedPort(UdpProbe probe, String host, Duration timeout) throws IOException {
        InetSocketAddress closed = ClosedUdpPort.get();

        ProbeResult result = probe.probe(host, closed, timeout);

        assertThat(result.verdict(), is(Verdict.UDP_REFUSED));
        assertThat(result.evidence().connectedTo(), equalTo("127.0.0.1:" + closed.getPort()));
        return result;
    }
}
