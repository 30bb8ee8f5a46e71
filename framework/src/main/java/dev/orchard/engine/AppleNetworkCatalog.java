package dev.orchard.engine;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * Marks a class whose only job is to let class-based launchers (Surefire, IDEs) reach the Apple network engine:
 * selecting the class runs the bundled Apple catalog, plus any site catalogs named here.
 *
 * <pre>{@code
 * @AppleNetworkCatalog({"src/test/resources/site-catalog.yaml"})
 * class AppleNetworkTest {
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@API(status = API.Status.STABLE, since = "0.1")
public @interface AppleNetworkCatalog {

    /** Extra site catalogs, merged after the bundled one in order: file paths or {@code classpath:} resources. */
    String[] value() default {};

    /** Whether Apple's bundled catalog comes first; turn it off to run only site catalogs. */
    boolean bundled() default true;
}
