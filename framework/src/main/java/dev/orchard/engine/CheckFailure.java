package dev.orchard.engine;

import dev.orchard.probe.ProbeResult;
import org.opentest4j.AssertionFailedError;

/**
 * A failed check as JUnit reports it: the verdict and the message a person acts on. It has no stack trace,
 * because the cause is in the network, not in code.
 */
final class CheckFailure extends AssertionFailedError {

    private static final long serialVersionUID = 1L;

    private final transient ProbeResult result;

    CheckFailure(ProbeResult result) {
        super(result.verdict() + ": " + result.message());
        this.result = result;
        setStackTrace(new StackTraceElement[0]);
    }

    ProbeResult result() {
        return result;
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
