package dev.orchard.engine;

import dev.orchard.catalog.Service;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.hierarchical.Node;

/**
 * One table of the article, such as Device management, directly under the engine. Its source is a class name of
 * its own, {@code apple-network.<service id>}, and so is its legacy reporting name, because Surefire's JUnit Platform
 * provider makes the topmost class-source container a test set and names its tests after it: each service is then
 * one {@code TEST-apple-network.<service id>.xml} whose counts match its testcases, with the same classnames as the
 * Maven plugin's reports. A class-source container above it (the marker class) would swallow every service into one
 * test set whose header counts only the last service (see docs/junit-and-suites.md).
 */
final class ServiceDescriptor extends AbstractTestDescriptor implements Node<EngineContext> {

    static final String SEGMENT = "service";

    /** The prefix of every service's class name in Surefire reports, ours and Surefire's own. */
    static final String CLASS_PREFIX = "apple-network.";

    private final CatalogRun catalogRun;
    private final String className;

    ServiceDescriptor(CatalogRun catalogRun, Service service) {
        super(catalogRun.uniqueId().append(SEGMENT, service.id()), service.title() + " (" + service.id() + ")",
                ClassSource.from(CLASS_PREFIX + service.id()));
        this.catalogRun = catalogRun;
        this.className = CLASS_PREFIX + service.id();
    }

    CatalogRun catalogRun() {
        return catalogRun;
    }

    @Override
    public String getLegacyReportingName() {
        return className;
    }

    @Override
    public Type getType() {
        return Type.CONTAINER;
    }

    @Override
    public EngineContext before(EngineContext context) {
        getParent().ifPresent(root -> catalogRun.startOnce(context, root, this));
        return context;
    }
}
