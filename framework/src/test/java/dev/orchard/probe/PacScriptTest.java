package dev.orchard.probe;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
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

    private static void gives(String expression, String expected) throws PacException {
        assertThat(expression, eval(expression), is(expected));
    }

    @Test
    void hostNameHelpers() throws PacException {
        gives("isPlainHostName('www')", "true");
        gives("isPlainHostName('www.example.com')", "false");
        gives("dnsDomainIs('www.example.com', '.example.com')", "true");
        gives("dnsDomainIs('www', '.example.com')", "false");
        gives("localHostOrDomainIs('www.example.com', 'www.example.com')", "true");
        gives("localHostOrDomainIs('www', 'www.example.com')", "true");
        gives("localHostOrDomainIs('www.other.com', 'www.example.com')", "false");
        gives("dnsDomainLevels('www')", "0");
        gives("dnsDomainLevels('www.example.com')", "2");
        gives("shExpMatch('http://home.example.com/people/ari/index.html', '*/ari/*')", "true");
        gives("shExpMatch('http://home.example.com/people/montulli/index.html', '*/ari/*')", "false");
        gives("shExpMatch('a.b', 'a?b')", "true");
        gives("shExpMatch('a+b', 'a+b')", "true");
        gives("shExpMatch('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaac', '*a*a*a*a*a*a*a*a*a*a*a*b')", "false");
    }

    @Test
    void addressHelpersAskTheEnvironmentsResolverOncePerName() throws PacException {
        int before = ENV.lookups.get();
        gives("dnsResolve('intranet.example.com')", "10.1.2.3");
        gives("dnsResolve('nowhere.example.com')", "null");
        gives("dnsResolve('v6only.example.com')", "null");
        gives("isResolvable('intranet.example.com') + ' ' + isResolvable('nowhere.example.com')", "true false");
        gives("isInNet('intranet.example.com', '10.0.0.0', '255.0.0.0')", "true");
        gives("isInNet('10.1.2.3', '10.1.0.0', '255.255.0.0')", "true");
        gives("isInNet('192.168.1.1', '10.0.0.0', '255.0.0.0')", "false");
        gives("isInNet('nowhere.example.com', '10.0.0.0', '255.0.0.0')", "false");
        gives("convert_addr('104.16.41.2')", String.valueOf((104 << 24) | (16 << 16) | (41 << 8) | 2));
        gives("myIpAddress()", "192.0.2.15");
        gives("dnsResolveEx('dual.example.com')", "2001:db8:0:0:0:0:0:7;10.9.8.7");
        gives("dnsResolveEx('nowhere.example.com')", "");
        gives("isResolvableEx('v6only.example.com') + ' ' + isResolvableEx('nowhere.example.com')", "true false");
        gives("isInNetEx('v6only.example.com', '2001:db8::/32')", "true");
        gives("isInNetEx('dual.example.com', '10.9.0.0/16')", "true");
        gives("isInNetEx('10.9.8.7', '10.9.8.0/25')", "true");
        gives("isInNetEx('10.9.8.200', '10.9.8.0/25')", "false");
        gives("myIpAddressEx()", "192.0.2.15;2001:db8:0:0:0:0:0:15");
        gives("sortIpAddressList('10.2.3.9;2001:4898:28:3:201:2ff:feea:fc14;::1;127.0.0.1;::9')",
                "::1;::9;2001:4898:28:3:201:2ff:feea:fc14;10.2.3.9;127.0.0.1");
        gives("sortIpAddressList('10.0.0.1;not-an-address')", "false");
        gives("getClientVersion()", "1.0");
        int once = ENV.lookups.get();
        gives("[dnsResolve('intranet.example.com'), dnsResolve('intranet.example.com'), isResolvable("
                + "'intranet.example.com'), isInNet('intranet.example.com', '10.0.0.0', '255.0.0.0'),"
                + " dnsResolve('10.0.0.1')].join(' ')", "10.1.2.3 10.1.2.3 true true 10.0.0.1");
        // one PAC asks each name once, however often its script asks, and never for a literal
        assertThat(ENV.lookups.get() - once, is(1));
        assertThat(once, org.hamcrest.Matchers.greaterThan(before));
    }

    @Test
    void timeHelpersReadTheClock() throws PacException {
        // NOW is Friday 2026-11-27 14:30:15 UTC
        gives("weekdayRange('FRI')", "true");
        gives("weekdayRange('MON', 'FRI')", "true");
        gives("weekdayRange('SAT', 'MON', 'GMT')", "false");
        gives("weekdayRange('THU', 'SUN')", "true");
        gives("dateRange(27)", "true");
        gives("dateRange('NOV')", "true");
        gives("dateRange(2026)", "true");
        gives("dateRange(2025)", "false");
        gives("dateRange(1, 15)", "false");
        gives("dateRange('OCT', 'DEC')", "true");
        gives("dateRange('DEC', 'FEB')", "false");
        gives("dateRange(20, 'NOV', 5, 'DEC')", "true");
        gives("dateRange('JAN', 2026, 'OCT', 2026)", "false");
        gives("dateRange(1, 'JAN', 2026, 31, 'DEC', 2026, 'GMT')", "true");
        gives("timeRange(14)", "true");
        gives("timeRange(9, 17)", "true");
        gives("timeRange(22, 6)", "false");
        gives("timeRange(14, 0, 14, 29)", "false");
        gives("timeRange(14, 30, 0, 14, 30, 30, 'GMT')", "true");
    }

    @Test
    void errorsNameThePacAndTheLine() {
        PacException syntax = assertThrows(PacException.class, () -> PacScript.compile("office.pac",
                "function FindProxyForURL(url, host) {\n  return 'DIRECT';\n  }}\n", ENV));
        assertThat(syntax.verdict(), is(Verdict.PAC_INVALID));
        assertThat(syntax.getMessage(), containsString("the PAC office.pac line 3 does not compile"));
        PacException missing = assertThrows(PacException.class, () -> PacScript.compile("office.pac",
                "function findProxyForUrl(url, host) { return 'DIRECT'; }", ENV));
        assertThat(missing.getMessage(), containsString("defines no FindProxyForURL(url, host) function"));
        PacException thrown = assertThrows(PacException.class, () -> eval("(function () {\n throw 'nope'; })()"));
        assertThat(thrown.getMessage(), containsString("the PAC test.pac line 2 failed"));
        assertThat(thrown.getMessage(), containsString("nope"));
        PacException helper = assertThrows(PacException.class, () -> eval("'x'.repeat(100000000)"));
        assertThat(helper.getMessage(), containsString("the PAC test.pac line 1 failed"));
        assertThat(helper.getMessage(), containsString("RangeError: repeat would handle 100000000"));
        PacException notText = assertThrows(PacException.class, () -> {
            try (PacScript script = PacScript.compile("n.pac", "function FindProxyForURL(u, h) { return 42; }", ENV)) {
                script.findProxyForUrl("http://x/", "x");
            }
        });
        assertThat(notText.getMessage(), containsString("returned the number 42"));
    }

    /** Hostile PAC files: each ends in a clear error well within the call limit plus grace, and cannot escape. */
    @Test
    void hostilePacsCannotHangCrashOrEscape() throws PacException {
        Map<String, String> expected = new java.util.LinkedHashMap<>();
        expected.put("(function () { while (true) { try { } catch (e) { } } })()", "ran longer than 1000 ms");
        expected.put("(function () { for (;;) { } })()", "ran longer than 1000 ms");
        expected.put("(function () { var a = [], s = new Array(4000).join('x'); for (var i = 0; ; i++) {"
                + " a.push((s + i).repeat(200).toUpperCase()); } })()", "allocated more than 64 MiB");
        expected.put("(function () { var s = 'x'; while (true) { s = s + s; s.indexOf('y'); } })()", "RangeError");
        expected.put("'x'.repeat(1e9)", "RangeError: repeat would handle 1000000000");
        expected.put("new Array(1e9).join('x')", "RangeError: join would handle 1000000000");
        expected.put("new Array(1e9).fill(0)", "RangeError: fill would handle 1000000000");
        expected.put("new Int8Array(1e9)", "ReferenceError: \"Int8Array\" is not defined");
        expected.put("new ArrayBuffer(2e9)", "ReferenceError: \"ArrayBuffer\" is not defined");
        expected.put("java.lang.System.exit(1)", "ReferenceError: \"java\" is not defined");
        expected.put("Packages.java.lang.Runtime.getRuntime().exec('true')",
                "ReferenceError: \"Packages\" is not defined");
        expected.put("this.constructor.constructor('return java.lang.System')()",
                "ReferenceError: \"java\" is not defined");
        expected.put("(function f() { return f(); })()", "Exceeded maximum stack depth");
        for (Map.Entry<String, String> hostile : expected.entrySet()) {
            PacException e = Deadline.endsBefore(Duration.ofSeconds(10), () -> assertThrows(PacException.class,
                    () -> eval(hostile.getKey()), hostile.getKey()));
            // under load the time bound may stop an allocation loop before the memory bound does; either stops it
            assertThat(hostile.getKey(), e.getMessage(), hostile.getValue().startsWith("allocated")
                    ? anyOf(containsString(hostile.getValue()), containsString("ran longer than"))
                    : containsString(hostile.getValue()));
            assertThat(e.verdict(), is(Verdict.PAC_INVALID));
        }
        // still here, and a well-behaved PAC still works
        gives("'still ' + 'running'", "still running");
    }

    /** A call stuck inside a built-in, where no check runs, is abandoned; the PAC is then refused, not retried. */
    @Test
    void aCallStuckInsideABuiltInIsAbandonedAndThePacRetired() {
        // the whole life of a script per attempt: Deadline may run it again, and a retired script answers at once
        StuckScript calls = Deadline.endsBefore(Duration.ofSeconds(10), () -> {
            try (PacScript script = PacScript.compile("stuck.pac", "function FindProxyForURL(url, host) {\n"
                    + "  if (host == 'stuck') { return String([...new Array(1e9)].length); }\n  return 'DIRECT';\n}\n",
                    ENV)) {
                String fine = script.findProxyForUrl("http://fine/", "fine");
                PacException stuck = assertThrows(PacException.class, () -> script.findProxyForUrl("http://stuck/",
                        "stuck"));
                PacException after = assertThrows(PacException.class, () -> script.findProxyForUrl("http://fine/",
                        "fine"));
                return new StuckScript(fine, stuck, after);
            } catch (PacException e) {
                throw new AssertionError("the script compiles and its first call answers", e);
            }
        });
        assertThat(calls.fine(), is("DIRECT"));
        assertThat(calls.stuck().getMessage(), containsString("did not finish FindProxyForURL(\"http://stuck/\", "
                + "\"stuck\") within 1500 ms"));
        assertThat(calls.after().getMessage(), is(calls.stuck().getMessage()));
    }

    /** What a script with a stuck call answered: before, at and after the stuck call. */
    private record StuckScript(String fine, PacException stuck, PacException after) {
    }
}
