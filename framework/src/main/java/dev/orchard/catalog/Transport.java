package dev.orchard.catalog;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.apiguardian.api.API;

/** The IP transport of a row. The article's "SSH" is TCP. */
@API(status = API.Status.STABLE, since = "0.1")
public enum Transport {
    TCP,
    UDP;

    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Transport> parse(String text) {
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        if (wanted.equals("ssh")) {
            return Optional.of(TCP);
        }
        return Arrays.stream(values()).filter(t -> t.tag().equals(wanted)).findFirst();
    }
}
