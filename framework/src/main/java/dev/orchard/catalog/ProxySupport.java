package dev.orchard.catalog;

import java.util.Arrays;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Whether Apple says the host works through an HTTP proxy. Devices route proxy-capable hosts through a
 * configured proxy and everything else direct, so the probes do the same.
 */
@API(status = API.Status.STABLE, since = "0.1")
public enum ProxySupport {
    YES("yes", "proxy-capable"),
    NO("no", "direct-only"),
    NOT_STATED("not-stated", "direct-only");

    private final String yamlValue;
    private final String tag;

    ProxySupport(String yamlValue, String tag) {
        this.yamlValue = yamlValue;
        this.tag = tag;
    }

    /** How the catalog YAML spells it. */
    public String yamlValue() {
        return yamlValue;
    }

    /** {@code proxy-capable} or {@code direct-only}. */
    public String tag() {
        return tag;
    }

    public static Optional<ProxySupport> parse(String text) {
        String wanted = text.trim();
        return Arrays.stream(values()).filter(p -> p.yamlValue.equalsIgnoreCase(wanted)).findFirst();
    }
}
