package it;

import dev.orchard.engine.AppleNetworkCatalog;

/** The bundled catalog as a Surefire test class, as docs/junit-and-suites.md shows it. */
@AppleNetworkCatalog
class AppleNetworkTest {
}
