package dev.orchard.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Lets a Jupiter test (class or method) take a {@link dev.orchard.probe.Network} or a {@code dev.orchard.lab.Lab}
 * parameter, so a site-specific test is a few lines and runs unchanged against the real network or the lab. The lab
 * (and its {@code Lab} type) comes from the separate artifact {@code dev.orchard:orchard-lab}: add it as a test
 * dependency to run against {@code lab}, {@code branch-office} or {@code blackhole}.
 *
 * <pre>{@code
 * @NetworkTest
 * class PushTest {
 *     @Test
 *     void pushIsOpen(Network net) {
 *         assertThat(net.tcp("1-courier.push.apple.com", 5223), isOpen());
 *     }
 * }
 * }</pre>
 *
 * <p>Which network: {@code lab = true} or {@code target} here, else the {@code apple-network.target} key
 * ({@code real}, {@code lab}, {@code branch-office}), else the real network read from the {@code apple-network.*}
 * keys. A method's annotation wins over its class's. See {@link NetworkExtension}.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith(NetworkExtension.class)
@API(status = API.Status.STABLE, since = "0.1")
public @interface NetworkTest {

    /** Runs against a healthy lab serving Apple's bundled catalog, whatever {@code apple-network.target} says. */
    boolean lab() default false;

    /** {@code real}, {@code lab}, {@code branch-office} or {@code blackhole}; empty defers to {@code apple-network.target}. */
    String target() default "";
}
