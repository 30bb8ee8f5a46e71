package dev.orchard;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import dev.orchard.lab.Lab;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.apiguardian.api.API;
import org.junit.jupiter.api.Test;

/**
 * Every public top-level type of the published jars (orchard-framework and orchard-lab) says how far users may rely
 * on it with {@code @API(status = ...)}, as JUnit's types do: STABLE for what users write code against, EXPERIMENTAL
 * for what is new, INTERNAL for what is public only because another package needs it. Reads the compiled classes
 * (a directory in the reactor, a jar otherwise) and asks reflection.
 */
class ApiStatusTest {

    @Test
    void everyPublicTopLevelTypeHasAnApiStatus() throws Exception {
        List<String> names = new ArrayList<>();
        names.addAll(classNames(root(ConfigurationKeys.class)));
        names.addAll(classNames(root(Lab.class)));
        assertThat(names, hasItem("dev.orchard.probe.Network"));
        assertThat(names, hasItem("dev.orchard.lab.Lab"));
        List<String> unmarked = new ArrayList<>();
        int published = 0;
        for (String name : names) {
            Class<?> type = Class.forName(name, false, ApiStatusTest.class.getClassLoader());
            if (Modifier.isPublic(type.getModifiers())) {
                published++;
                if (!type.isAnnotationPresent(API.class)) {
                    unmarked.add(name);
                }
            }
        }
        assertThat(published, is(greaterThan(50)));
        assertThat("public types without @API(status = ...)", unmarked, is(empty()));
    }

    @Test
    void whatUsersWriteCodeAgainstIsStable() {
        for (Class<?> type : List.of(ConfigurationKeys.class, dev.orchard.probe.Network.class,
                dev.orchard.probe.Network.Builder.class, dev.orchard.probe.Verdict.class,
                dev.orchard.probe.ProbeResult.class, dev.orchard.catalog.Catalog.class,
                dev.orchard.junit.NetworkTest.class, dev.orchard.junit.NetworkMatchers.class,
                dev.orchard.engine.AppleNetworkCatalog.class, dev.orchard.config.OrchardSettings.class, Lab.class)) {
            assertThat(type.getName(), type.getAnnotation(API.class).status(), is(API.Status.STABLE));
        }
    }

    private static Path root(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    /** The top-level classes under dev/orchard in a classes directory or a jar. */
    private static List<String> classNames(Path root) throws IOException {
        List<String> files = new ArrayList<>();
        if (Files.isDirectory(root)) {
            try (Stream<Path> walk = Files.walk(root)) {
                walk.map(p -> root.relativize(p).toString().replace('\\', '/')).forEach(files::add);
            }
        } else {
            try (JarFile jar = new JarFile(root.toFile())) {
                jar.stream().map(JarEntry::getName).forEach(files::add);
            }
        }
        return files.stream()
                .filter(f -> f.startsWith("dev/orchard/") && f.endsWith(".class") && !f.contains("$"))
                .filter(f -> !f.endsWith("package-info.class"))
                .map(f -> f.substring(0, f.length() - ".class".length()).replace('/', '.'))
                .toList();
    }
}
