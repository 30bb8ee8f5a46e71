package com.example.network;

import dev.orchard.catalog.Catalog;
import dev.orchard.junit.DynamicChecks;
import dev.orchard.junit.NetworkTest;
import dev.orchard.probe.Network;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * Apple's whole device-management table, inside our own test class: one test per check of every host that the
 * article lists for MDM. The network follows the {@code apple-network.target} key (the lab in this build;
 * {@code -Dapple-network.target=real} for this machine's network).
 */
@NetworkTest
class AppleMdmDynamicTest {

    @TestFactory
    Stream<DynamicNode> appleDeviceManagement(Network net) {
        return DynamicChecks.of(Catalog.bundled().service("mdm"), net);
    }
}
