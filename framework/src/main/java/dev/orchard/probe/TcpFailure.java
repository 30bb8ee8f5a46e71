package dev.orchard.probe;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Locale;

/**
 * Maps a failed connect to a verdict and plain words. The JDK reports the same condition with different exception
 * types by platform (a kernel timeout arrives as a ConnectException), so the message is read as well.
 */
final class TcpFailure {

    private TcpFailure() {
    }

    static Verdict verdict(IOException e) {
        String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        if (e instanceof SocketTimeoutException || message.contains("timed out")) {
            return Verdict.TCP_TIMEOUT;
        }
        if (e instanceof NoRouteToHostException || message.contains("unreachable") || message.contains("no route")) {
            return Verdict.TCP_UNREACHABLE;
        }
        if (message.contains("reset") || message.contains("broken pipe")) {
            return Verdict.TCP_RESET;
        }
        if (e instanceof ConnectException || message.contains("refused")) {
            return Verdict.TCP_REFUSED;
        }
        return Verdict.TCP_UNREACHABLE;
    }

    /** What happened, for {@code "TCP 443 to host (address) <what>"}. */
    static String what(Verdict verdict, IOException e, String timeout) {
        return switch (verdict) {
            case TCP_TIMEOUT -> "timed out after " + timeout;
            case TCP_REFUSED -> "was refused (" + e.getMessage() + ")";
            case TCP_RESET -> "was reset right after connecting (" + e.getMessage() + ")";
            default -> "failed: " + e.getMessage();
        };
    }

    /** What an administrator should change, naming APNs where the port or host is APNs. */
    static String hint(Verdict verdict, String host, int port) {
        boolean apns = port == 5223 || port == 2197 || host.toLowerCase(Locale.ROOT).endsWith(".push.apple.com");
        String target = apns ? "APNs" : "TCP " + port + " to " + host;
        String allow = apns ? "allow TCP 5223 and 2197 to 17.0.0.0/8" : "allow TCP " + port + " outbound to " + host;
        return switch (verdict) {
            case TCP_TIMEOUT -> "a firewall drops " + target + "; " + allow;
            case TCP_REFUSED -> "a firewall rejects " + target + " or nothing listens there; " + allow;
            case TCP_RESET -> "a firewall or IPS resets " + target + "; exempt it from deep packet inspection and "
                    + allow;
            case TCP_UNREACHABLE -> "a router or firewall reports it unreachable, or there is no route; check routing"
                    + " and " + allow;
            default -> verdict.remedy();
        };
    }

    /** {@code ExceptionName: message}, one line, for result messages. */
    static String brief(Throwable failure) {
        String message = failure.getMessage();
        return failure.getClass().getSimpleName() + (message == null ? "" : ": " + message.replace('\n', ' '));
    }

    /** {@code 5s} or {@code 1500ms}, as the configuration spells durations. */
    static String describe(Duration timeout) {
        return timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + "s" : timeout.toMillis() + "ms";
    }
}
