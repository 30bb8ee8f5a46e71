package dev.orchard.report;

import dev.orchard.ConfigurationKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import org.apiguardian.api.API;

/**
 * The name of the place a run checked ({@code apple-network.site}): reports of many branch offices are told apart
 * by it. Unset, it is this machine's host name, read without any DNS lookup: a CI agent usually sits at one site.
 * The value is bounded and stripped of control characters because it lands in HTML, XML and metric labels.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class SiteName {

    /** Longer names are cut: a site is a label, not a description. */
    static final int MAX_LENGTH = 100;

    private static volatile String local;

    private SiteName() {
    }

    /** The site named by {@link ConfigurationKeys#SITE} in {@code configuration}, or this machine's host name. */
    public static String from(Function<String, Optional<String>> configuration) {
        return of(configuration.apply(ConfigurationKeys.SITE).orElse(null));
    }

    /** A configured site name, cleaned; this machine's host name when null or blank. */
    public static String of(String configured) {
        String clean = clean(configured);
        return clean.isEmpty() ? local() : clean;
    }

    /** This machine's host name, or {@code unknown-site} when the system does not tell it. */
    public static String local() {
        String name = local;
        if (name == null) {
            name = clean(hostName());
            local = name = name.isEmpty() ? "unknown-site" : name;
        }
        return name;
    }

    /** Control characters removed, whitespace collapsed, at most {@value #MAX_LENGTH} characters. */
    static String clean(String text) {
        if (text == null) {
            return "";
        }
        String plain = text.replaceAll("[\\p{Cntrl}\\p{Cs}]", " ").replaceAll("\\s+", " ").strip();
        return plain.length() <= MAX_LENGTH ? plain : plain.substring(0, MAX_LENGTH);
    }

    /** Linux's kernel file, else the variables Windows and shells set; never a resolver query. */
    private static String hostName() {
        try {
            Path kernel = Path.of("/proc/sys/kernel/hostname");
            if (Files.isReadable(kernel)) {
                return Files.readString(kernel, StandardCharsets.UTF_8).strip();
            }
        } catch (IOException | RuntimeException e) {
            // fall through to the environment
        }
        for (String variable : new String[] {"COMPUTERNAME", "HOSTNAME"}) {
            String value = System.getenv(variable);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return "";
    }
}
