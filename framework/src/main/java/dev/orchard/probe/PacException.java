package dev.orchard.probe;

/**
 * A PAC file that failed: it could not be fetched ({@link Verdict#PAC_UNAVAILABLE}), or it does not compile,
 * throws, runs too long or returns garbage ({@link Verdict#PAC_INVALID}). The message names the PAC and, where the
 * script told, the line.
 */
final class PacException extends Exception {

    private static final long serialVersionUID = 1L;

    private final Verdict verdict;

    PacException(Verdict verdict, String message) {
        super(message, null, false, false);
        this.verdict = verdict;
    }

    Verdict verdict() {
        return verdict;
    }
}
