package dev.orchard.engine;

import dev.orchard.ConfigurationKeys;
import dev.orchard.catalog.Catalog;
import dev.orchard.catalog.CatalogException;
import dev.orchard.catalog.Endpoint;
import dev.orchard.catalog.ProbeHost;
import dev.orchard.catalog.Service;
import dev.orchard.config.OrchardSettings;
import dev.orchard.internal.Sanitizer;
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
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.engine.discovery.ClasspathResourceSelector;
import org.junit.platform.engine.discovery.FileSelector;
import org.junit.platform.engine.discovery.UniqueIdSelector;

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
    private final OrchardSettings settings;
    private final FamilyPlan families;
    private final Map<String, CatalogRun> catalogs = new LinkedHashMap<>();

    /** With {@code families}, each port check becomes one test per IP family the run checks apart. */
    CatalogDiscovery(EngineDiscoveryRequest request, TestDescriptor engine, OrchardSettings settings,
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
            if (catalogSegment.getType().equals(CatalogRun.SEGMENT)) {
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

    /** Builds (once) the services of the catalog a key names, as children of the engine. */
    private Optional<CatalogRun> catalogFor(String key) {
        if (catalogs.containsKey(key)) {
            return Optional.of(catalogs.get(key));
        }
        try {
            Optional<List<String>> selection = select(key);
            if (selection.isEmpty()) {
                return Optional.empty();
            }
            Catalog catalog = Catalog.read(revised(selection.get()));
            CatalogRun run = new CatalogRun(engine.getUniqueId().append(CatalogRun.SEGMENT, key), catalog);
            addServices(run, catalog);
            catalogs.put(key, run);
            return Optional.of(run);
        } catch (CatalogException e) {
            issue(e.getMessage());
        } catch (IllegalArgumentException e) {
            issue(ConfigurationKeys.CATALOGS + ": " + e.getMessage());
        }
        return Optional.empty();
    }

    /**
     * The bundled catalog is read in the revision {@value ConfigurationKeys#REVISION} selects; the selection (and
     * so the unique ids) keep naming the bundled resource, so a rerun finds its checks whatever the revision.
     */
    private List<String> revised(List<String> catalogs) {
        String bundled = CLASSPATH_PREFIX + Catalog.BUNDLED_RESOURCE;
        String chosen = CLASSPATH_PREFIX + settings.get(OrchardSettings.REVISION).orElseThrow().resource();
        return catalogs.stream().map(c -> c.equals(bundled) ? chosen : c).toList();
    }

    /** The catalog files a key selects, site catalogs from the configuration last. */
    private Optional<List<String>> select(String key) {
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
            return Optional.of(files);
        }
        if (key.startsWith(CLASSPATH_PREFIX)) {
            return Optional.of(withConfigured(Catalog.selection(key)));
        }
        if (key.startsWith(FILE_PREFIX)) {
            return Optional.of(withConfigured(Catalog.selection(key.substring(FILE_PREFIX.length()))));
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

    private void addServices(CatalogRun run, Catalog model) {
        for (Service service : model.services()) {
            ServiceDescriptor serviceDescriptor = new ServiceDescriptor(run, service);
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
            engine.addChild(serviceDescriptor);
        }
        addPacCheck(run);
    }

    /** The run's PAC check, when apple-network.pac is set: once per catalog tree, in a service of its own. */
    private void addPacCheck(CatalogRun run) {
        // the settings validated the location when they read it
        settings.get(OrchardSettings.PAC).map(CheckPlanner::pacCheck).ifPresent(target -> {
            Service service = new Service(CheckPlanner.PAC_SERVICE, "Proxy auto-config", List.of(target.endpoint()));
            ServiceDescriptor serviceDescriptor = new ServiceDescriptor(run, service);
            UniqueId endpointId = serviceDescriptor.getUniqueId().append(EndpointDescriptor.SEGMENT,
                    EndpointDescriptor.idValue(target.endpoint(), target.host()));
            EndpointDescriptor endpointDescriptor = new EndpointDescriptor(endpointId, target.endpoint(),
                    target.host());
            endpointDescriptor.addChild(new CheckDescriptor(endpointId.append(CheckDescriptor.SEGMENT,
                    target.check().idSegment()), target, java.util.Set.of()));
            serviceDescriptor.addChild(endpointDescriptor);
            engine.addChild(serviceDescriptor);
        });
    }

    /** Removes every descriptor that is neither on the path to nor inside a selected unique id. */
    private void keepOnly(List<UniqueId> selected) {
        List<TestDescriptor> unwanted = new ArrayList<>();
        engine.accept(descriptor -> {
            UniqueId id = descriptor.getUniqueId();
            boolean wanted = descriptor == engine
                    || selected.stream().anyMatch(s -> s.hasPrefix(id) || id.hasPrefix(s));
            if (!wanted) {
                unwanted.add(descriptor);
            }
        });
        // Removing a container removes its descendants too; skip those already detached.
        unwanted.stream().filter(d -> d.getParent().isPresent()).forEach(TestDescriptor::removeFromHierarchy);
    }

    private void issue(String message) {
        request.getDiscoveryListener().issueEncountered(engine.getUniqueId(),
                DiscoveryIssue.create(Severity.ERROR, Sanitizer.cleanLines(message, Sanitizer.LINE)));
    }
}
