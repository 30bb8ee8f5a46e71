package dev.orchard.probe;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;
import java.util.concurrent.ConcurrentHashMap;
import org.mozilla.javascript.Context;
import org.mozilla.javascript.LambdaFunction;
import org.mozilla.javascript.ScriptRuntime;
import org.mozilla.javascript.ScriptableObject;
import org.mozilla.javascript.Undefined;

/**
 * The PAC helper functions that need the network or exact arithmetic, written in Java: {@code dnsResolve},
 * {@code dnsResolveEx}, {@code isResolvable}, {@code isResolvableEx}, {@code myIpAddress}, {@code myIpAddressEx},
 * {@code isInNetEx}, {@code sortIpAddressList}, {@code shExpMatch} (a linear glob match, so a pattern cannot make
 * it backtrack), {@code getClientVersion} and {@code alert}. The others are JavaScript in pac-helpers.js. Names
 * resolve through the run's resolvers, as the device's would, once per name for the PAC's life.
 */
final class PacFunctions {

    private final PacScript.Environment environment;
    private final long lookupLimitNanos;
    private final Map<String, List<InetAddress>> lookups = new ConcurrentHashMap<>();
    private volatile long lookupNanos;
    private volatile long lookupStarted;

    PacFunctions(PacScript.Environment environment, Duration lookupLimit) {
        this.environment = environment;
        this.lookupLimitNanos = lookupLimit.toNanos();
    }

    /** Starts a call's accounting of DNS waiting. */
    void startCall() {
        lookupNanos = 0;
        lookupStarted = 0;
    }

    /** How long the current call has waited for DNS, including a lookup still under way. */
    long lookupNanos() {
        long started = lookupStarted;
        return lookupNanos + (started == 0 ? 0 : System.nanoTime() - started);
    }

    TimeZone timeZone() {
        return environment.timeZone();
    }

    private interface Body {
        Object apply(Object[] args);
    }

    void define(ScriptableObject scope) {
        function(scope, "dnsResolve", 1, args -> firstIpv4(lookup(text(args, 0))).orElse(null));
        function(scope, "dnsResolveEx", 1, args -> joined(lookup(text(args, 0))));
        function(scope, "isResolvable", 1, args -> firstIpv4(lookup(text(args, 0))).isPresent());
        function(scope, "isResolvableEx", 1, args -> !lookup(text(args, 0)).isEmpty());
        function(scope, "myIpAddress", 0, args -> firstIpv4(environment.localAddresses()).orElse("127.0.0.1"));
        function(scope, "myIpAddressEx", 0, args -> joined(environment.localAddresses()));
        function(scope, "isInNetEx", 2, args -> isInNetEx(text(args, 0), text(args, 1)));
        function(scope, "sortIpAddressList", 1, args -> sortIpAddressList(text(args, 0)));
        function(scope, "shExpMatch", 2, args -> shExpMatch(text(args, 0), text(args, 1)));
        function(scope, "getClientVersion", 0, args -> "1.0");
        function(scope, "alert", 1, args -> Undefined.instance);
        function(scope, "__orchardNow", 0, args -> (double) environment.clock().millis());
    }

    private static void function(ScriptableObject scope, String name, int arity, Body body) {
        ScriptableObject.defineProperty(scope, name,
                new LambdaFunction(scope, name, arity, (cx, s, thisObj, args) -> body.apply(args)),
                ScriptableObject.DONTENUM);
    }

    /** The argument as text, refused when longer than a host or URL can be (converting would copy it). */
    private static String text(Object[] args, int index) {
        Object value = index < args.length ? args[index] : Undefined.instance;
        if (value instanceof CharSequence chars && chars.length() > PacScript.MAX_TEXT) {
            throw ScriptRuntime.constructError("RangeError", "argument " + (index + 1) + " is " + chars.length()
                    + " characters long; PAC helpers take at most " + PacScript.MAX_TEXT);
        }
        String converted = Context.toString(value);
        if (converted.length() > PacScript.MAX_TEXT) {
            throw ScriptRuntime.constructError("RangeError", "argument " + (index + 1) + " is too long");
        }
        return converted;
    }

    /** Resolves through the run's resolvers, once per name; a literal is its own answer. */
    List<InetAddress> lookup(String host) {
        Optional<InetAddress> literal = IpLiteral.parse(host);
        if (literal.isPresent()) {
            return List.of(literal.get());
        }
        String key = host.toLowerCase(Locale.ROOT);
        List<InetAddress> known = lookups.get(key);
        if (known != null) {
            return known;
        }
        if (key.isEmpty() || lookupNanos() >= lookupLimitNanos) {
            return List.of();
        }
        long started = System.nanoTime();
        lookupStarted = started;
        List<InetAddress> found;
        try {
            found = List.copyOf(environment.resolve(key));
        } finally {
            lookupNanos += System.nanoTime() - started;
            lookupStarted = 0;
        }
        lookups.put(key, found);
        return found;
    }

    private static Optional<String> firstIpv4(List<InetAddress> addresses) {
        return addresses.stream().filter(Inet4Address.class::isInstance).map(InetAddress::getHostAddress).findFirst();
    }

    private static String joined(List<InetAddress> addresses) {
        return String.join(";", addresses.stream().map(InetAddress::getHostAddress).distinct().toList());
    }

    /** Whether {@code host} (an address, or a name resolved) lies in {@code prefix}, such as 10.0.0.0/8 or fd00::/8. */
    boolean isInNetEx(String host, String prefix) {
        Optional<Cidr> range = Cidr.parse(prefix);
        return range.isPresent() && lookup(host).stream().anyMatch(range.get()::contains);
    }

    /** The list sorted as Microsoft's IPv6 extensions define it: IPv6 first, then IPv4, each ascending; or false. */
    static Object sortIpAddressList(String list) {
        List<String> items = new ArrayList<>();
        for (String item : list.split(";")) {
            if (!item.isBlank()) {
                items.add(item.strip());
            }
        }
        record Parsed(String text, InetAddress address) {
        }
        List<Parsed> parsed = new ArrayList<>();
        for (String item : items) {
            Optional<InetAddress> address = IpLiteral.parse(item);
            if (address.isEmpty() || item.startsWith("[")) {
                return false;
            }
            parsed.add(new Parsed(item, address.get()));
        }
        if (parsed.isEmpty()) {
            return false;
        }
        Comparator<Parsed> byFamily = Comparator.comparing(p -> p.address() instanceof Inet6Address ? 0 : 1);
        Comparator<Parsed> byValue = (x, y) -> java.util.Arrays.compareUnsigned(x.address().getAddress(),
                y.address().getAddress());
        parsed.sort(byFamily.thenComparing(byValue));
        return String.join(";", parsed.stream().map(Parsed::text).toList());
    }

    /**
     * Shell-expression match: {@code *} any run of characters, {@code ?} one character, everything else literal.
     * Greedy with one backtrack point, so it runs in time proportional to the text times the pattern at worst.
     */
    static boolean shExpMatch(String text, String pattern) {
        int t = 0;
        int p = 0;
        int star = -1;
        int resume = 0;
        while (t < text.length()) {
            if (p < pattern.length() && (pattern.charAt(p) == '?' || pattern.charAt(p) == text.charAt(t))) {
                t++;
                p++;
            } else if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                resume = t;
            } else if (star >= 0) {
                p = star + 1;
                t = ++resume;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }
}
