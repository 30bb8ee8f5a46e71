package dev.orchard.probe;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import dev.orchard.lab.FaultServer;
import dev.orchard.lab.LabSshServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** One selector thread watching real loopback connects: each ends once, as connected, failed or timed out. */
class ConnectorTest {

    @Test
    void tellsAnAnsweredConnectFromARefusedAndADroppedOne() throws Exception {
        try (LabSshServer ssh = LabSshServer.start(); FaultServer refusing = FaultServer.refusing();
                FaultServer blackhole = FaultServer.blackhole(); Connector connector = new Connector("test-connect")) {
            Duration timeout = Duration.ofMillis(500);
            Deadline.endsWithin(timeout, Duration.ofMillis(100), () -> {
                CompletableFuture<Connector.Outcome> dropped = connector.connect(blackhole.address(), timeout);
                assertThat(outcome(connector.connect(new java.net.InetSocketAddress("127.0.0.1", ssh.port()),
                        timeout)), is(Connector.Outcome.CONNECTED));
                assertThat(outcome(connector.connect(refusing.address(), timeout)), is(Connector.Outcome.FAILED));
                assertThat(outcome(dropped), is(Connector.Outcome.TIMED_OUT));
                return null;
            });
        }
    }

    @Test
    void manyDroppedConnectsAllEndAtTheirOwnTimeoutAndCloseEndsTheRest() throws Exception {
        try (FaultServer blackhole = FaultServer.blackhole()) {
            Connector connector = new Connector("test-connect");
            List<CompletableFuture<Connector.Outcome>> slow = IntStream.range(0, 20)
                    .mapToObj(i -> connector.connect(blackhole.address(), Duration.ofSeconds(60))).toList();
            // One selector thread, no waves: a hundred dropped connects all end at their one timeout.
            Duration timeout = Duration.ofMillis(300);
            Deadline.endsWithin(timeout, Duration.ofMillis(200), () -> {
                List<CompletableFuture<Connector.Outcome>> quick = IntStream.range(0, 100)
                        .mapToObj(i -> connector.connect(blackhole.address(), timeout)).toList();
                for (CompletableFuture<Connector.Outcome> outcome : quick) {
                    assertThat(outcome(outcome), is(Connector.Outcome.TIMED_OUT));
                }
                return null;
            });
            connector.close();
            for (CompletableFuture<Connector.Outcome> outcome : slow) {
                assertThat(outcome.get(5, TimeUnit.SECONDS), is(Connector.Outcome.FAILED));
            }
            assertThat(connector.running(), is(false));
            assertThat(connector.connect(blackhole.address(), Duration.ofSeconds(60)).get(5, TimeUnit.SECONDS),
                    is(Connector.Outcome.FAILED));
        }
    }

    /** The outcome, waited for at most 5 s, inside a lambda that cannot throw checked exceptions. */
    private static Connector.Outcome outcome(CompletableFuture<Connector.Outcome> future) {
        try {
            return future.get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("no outcome within 5 s", e);
        }
    }
}
