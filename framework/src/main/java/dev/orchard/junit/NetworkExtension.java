package dev.orchard.junit;

import dev.orchard.ConfigurationKeys;
import dev.orchard.catalog.Catalog;
import dev.orchard.config.OrchardSettings;
import dev.orchard.config.OrchardSettings.Target;
import dev.orchard.internal.Sanitizer;
import dev.orchard.probe.Network;
import dev.orchard.spi.NetworkSimulator;
import dev.orchard.spi.Simulation;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Resolves {@link Network} parameters for {@link NetworkTest}s, and the simulated network's own handle (the lab's
 * {@code Lab}, from {@code dev.orchard:orchard-lab}) when one is on the class path.
 *
 * <p>Against the real network, the {@code Network} comes from the {@code apple-network.*} configuration keys. Against
 * the lab ({@code lab = true}, {@code target = "lab"} or {@code apple-network.target=lab}) each test gets its own
 * {@link Simulation} from the {@link NetworkSimulator} on the class path, serving Apple's bundled catalog
 * ({@code branch-office}: with the demo's faults), and a {@code Network} pointed at it, loopback only; without
 * {@code orchard-lab} the test fails with a message saying to add it. A {@code Lab} parameter lets the test add its
 * own hosts and faults. The lab's network routes are fixed when the {@code Network} is built, which happens when a
 * {@code Network} parameter is resolved: add faults in {@code @BeforeEach(Lab lab)} and take the {@code Network} in
 * the test, or take only the {@code Lab} and call its {@code network()} after configuring it (closing it yourself).
 * Both parameters of one test (and its {@code @BeforeEach} methods) are the same instances; everything is closed
 * after the test.
 *
 * <p>A bad configuration value fails the test with a message naming the key.
 */
@API(status = API.Status.MAINTAINED, since = "0.1")
public final class NetworkExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(
            NetworkExtension.class);
    private static final String LAB = "lab";
    private static final String NETWORK = "network";

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == Network.class
                || NetworkSimulator.find().map(s -> s.simulationType() == type).orElse(false);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        try {
            return parameter.getParameter().getType() == Network.class ? network(context) : simulation(context);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new ParameterResolutionException(Sanitizer.cleanLines("@NetworkTest cannot create the network: "
                    + e.getMessage(), Sanitizer.LINE), e);
        }
    }

    private static Network network(ExtensionContext context) {
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        Network existing = store.get(NETWORK, Network.class);
        if (existing != null) {
            return existing;
        }
        OrchardSettings settings = settings(context);
        Network network = target(context).simulated()
                ? settings.withLimits(simulation(context).networkBuilder()).build() : settings.network();
        store.put(NETWORK, network);
        return network;
    }

    private static Simulation simulation(ExtensionContext context) {
        Target target = target(context);
        if (!target.simulated()) {
            throw new ParameterResolutionException("a Lab parameter needs @NetworkTest(lab = true) or "
                    + ConfigurationKeys.TARGET + "=lab; this test runs against the real network");
        }
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        Simulation existing = store.get(LAB, Simulation.class);
        if (existing != null) {
            return existing;
        }
        Simulation simulation = NetworkSimulator.require(target).start(target, List.of(Catalog.bundled()));
        store.put(LAB, simulation);
        return simulation;
    }

    /** The method's annotation, else the class's (or an enclosing class's), else the configuration key. */
    static Target target(ExtensionContext context) {
        Optional<NetworkTest> annotation = context.getTestMethod()
                .flatMap(m -> AnnotationSupport.findAnnotation(m, NetworkTest.class))
                .or(() -> context.getTestClass().flatMap(NetworkExtension::onClassOrEnclosing));
        if (annotation.isPresent()) {
            if (annotation.get().lab()) {
                return Target.LAB;
            }
            if (!annotation.get().target().isBlank()) {
                return Target.parse("@NetworkTest(target)", annotation.get().target());
            }
        }
        return settings(context).target();
    }

    /**
     * The {@code apple-network.*} keys as this test sees them. The extension context answers lookups only, so the
     * unknown-key check covers the system properties; the engine checks every other source when it discovers.
     */
    private static OrchardSettings settings(ExtensionContext context) {
        return OrchardSettings.read(System.getProperties().stringPropertyNames(), context::getConfigurationParameter);
    }

    private static Optional<NetworkTest> onClassOrEnclosing(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
            Optional<NetworkTest> found = AnnotationSupport.findAnnotation(c, NetworkTest.class);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }
}
