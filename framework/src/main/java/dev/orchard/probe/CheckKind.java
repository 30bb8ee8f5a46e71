package dev.orchard.probe;

import java.util.Locale;
import org.apiguardian.api.API;

/** What a check tests; its lower-case name is also the check's JUnit tag. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
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
