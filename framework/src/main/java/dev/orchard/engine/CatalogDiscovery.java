package dev.orchard.engine;

import dev.orchard.ConfigurationKeys;
import dev.orchard.catalog.Catalog;
import dev.orchard.catalog.CatalogException;
import dev.orchard.catalog.Endpoint;
import dev.orchard.catalog.ProbeHost;
import dev.orchard.catalog.Service;
import dev.orchard.probe.Check;
import dev.orchard.probe.CheckPlanner;
import dev.orchard.probe.CheckTarget;
import dev.orchard.probe.FamilyPlan;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.ReflectionSupport;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.DiscoveryIssue.Severity;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.engine.discovery.ClasspathResourceSelector;
import org.junit.platform.engine.discovery.FileSelector;
import org.junit.platform.engine.discovery.UniqueIdSelector;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.ClasspathResourceSource;
import org.junit.platform.engine.support.descriptor.FileSource;

/**
 * Resolves what a launcher selected into catalog trees: a marker class, a catalog resource or file, or unique
 * ids from an IDE rerun or Surefire's rerunFailingTestsCount. Problems become discovery issues that name the file
 * and line or the configuration key.
 */
final class CatalogDiscovery {

    private static final String CLASS_PREFIX = "class:";
    private static final String FILE_PREFIX = "file:";
    private static final String CLASSPATH_PREFIX = "classpath:";

    private final EngineDiscoveryRequest request;
    private final TestDescriptor engine;
    private final EngineSettings settings;
    private final FamilyPlan families;
    private final Map<String, CatalogDescriptor> catalogs = new LinkedHashMap<>();

    /** With {@code families}, each port check becomes one test per IP family the run checks apart. */
    CatalogDiscovery(EngineDiscoveryRequest request, TestDescriptor engine, EngineSettings settings,
            FamilyPlan families) {
        this.request = request;
        this.engine = engine;
        this.settings = settings;
        this.families = families;
    }

    void discover() {
        for (ClassSelector selector : request.getSelectorsByType(ClassSelector.class)) {
            Class<?> marker;
            try {
                marker = selector.getJavaClass();
            } catch (RuntimeException | LinkageError e) {
                continue;
            }
            AnnotationSupport.findAnnotation(marker, AppleNetworkCatalog.class)
                    .ifPresent(annotation -> catalogFor(CLASS_PREFIX + marker.getName()));
        }
        for (ClasspathResourceSelector selector : request.getSelectorsByType(ClasspathResourceSelector.class)) {
            String name = selector.getClasspathResourceName();
            if (isCatalogFile(name)) {
                catalogFor(CLASSPATH_PREFIX + stripSlash(name));
            }
        }
        for (FileSelector selector : request.getSelectorsByType(FileSelector.class)) {
            if (isCatalogFile(selector.getRawPath())) {
                catalogFor(FILE_PREFIX + selector.getRawPath());
            }
        }
        List<UniqueId> selectedIds = new ArrayList<>();
        for (UniqueIdSelector selector : request.getSelectorsByType(UniqueIdSelector.class)) {
            UniqueId id = selector.getUniqueId();
            if (!id.hasPrefix(engine.getUniqueId()) || id.getSegments().size() < 2) {
                continue;
            }
            UniqueId.Segment catalogSegment = id.getSegments().get(1);
            if (catalogSegment.getType().equals(CatalogDescriptor.SEGMENT)) {
                catalogFor(catalogSegment.getValue());
                selectedIds.add(id);
            }
        }
        if (!selectedIds.isEmpty()) {
            keepOnly(selectedIds);
        }
    }

    private static boolean isCatalogFile(String name) {
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }

    private static String stripSlash(String name) {
        return name.startsWith("/") ? name.substring(1) : name;
    }

    /** Builds (once) the tree of the catalog a key names. */
    private Optional<CatalogDescriptor> catalogFor(String key) {
        if (catalogs.containsKey(key)) {
            return Optional.of(catalogs.get(key));
        }
        try {
            Optional<Selection> selection = select(key);
            if (selection.isEmpty()) {
                return Optional.empty();
            }
            Catalog catalog = Catalog.read(selection.get().catalogs());
            UniqueId id = engine.getUniqueId().append(CatalogDescriptor.SEGMENT, key);
            String name = selection.get().displayName().orElse(catalog.name() + " (" + catalog.source().revision() + ")");
            CatalogDescriptor descriptor = new CatalogDescriptor(id, name, selection.get().source(), catalog);
            addServices(descriptor, catalog);
            engine.addChild(descriptor);
            catalogs.put(key, descriptor);
            return Optional.of(descriptor);
        } catch (CatalogException e) {
            issue(e.getMessage());
        } catch (IllegalArgumentException e) {
            issue(ConfigurationKeys.CATALOGS + ": " + e.getMessage());
        }
        return Optional.empty();
    }

    private record Selection(List<String> catalogs, TestSource source, Optional<String> displayName) {
    }

    private Optional<Selection> select(String key) {
        if (key.startsWith(CLASS_PREFIX)) {
            String className = key.substring(CLASS_PREFIX.length());
            Optional<Class<?>> marker = ReflectionSupport.tryToLoadClass(className).toOptional();
            Optional<AppleNetworkCatalog> annotation = marker.flatMap(
                    c -> AnnotationSupport.findAnnotation(c, AppleNetworkCatalog.class));
            if (annotation.isEmpty()) {
                issue("class " + className + " is not annotated with @AppleNetworkCatalog; cannot select " + key);
                return Optional.empty();
            }
            List<String> files = new ArrayList<>();
            if (annotation.get().bundled()) {
                files.add(CLASSPATH_PREFIX + Catalog.BUNDLED_RESOURCE);
            }
            files.addAll(Arrays.asList(annotation.get().value()));
            files.addAll(settings.catalogs());
            if (files.isEmpty()) {
                issue(className + ": @AppleNetworkCatalog(bundled = false) names no catalog; expected at least one");
                return Optional.empty();
            }
            return Optional.of(new Selection(files, ClassSource.from(marker.get()),
                    Optional.of(marker.get().getSimpleName())));
        }
        if (key.startsWith(CLASSPATH_PREFIX)) {
            String resource = key.substring(CLASSPATH_PREFIX.length());
            return Optional.of(new Selection(withConfigured(Catalog.selection(key)),
                    ClasspathResourceSource.from(resource), Optional.empty()));
        }
        if (key.startsWith(FILE_PREFIX)) {
            String path = key.substring(FILE_PREFIX.length());
            return Optional.of(new Selection(withConfigured(Catalog.selection(path)),
                    FileSource.from(new java.io.File(path)), Optional.empty()));
        }
        issue("unknown catalog in unique id: " + key);
        return Optional.empty();
    }

    /** Site catalogs from {@code apple-network.catalogs} always come after the selected ones. */
    private List<String> withConfigured(List<String> selected) {
        List<String> all = new ArrayList<>(selected);
        all.addAll(settings.catalogs());
        return all;
    }

    private void addServices(CatalogDescriptor catalog, Catalog model) {
        for (Service service : model.services()) {
            ServiceDescriptor serviceDescriptor = new ServiceDescriptor(
                    catalog.getUniqueId().append(ServiceDescriptor.SEGMENT, service.id()), service);
            for (Endpoint endpoint : service.endpoints()) {
                for (ProbeHost probe : endpoint.probeHosts()) {
                    UniqueId endpointId = serviceDescriptor.getUniqueId().append(EndpointDescriptor.SEGMENT,
                            EndpointDescriptor.idValue(endpoint, probe.host()));
                    if (serviceDescriptor.findByUniqueId(endpointId).isPresent()) {
                        continue;
                    }
                    EndpointDescriptor endpointDescriptor = new EndpointDescriptor(endpointId, endpoint, probe.host());
                    for (Check check : families.apply(CheckPlanner.checks(endpoint, probe.host()))) {
                        endpointDescriptor.addChild(new CheckDescriptor(
                                endpointId.append(CheckDescriptor.SEGMENT, check.idSegment()),
                                new CheckTarget(endpoint, probe.host(), check), families.extraTags(check)));
                    }
                    serviceDescriptor.addChild(endpointDescriptor);
                }
            }
            catalog.addChild(serviceDescriptor);
        }
    }

    /** Removes every descriptor that is neither on the path to nor inside a selected unique id. */
    private void keepOnly(List<UniqueId> selected) {
        List<TestDescriptor> unwanted = new ArrayList<>();
        for (CatalogDescriptor catalog : catalogs.values()) {
            catalog.accept(descriptor -> {
                UniqueId id = descriptor.getUniqueId();
                boolean wanted = selected.stream().anyMatch(s -> s.hasPrefix(id) || id.hasPrefix(s));
                if (!wanted) {
                    unwanted.add(descriptor);
                }
            });
        }
        // Removing a container removes its descendants too; skip those already detached.
        unwanted.stream().filter(d -> d.getParent().isPresent()).forEach(TestDescriptor::removeFromHierarchy);
    }

    private void issue(String message) {
        request.getDiscoveryListener().issueEncountered(engine.getUniqueId(),
                DiscoveryIssue.create(Severity.ERROR, message));
    }
}
