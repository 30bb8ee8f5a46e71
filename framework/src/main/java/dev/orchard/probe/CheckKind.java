package dev.orchard.probe;

import java.util.Locale;

/** What a check tests; its lower-case name is also the check's JUnit tag. */
public enum CheckKind {
    DNS,
    TCP,
    TLS,
    HTTP,
    NTP,
    QUIC,
    SSH,
    DOH;

    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
