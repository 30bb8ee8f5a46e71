package dev.orchard.probe;

import dev.orchard.catalog.Endpoint;
import java.util.Objects;
import org.apiguardian.api.API;

/** One check of one probed host of one catalog row: the unit that the engine runs and reports. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record CheckTarget(Endpoint endpoint, String host, Check check) {

    public CheckTarget {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(check, "check");
    }

    /**
     * The name tests and reports show, such as {@code 1-courier.push.apple.com tcp 5223}: it carries the host
     * because Surefire and Jenkins flatten the tree.
     */
    public String name() {
        return host + " " + check.displayName();
    }
}
