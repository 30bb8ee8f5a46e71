package dev.orchard.probe;

import dev.orchard.internal.Sanitizer;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.TimeZone;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.mozilla.javascript.Context;
import org.mozilla.javascript.ContextFactory;
import org.mozilla.javascript.EvaluatorException;
import org.mozilla.javascript.Function;
import org.mozilla.javascript.RhinoException;
import org.mozilla.javascript.ScriptStackElement;
import org.mozilla.javascript.ScriptableObject;
import org.mozilla.javascript.Undefined;

/**
 * A PAC file compiled in a Rhino sandbox, answering {@code FindProxyForURL(url, host)}. A PAC file is outside code,
 * so it runs with no Java classes at all (safe standard objects, a class shutter that denies everything, no
 * LiveConnect), interpreted, on a thread of its own, within about one second of script time and 64 MiB of
 * allocation per call, and without the built-ins that allocate or loop in one step (typed arrays, huge
 * {@code repeat} or {@code join}: see pac-helpers.js). A call that still outlives its limits inside Java code
 * (a regular expression that backtracks forever) is abandoned, and the PAC is unusable from then on: the run
 * goes on, whatever the script does.
 */
final class PacScript implements AutoCloseable {

    /** Script time per call, not counting the time its DNS lookups wait for the resolver. */
    static final Duration CALL_LIMIT = Duration.ofSeconds(1);
    /** DNS waiting per call; after it, lookups answer as if the name did not resolve. */
    static final Duration LOOKUP_LIMIT = Duration.ofSeconds(10);
    /** Bytes one call may allocate (garbage included); legitimate PAC calls allocate kilobytes. */
    static final long ALLOCATION_LIMIT = 64L * 1024 * 1024;
    /** The longest answer, and the longest text a helper function takes. */
    static final int MAX_TEXT = 4096;

    private static final Duration GRACE = Duration.ofMillis(500);
    /** Wall time for loading: starting the engine the first time takes seconds on a busy machine. */
    private static final Duration LOAD_LIMIT = Duration.ofSeconds(15);
    private static final int OBSERVE_EVERY = 1000;
    private static final int MAX_STACK_DEPTH = 500;
    private static final String HELPERS = "pac-helpers.js";
    private static final List<String> UNSAFE_GLOBALS = List.of("ArrayBuffer", "SharedArrayBuffer", "DataView",
            "Int8Array", "Uint8Array", "Uint8ClampedArray", "Int16Array", "Uint16Array", "Int32Array",
            "Uint32Array", "Float32Array", "Float64Array", "BigInt64Array", "BigUint64Array", "Reflect", "Atomics",
            "WebAssembly");
    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final com.sun.management.ThreadMXBean ALLOCATION = allocationMeter();

    /** What the PAC's helper functions ask of the network, and the clock that date and time ranges read. */
    interface Environment {
        /** The addresses of {@code host} from the configured resolvers; empty when it does not resolve. */
        List<InetAddress> resolve(String host);

        /** The addresses this machine uses toward its resolvers, IPv4 first; never empty. */
        List<InetAddress> localAddresses();

        Clock clock();

        TimeZone timeZone();
    }

    private final String name;
    private final SandboxFactory factory = new SandboxFactory();
    private final ExecutorService executor;
    private final AtomicReference<Thread> worker = new AtomicReference<>();
    private final Object calls = new Object();
    private final PacFunctions functions;
    private volatile String broken;
    // Confined to the worker thread:
    private ScriptableObject scope;
    private Function findProxyForUrl;
    private Budget budget;

    private PacScript(String name, Environment environment) {
        this.name = name;
        this.functions = new PacFunctions(environment, LOOKUP_LIMIT);
        int number = THREADS.incrementAndGet();
        this.executor = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "orchard-pac-" + number);
            thread.setDaemon(true);
            worker.set(thread);
            return thread;
        });
    }

    /**
     * Compiles and runs the PAC's top level. {@code name} is how messages name the PAC (its URL or file); the
     * failure is {@link Verdict#PAC_INVALID} with the line where the script told.
     */
    static PacScript compile(String name, String source, Environment environment) throws PacException {
        PacScript script = new PacScript(name, environment);
        try {
            script.onWorker("loading it", LOAD_LIMIT, () -> script.load(source));
            return script;
        } catch (PacException e) {
            script.close();
            throw e;
        }
    }

    /** The PAC's answer for {@code url} and {@code host}, as text; a failure names the PAC and the call. */
    String findProxyForUrl(String url, String host) throws PacException {
        String call = "FindProxyForURL(\"" + Sanitizer.quote(url) + "\", \"" + Sanitizer.quote(host) + "\")";
        return onWorker(call, CALL_LIMIT.plus(GRACE), () -> invoke(url, host, call));
    }

    String name() {
        return name;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    private String load(String source) throws PacException {
        Context cx = factory.enterContext();
        try {
            ScriptableObject global = cx.initSafeStandardObjects(null, false);
            UNSAFE_GLOBALS.forEach(global::delete);
            functions.define(global);
            cx.evaluateString(global, helpers(), HELPERS, 1, null);
            budget = new Budget();
            cx.evaluateString(global, source, name, 1, null);
            budget.check();
            Object function = ScriptableObject.getProperty(global, "FindProxyForURL");
            if (!(function instanceof Function found)) {
                throw new PacException(Verdict.PAC_INVALID, "the PAC " + name + " defines no FindProxyForURL(url,"
                        + " host) function; a PAC file must define it");
            }
            scope = global;
            findProxyForUrl = found;
            return null;
        } catch (RuntimeException | Error e) {
            throw failure(e, "loading it");
        } finally {
            budget = null;
            Context.exit();
        }
    }

    private String invoke(String url, String host, String call) throws PacException {
        Context cx = factory.enterContext();
        try {
            budget = new Budget();
            Object answer = findProxyForUrl.call(cx, scope, scope, new Object[] {url, host});
            budget.check();
            if (!(answer instanceof CharSequence text)) {
                throw new PacException(Verdict.PAC_INVALID, "the PAC " + name + " returned " + shown(answer)
                        + " from " + call + "; expected text such as \"PROXY proxy.example.com:8080; DIRECT\"");
            }
            if (text.length() > MAX_TEXT) {
                throw new PacException(Verdict.PAC_INVALID, "the PAC " + name + " returned " + text.length()
                        + " characters from " + call + "; expected a short proxy list");
            }
            return text.toString();
        } catch (RuntimeException | Error e) {
            throw failure(e, call);
        } finally {
            budget = null;
            Context.exit();
        }
    }

    private static String shown(Object answer) {
        if (answer == null) {
            return "null";
        }
        if (answer == Undefined.instance) {
            return "undefined (no return value)";
        }
        if (answer instanceof Number || answer instanceof Boolean) {
            return "the " + (answer instanceof Number ? "number " : "boolean ") + Context.toString(answer);
        }
        return "an object";
    }

    /** A failure inside the script, as the PAC's error naming the line. */
    private PacException failure(Throwable e, String what) {
        if (e instanceof LimitExceeded limit) {
            return new PacException(Verdict.PAC_INVALID, "the PAC " + name + at(limit.line) + " " + limit.getMessage()
                    + " while " + what + "; stopped it (a PAC call may take " + CALL_LIMIT.toMillis()
                    + " ms of script time and allocate " + (ALLOCATION_LIMIT >> 20) + " MiB)");
        }
        if (e instanceof RhinoException rhino) {
            String source = rhino.lineSource() == null ? "" : " near '" + Sanitizer.quote(rhino.lineSource().strip())
                    + "'";
            String kind = e instanceof EvaluatorException && "loading it".equals(what) && rhino.lineSource() != null
                    ? "does not compile" : "failed";
            return new PacException(Verdict.PAC_INVALID, "the PAC " + name + at(lineInPac(rhino)) + " " + kind
                    + " while " + what + ": " + Sanitizer.quote(rhino.details()) + source);
        }
        if (e instanceof OutOfMemoryError) {
            return new PacException(Verdict.PAC_INVALID, "the PAC " + name + " ran out of memory while " + what
                    + "; stopped it");
        }
        if (e instanceof StackOverflowError) {
            return new PacException(Verdict.PAC_INVALID, "the PAC " + name + " recursed too deeply while " + what);
        }
        return new PacException(Verdict.PAC_INVALID, "the PAC " + name + " failed while " + what
                + " inside the JavaScript engine (" + Sanitizer.quote(TcpFailure.brief(e)) + ")");
    }

    /** The line of the PAC file where it failed, past frames of the helper functions it called. */
    private int lineInPac(RhinoException e) {
        for (ScriptStackElement element : e.getScriptStack()) {
            if (name.equals(element.fileName)) {
                return element.lineNumber;
            }
        }
        return name.equals(e.sourceName()) ? e.lineNumber() : 0;
    }

    private static String at(int line) {
        return line > 0 ? " line " + line : "";
    }

    /**
     * Runs {@code work} on the PAC's thread, one call at a time, and waits no longer than its limits allow plus a
     * grace: a call stuck inside Java code (where the instruction observer never runs) is abandoned, and the PAC
     * with it.
     */
    private <T> T onWorker(String what, Duration wallLimit, java.util.concurrent.Callable<T> work)
            throws PacException {
        synchronized (calls) {
            String reason = broken;
            if (reason != null) {
                throw new PacException(Verdict.PAC_INVALID, reason);
            }
            functions.startCall();
            long start = System.nanoTime();
            Future<T> future;
            try {
                future = executor.submit(work);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                throw new PacException(Verdict.PAC_INVALID, "the PAC " + name + " is closed");
            }
            while (true) {
                long left = start + wallLimit.toNanos() + functions.lookupNanos()
                        - System.nanoTime();
                if (left <= 0) {
                    throw abandon(future, what, wallLimit);
                }
                try {
                    return future.get(left, TimeUnit.NANOSECONDS);
                } catch (TimeoutException e) {
                    // the limit moves while DNS lookups wait; look again
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof PacException pac) {
                        throw pac;
                    }
                    throw failure(e.getCause(), what);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw abandon(future, what, wallLimit);
                }
            }
        }
    }

    /** Gives up on a call that outlived its limits inside Java code: the PAC cannot be trusted to answer again. */
    @SuppressWarnings({"removal", "deprecation"})
    private PacException abandon(Future<?> future, String what, Duration wallLimit) {
        broken = "the PAC " + name + " did not finish " + what + " within " + wallLimit.toMillis()
                + " ms (it is stuck inside a built-in function, where the"
                + " sandbox's checks cannot stop it); Orchard stopped using it";
        future.cancel(true);
        executor.shutdownNow();
        Thread thread = worker.get();
        if (thread != null && thread.isAlive()) {
            thread.setPriority(Thread.MIN_PRIORITY);
            try {
                // The last resort against a runaway built-in: nothing else stops Java code that never checks.
                thread.stop();
            } catch (UnsupportedOperationException | SecurityException e) {
                // newer JDKs refuse; the daemon thread is left behind at the lowest priority
            }
        }
        return new PacException(Verdict.PAC_INVALID, broken);
    }

    private static String helpers() {
        try (InputStream in = PacScript.class.getResourceAsStream(HELPERS)) {
            if (in == null) {
                throw new IllegalStateException(HELPERS + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + HELPERS, e);
        }
    }

    private static com.sun.management.ThreadMXBean allocationMeter() {
        if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean meter
                && meter.isThreadAllocatedMemorySupported() && meter.isThreadAllocatedMemoryEnabled()) {
            return meter;
        }
        return null;
    }

    private static long allocated() {
        return ALLOCATION == null ? 0 : ALLOCATION.getCurrentThreadAllocatedBytes();
    }

    /** The limits of one call, checked by the instruction observer on the worker thread. */
    private final class Budget {
        private final long started = System.nanoTime();
        private final long allocatedBefore = allocated();

        void check() {
            long scriptNanos = System.nanoTime() - started - functions.lookupNanos();
            if (scriptNanos > CALL_LIMIT.toNanos()) {
                throw new LimitExceeded("ran longer than " + CALL_LIMIT.toMillis() + " ms", currentLine());
            }
            if (allocated() - allocatedBefore > ALLOCATION_LIMIT) {
                throw new LimitExceeded("allocated more than " + (ALLOCATION_LIMIT >> 20) + " MiB", currentLine());
            }
        }
    }

    /** The line the script is at, from the interpreter's stack. */
    private static int currentLine() {
        ScriptStackElement[] stack = new EvaluatorException("where").getScriptStack();
        for (ScriptStackElement element : stack) {
            if (!HELPERS.equals(element.fileName)) {
                return element.lineNumber;
            }
        }
        return stack.length == 0 ? 0 : stack[0].lineNumber;
    }

    /**
     * Stops a script that overran: an {@link Error}, which a script's try/catch cannot catch, unlike Rhino's own
     * exceptions.
     */
    private static final class LimitExceeded extends Error {
        private static final long serialVersionUID = 1L;
        private final int line;

        LimitExceeded(String message, int line) {
            super(message, null, false, false);
            this.line = line;
        }
    }

    /** Contexts for PAC code: interpreted, observed, no Java classes. */
    private final class SandboxFactory extends ContextFactory {

        @Override
        protected Context makeContext() {
            Context cx = super.makeContext();
            cx.setInterpretedMode(true);
            cx.setLanguageVersion(Context.VERSION_ES6);
            cx.setClassShutter(className -> false);
            cx.setInstructionObserverThreshold(OBSERVE_EVERY);
            cx.setMaximumInterpreterStackDepth(MAX_STACK_DEPTH);
            cx.setTimeZone(functions.timeZone());
            return cx;
        }

        @Override
        protected boolean hasFeature(Context cx, int feature) {
            if (feature == Context.FEATURE_ENHANCED_JAVA_ACCESS || feature == Context.FEATURE_E4X
                    || feature == Context.FEATURE_ENABLE_JAVA_MAP_ACCESS) {
                return false;
            }
            return super.hasFeature(cx, feature);
        }

        @Override
        protected void observeInstructionCount(Context cx, int instructionCount) {
            Budget current = budget;
            if (current != null) {
                current.check();
            }
        }
    }
}
