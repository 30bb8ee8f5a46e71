package dev.orchard.probe;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PacScriptTest {

    /** Friday 2026-11-27 14:30:15 UTC. */
    static final Instant NOW = Instant.parse("2026-11-27T14:30:15Z");

    static final class FixedEnvironment implements PacScript.Environment {
        final Map<String, List<String>> names;
        final AtomicInteger lookups = new AtomicInteger();

        FixedEnvironment(Map<String, List<String>> names) {
            this.names = names;
        }

        @Override
        public List<InetAddress> resolve(String host) {
            lookups.incrementAndGet();
            return names.getOrDefault(host, List.of()).stream().map(FixedEnvironment::address).toList();
        }

        @Override
        public List<InetAddress> localAddresses() {
            return List.of(address("192.0.2.15"), address("2001:db8::15"));
        }

        @Override
        public Clock clock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }

        @Override
        public TimeZone timeZone() {
            return TimeZone.getTimeZone("UTC");
        }

        static InetAddress address(String literal) {
            try {
                return InetAddress.getByName(literal);
            } catch (UnknownHostException e) {
                throw new AssertionError(e);
            }
        }
    }

    static final FixedEnvironment ENV = new FixedEnvironment(Map.of(
            "intranet.example.com", List.of("10.1.2.3"),
            "dual.example.com", List.of("2001:db8::7", "10.9.8.7"),
            "v6only.example.com", List.of("2001:db8::9")));

    private static String eval(String expression) throws PacException {
        try (PacScript script = PacScript.compile("test.pac", "function FindProxyForURL(url, host) { return String("
                + expression + "); }", ENV)) {
            return script.findProxyForUrl("https://x/", "x");
        }
    }

    @Test
    void scratch() throws Exception {
        assertThat(eval("isPlainHostName('www')"), is("true"));
        long start = System.nanoTime();
        PacException e = assertThrows(PacException.class, () -> eval("(function(){ while (true) { try { } catch (e) {} } })()"));
        System.out.println(e.getMessage() + " after " + (System.nanoTime() - start) / 1_000_000);
        for (String hostile : List.of("java.lang.System.exit(1)", "Packages.java.lang.Runtime.getRuntime()",
                "'x'.repeat(1e9)", "new Array(1e9).join('x')", "(function(){var s='x'; for(var i=0;i<29;i++) s+=s; return s.length})()",
                "(function(){var s='x'; for(var i=0;i<29;i++) s+=s; return s == 'y'})()",
                "(function(){var a=[]; while(true) a.push({x: [1,2,3]}); })()",
                "(function(){var a=new Array(1e9); return [...a].length })()",
                "(function(){var a=new Array(1e9); return Math.max(...a) })()",
                "(function(){ return /(a+)+b/.test('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaac') })()",
                "(function f(){ return f() })()",
                "this.constructor.constructor('return java')()",
                "2n ** 100000000n",
                "new Int8Array(1e9)")) {
            start = System.nanoTime();
            try {
                System.out.println(hostile + " => " + eval(hostile));
            } catch (PacException x) {
                System.out.println(hostile + " => " + x.getMessage());
            }
            System.out.println("   took " + (System.nanoTime() - start) / 1_000_000 + " ms");
        }
    }
}
