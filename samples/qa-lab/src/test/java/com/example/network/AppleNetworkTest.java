package com.example.network;

import dev.orchard.engine.AppleNetworkCatalog;

/**
 * Apple's whole list as one Surefire test class: Surefire selects it, and Orchard's {@code apple-network} engine
 * turns it into one tagged test per check, so Surefire's {@code groups} pick the subset. It stays empty.
 */
@AppleNetworkCatalog
class AppleNetworkTest {
}
