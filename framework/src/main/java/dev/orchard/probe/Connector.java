package dev.orchard.probe;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Watches many TCP connects on one selector thread, so that a connect a firewall drops waits out its timeout
 * without holding a thread of its own. Each connect only says how it ended; its channel is always closed.
 */
final class Connector implements AutoCloseable {

    /** How a watched connect ended. */
    enum Outcome {
        /** The handshake completed. */
        CONNECTED,
        /** It failed before the timeout (refused, unreachable): the probe will tell which. */
        FAILED,
        /** Nothing answered within the timeout. */
        TIMED_OUT
    }

    private final Selector selector;
    private final Thread thread;
    private final Queue<Pending> incoming = new ConcurrentLinkedQueue<>();
    private final PriorityQueue<Pending> byDeadline = new PriorityQueue<>(
            (a, b) -> Long.compare(a.deadline() - b.deadline(), 0));
    private volatile boolean closed;

    Connector(String name) {
        try {
            this.selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException("could not open a selector for TCP connects: " + e.getMessage(), e);
        }
        this.thread = new Thread(this::loop, name);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /**
     * Starts a non-blocking connect to {@code address}; the future completes on the selector thread, so callers
     * hand heavier work to their own executor.
     */
    CompletableFuture<Outcome> connect(InetSocketAddress address, Duration timeout) {
        CompletableFuture<Outcome> result = new CompletableFuture<>();
        SocketChannel channel;
        try {
            channel = SocketChannel.open();
        } catch (IOException e) {
            result.complete(Outcome.FAILED);
            return result;
        }
        Pending pending = new Pending(channel, System.nanoTime() + timeout.toNanos(), result);
        try {
            channel.configureBlocking(false);
            if (channel.connect(address)) {
                pending.end(Outcome.CONNECTED);
                return result;
            }
        } catch (IOException | RuntimeException e) {
            pending.end(Outcome.FAILED);
            return result;
        }
        incoming.add(pending);
        selector.wakeup();
        if (closed) {
            drainIncoming();
        }
        return result;
    }

    /** Stops the selector thread and closes every channel still connecting; their futures end as FAILED. */
    @Override
    public void close() {
        closed = true;
        selector.wakeup();
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        drainIncoming();
    }

    /** True while the selector thread runs; for the tests that look for leaks. */
    boolean running() {
        return thread.isAlive();
    }

    private void loop() {
        try {
            while (!closed) {
                register();
                long now = System.nanoTime();
                expire(now);
                Pending next = byDeadline.peek();
                long waitMillis = next == null ? 0 : Math.max(1, (next.deadline() - now + 999_999) / 1_000_000);
                selector.select(waitMillis);
                List<SelectionKey> ready = new ArrayList<>(selector.selectedKeys());
                selector.selectedKeys().clear();
                for (SelectionKey key : ready) {
                    finish((Pending) key.attachment());
                }
            }
        } catch (IOException | ClosedSelectorException e) {
            // the selector is gone: fall through and end what is pending
        } finally {
            byDeadline.forEach(p -> p.end(Outcome.FAILED));
            byDeadline.clear();
            drainIncoming();
            try {
                selector.close();
            } catch (IOException e) {
                // nothing left to release
            }
        }
    }

    private void register() {
        Pending pending;
        while ((pending = incoming.poll()) != null) {
            try {
                pending.channel().register(selector, SelectionKey.OP_CONNECT, pending);
                byDeadline.add(pending);
            } catch (IOException | RuntimeException e) {
                pending.end(Outcome.FAILED);
            }
        }
    }

    private void expire(long now) {
        while (!byDeadline.isEmpty() && byDeadline.peek().deadline() - now <= 0) {
            byDeadline.poll().end(Outcome.TIMED_OUT);
        }
    }

    private void finish(Pending pending) {
        try {
            if (pending.channel().finishConnect()) {
                byDeadline.remove(pending);
                pending.end(Outcome.CONNECTED);
            }
        } catch (IOException e) {
            byDeadline.remove(pending);
            pending.end(Outcome.FAILED);
        }
    }

    private void drainIncoming() {
        Pending pending;
        while ((pending = incoming.poll()) != null) {
            pending.end(Outcome.FAILED);
        }
    }

    /** A connect under way: its channel, when it times out, and who waits for it. */
    private record Pending(SocketChannel channel, long deadline, CompletableFuture<Outcome> result) {
        void end(Outcome outcome) {
            try {
                channel.close();
            } catch (IOException e) {
                // closing a half-open connect has nothing to report
            }
            result.complete(outcome);
        }
    }
}
