package dev.orchard.catalog;

import dev.orchard.ConfigurationKeys;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * The revisions of Apple's article that Orchard ships as catalogs. The newest is the default; an older one stays
 * selectable with {@value ConfigurationKeys#REVISION} so a site can compare today's network with the list it
 * validated against before, or pin the list during a change freeze.
 */
@API(status = API.Status.EXPERIMENTAL)
public enum BundledRevision {

    /** English, published by Apple on 2026-08-07: the default. */
    R2026_08("2026-08", "dev/orchard/catalog/apple-enterprise-networks.yaml"),
    /** French, November 2024: the revision Orchard shipped first, kept as history. */
    R2024_11("2024-11", "dev/orchard/catalog/apple-enterprise-networks.2024-11.yaml");

    private final String revision;
    private final String resource;

    BundledRevision(String revision, String resource) {
        this.revision = revision;
        this.resource = resource;
    }

    /** The default revision: the newest article Orchard ships. */
    public static BundledRevision current() {
        return R2026_08;
    }

    /** The revision a value names, such as {@code 2024-11}; an unknown value is an error naming the key. */
    public static BundledRevision of(String value) {
        String wanted = value == null ? "" : value.strip();
        return Arrays.stream(values()).filter(r -> r.revision.equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(ConfigurationKeys.REVISION + ": '" + value
                        + "' is not a bundled revision; expected " + Arrays.stream(values())
                                .map(r -> r.revision + (r == current() ? " (default)" : ""))
                                .collect(Collectors.joining(" or "))));
    }

    /** The revision as Apple dated it, year and month. */
    public String revision() {
        return revision;
    }

    /** The classpath resource of the revision's catalog. */
    public String resource() {
        return resource;
    }
}
