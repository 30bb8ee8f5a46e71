package dev.orchard.probe;

import java.util.Locale;
import org.apiguardian.api.API;

/**
 * What a check tests; its lower-case name is also the check's JUnit tag. {@link #PAC} is the one check of a run's
 * proxy auto-config file itself: fetched and compiled, or why not.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
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
