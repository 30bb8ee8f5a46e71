package dev.orchard.probe;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;

import dev.orchard.lab.FaultServer;
import dev.orchard.lab.LabSshServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** One selector thread watching real loopback connects: each ends once, as connected, failed or timed out. */
class ConnectorTest {

    @Test
    void tellsAnAnsweredConnectFromARefusedAndADroppedOne() throws Exception {
        try (LabSshServer ssh = LabSshServer.start(); FaultServer refusing = FaultServer.refusing();
                FaultServer blackhole = FaultServer.blackhole(); Connector connector = new Connector("test-connect")) {
            Duration timeout = Duration.ofMillis(500);
            long start = System.nanoTime();
            CompletableFuture<Connector.Outcome> dropped = connector.connect(blackhole.address(), timeout);
            assertThat(connector.connect(new java.net.InetSocketAddress("127.0.0.1", ssh.port()), timeout)
                    .get(5, TimeUnit.SECONDS), is(Connector.Outcome.CONNECTED));
            assertThat(connector.connect(refusing.address(), timeout).get(5, TimeUnit.SECONDS),
                    is(Connector.Outcome.FAILED));
            assertThat(dropped.get(5, TimeUnit.SECONDS), is(Connector.Outcome.TIMED_OUT));
            long took = Duration.ofNanos(System.nanoTime() - start).toMillis();
            assertThat(took, greaterThanOrEqualTo(timeout.toMillis()));
            assertThat(took, lessThan(timeout.toMillis() * 11 / 10 + 100));
        }
    }

    @Test
    void manyDroppedConnectsAllEndAtTheirOwnTimeoutAndCloseEndsTheRest() throws Exception {
        try (FaultServer blackhole = FaultServer.blackhole()) {
            Connector connector = new Connector("test-connect");
            long start = System.nanoTime();
            List<CompletableFuture<Connector.Outcome>> quick = IntStream.range(0, 100)
                    .mapToObj(i -> connector.connect(blackhole.address(), Duration.ofMillis(300))).toList();
            List<CompletableFuture<Connector.Outcome>> slow = IntStream.range(0, 20)
                    .mapToObj(i -> connector.connect(blackhole.address(), Duration.ofSeconds(60))).toList();
            for (CompletableFuture<Connector.Outcome> outcome : quick) {
                assertThat(outcome.get(5, TimeUnit.SECONDS), is(Connector.Outcome.TIMED_OUT));
            }
            assertThat("one selector thread, no waves", Duration.ofNanos(System.nanoTime() - start).toMillis(),
                    lessThan(300L * 11 / 10 + 200));
            connector.close();
            for (CompletableFuture<Connector.Outcome> outcome : slow) {
                assertThat(outcome.get(5, TimeUnit.SECONDS), is(Connector.Outcome.FAILED));
            }
            assertThat(connector.running(), is(false));
            assertThat(connector.connect(blackhole.address(), Duration.ofSeconds(60)).get(5, TimeUnit.SECONDS),
                    is(Connector.Outcome.FAILED));
        }
    }
}
