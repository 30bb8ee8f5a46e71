package dev.orchard.catalog;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.apiguardian.api.API;

/** The Apple platforms the article names; each one is also a JUnit tag. */
@API(status = API.Status.STABLE, since = "0.1")
public enum OperatingSystem {
    IOS("iOS"),
    IPADOS("iPadOS"),
    TVOS("tvOS"),
    WATCHOS("watchOS"),
    MACOS("macOS"),
    VISIONOS("visionOS");

    private final String displayName;

    OperatingSystem(String displayName) {
        this.displayName = displayName;
    }

    /** The tag, as users write it in {@code -Dgroups=macos}. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String displayName() {
        return displayName;
    }

    /** Reads a tag or Apple's spelling ("macOS", "macos"). */
    public static Optional<OperatingSystem> parse(String text) {
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(os -> os.tag().equals(wanted)).findFirst();
    }
}
