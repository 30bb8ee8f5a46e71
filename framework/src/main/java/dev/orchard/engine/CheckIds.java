package dev.orchard.engine;

import dev.orchard.catalog.Endpoint;
import dev.orchard.probe.CheckTarget;
import java.util.Optional;
import org.apiguardian.api.API;
import org.junit.platform.engine.UniqueId;

/**
 * The part of a check's unique id that names it within its catalog: the service, endpoint and check segments
 * ({@code [service:mdm]/[endpoint:*.push.apple.com@1-courier.push.apple.com]/[check:tcp-5223-tcp]}). The engine
 * builds its ids from it and tools key their plans and results by it, never by display names.
 *
 * @param service the service id
 * @param endpoint the row's pattern, with {@code @host} when the probed host differs
 * @param check the check's id segment, such as {@code tls-443-tcp}
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record CheckIds(String service, String endpoint, String check) {

    /** The segments of the check the engine runs for {@code target}. */
    public static CheckIds of(CheckTarget target) {
        return new CheckIds(target.endpoint().service(), endpointSegment(target.endpoint(), target.host()),
                target.check().idSegment());
    }

    /** The segments of a unique id of this engine's check; empty for any other id. */
    public static Optional<CheckIds> of(UniqueId id) {
        String service = null;
        String endpoint = null;
        String check = null;
        for (UniqueId.Segment segment : id.getSegments()) {
            switch (segment.getType()) {
                case ServiceDescriptor.SEGMENT -> service = segment.getValue();
                case EndpointDescriptor.SEGMENT -> endpoint = segment.getValue();
                case CheckDescriptor.SEGMENT -> check = segment.getValue();
                default -> { }
            }
        }
        boolean ours = id.getEngineId().filter(AppleNetworkTestEngine.ENGINE_ID::equals).isPresent();
        return ours && service != null && endpoint != null && check != null
                ? Optional.of(new CheckIds(service, endpoint, check)) : Optional.empty();
    }

    /** The endpoint segment's value: pattern and host, which together are unique within a service. */
    static String endpointSegment(Endpoint endpoint, String host) {
        return endpoint.pattern().equals(host) ? host : endpoint.pattern() + "@" + host;
    }
}
