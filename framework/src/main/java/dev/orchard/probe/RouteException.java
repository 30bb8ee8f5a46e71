package dev.orchard.probe;

/** A route's own diagnosis, such as a proxy refusing CONNECT: carries the verdict the check should report. */
final class RouteException extends Exception {

    private static final long serialVersionUID = 1L;

    private final Verdict verdict;
    private final Integer httpStatus;
    private final String server;

    RouteException(Verdict verdict, String message, Integer httpStatus, String server) {
        super(message, null, false, false);
        this.verdict = verdict;
        this.httpStatus = httpStatus;
        this.server = server;
    }

    Verdict verdict() {
        return verdict;
    }

    /** The proxy's HTTP status, when it answered. */
    Integer httpStatus() {
        return httpStatus;
    }

    /** The proxy's Server or Via header, when it sent one. */
    String server() {
        return server;
    }
}
