package dev.orchard.probe;

import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * One probe's deadline. Socket read timeouts only bound each read, so a server that drips bytes could outlast
 * them; {@link #guard(Socket)} closes the socket at the deadline so that a probe always ends on time.
 */
final class TimeBudget implements AutoCloseable {

    private static final ScheduledThreadPoolExecutor WATCHDOG = watchdog();

    private final Duration timeout;
    private final long deadlineNanos;
    private volatile ScheduledFuture<?> guard;

    private TimeBudget(Duration timeout) {
        this.timeout = timeout;
        this.deadlineNanos = System.nanoTime() + timeout.toNanos();
    }

    static TimeBudget start(Duration timeout) {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
        return new TimeBudget(timeout);
    }

    Duration timeout() {
        return timeout;
    }

    /** What is left, at least one millisecond so that it never means "wait forever" to a socket. */
    Duration remaining() {
        return Duration.ofNanos(Math.max(TimeUnit.MILLISECONDS.toNanos(1), deadlineNanos - System.nanoTime()));
    }

    int remainingMillis() {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, remaining().toMillis()));
    }

    boolean expired() {
        return System.nanoTime() - deadlineNanos >= 0;
    }

    /** Closes {@code socket} when the deadline passes, unless this budget is closed first. */
    void guard(Socket socket) {
        ScheduledFuture<?> previous = guard;
        if (previous != null) {
            previous.cancel(false);
        }
        guard = WATCHDOG.schedule(() -> closeQuietly(socket), Math.max(0, deadlineNanos - System.nanoTime()),
                TimeUnit.NANOSECONDS);
    }

    @Override
    public void close() {
        ScheduledFuture<?> current = guard;
        if (current != null) {
            current.cancel(false);
        }
    }

    static void closeQuietly(Socket socket) {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing is best effort
            }
        }
    }

    private static ScheduledThreadPoolExecutor watchdog() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "orchard-probe-deadline");
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }
}
