package dev.orchard.probe;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;

/** Names the TCP verdict of a socket failure that happened while a route opened its connection. */
final class SocketFailures {

    private SocketFailures() {
    }

    static Verdict verdict(IOException failure) {
        if (failure instanceof SocketTimeoutException) {
            return Verdict.TCP_TIMEOUT;
        }
        if (failure instanceof NoRouteToHostException) {
            return Verdict.TCP_UNREACHABLE;
        }
        if (failure instanceof ConnectException) {
            return Verdict.TCP_REFUSED;
        }
        return Verdict.TCP_RESET;
    }

    /** {@code ExceptionName: message}, one line, for result messages. */
    static String describe(Throwable failure) {
        String message = failure.getMessage();
        return failure.getClass().getSimpleName() + (message == null ? "" : ": " + message.replace('\n', ' '));
    }
}
