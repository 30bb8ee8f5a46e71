package dev.orchard.catalogtests;

import dev.orchard.engine.AppleNetworkCatalog;

/**
 * The whole bundled Apple catalog as one Surefire test class: Surefire selects this class, and the
 * {@code apple-network} engine turns it into one tagged test per check. It stays empty on purpose.
 */
@AppleNetworkCatalog
class AppleNetworkTest {
}
