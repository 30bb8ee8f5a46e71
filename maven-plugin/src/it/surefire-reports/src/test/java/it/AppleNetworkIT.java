package it;

import dev.orchard.engine.AppleNetworkCatalog;

/** The same catalog for Failsafe, whose default includes are the *IT classes. */
@AppleNetworkCatalog
class AppleNetworkIT {
}
