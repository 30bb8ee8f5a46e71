package dev.orchard.engine;

import dev.orchard.probe.Network;
import org.junit.platform.engine.ConfigurationParameters;
import org.junit.platform.engine.TestDescriptor;

/** Creates the network the checks run against: the real one from the {@code apple-network.*} keys, or the lab. */
final class NetworkFactory {

    private NetworkFactory() {
    }

    /** Fails with a message naming the key when a network setting is bad, so discovery can report it. */
    static void validate(ConfigurationParameters parameters) {
        EngineSettings settings = EngineSettings.from(parameters);
        if (settings.target() == EngineSettings.Target.REAL) {
            Network.fromConfiguration(parameters::get).close();
        }
    }

    static Network create(ConfigurationParameters parameters, TestDescriptor root) {
        EngineSettings settings = EngineSettings.from(parameters);
        return switch (settings.target()) {
            case REAL -> Network.fromConfiguration(parameters::get);
            case LAB, BRANCH_OFFICE -> throw new IllegalStateException("lab target pending");
        };
    }
}
