package dev.orchard.probe;

import java.util.Locale;

/**
 * What a check tests; its lower-case name is also the check's JUnit tag. {@link #PAC} is the one check of a run's
 * proxy auto-config file itself: fetched and compiled, or why not.
 */
public enum CheckKind {
    DNS,
    TCP,
    TLS,
    HTTP,
    NTP,
    QUIC,
    SSH,
    DOH,
    PAC;

    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
