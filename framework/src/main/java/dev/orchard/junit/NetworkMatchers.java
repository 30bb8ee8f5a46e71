package dev.orchard.junit;

import dev.orchard.probe.Evidence;
import dev.orchard.probe.ProbeResult;
import dev.orchard.probe.Status;
import dev.orchard.probe.Verdict;
import java.util.function.Predicate;
import org.apiguardian.api.API;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeDiagnosingMatcher;

/**
 * Hamcrest matchers that read like the domain, for site tests:
 * {@code assertThat(net.tcp("1-courier.push.apple.com", 5223), isOpen())}. A mismatch shows the verdict, the
 * message and the evidence, so the assertion failure already says what to fix.
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class NetworkMatchers {

    private NetworkMatchers() {
    }

    /** The dns check passed: the name resolved to usable addresses. */
    public static Matcher<ProbeResult> resolves() {
        return result("resolves to an address", ProbeResult::passed);
    }

    /** The name resolved and its CNAME chain ends in a name ending with {@code suffix} (e.g. aaplimg.com). */
    public static Matcher<ProbeResult> hasCnameChainEndingIn(String suffix) {
        return result("a CNAME chain ending in " + suffix, r -> {
            var chain = r.evidence().cnameChain();
            return r.passed() && !chain.isEmpty() && chain.get(chain.size() - 1).endsWith(suffix);
        });
    }

    /** The TCP connection opened. */
    public static Matcher<ProbeResult> isOpen() {
        return result("an open TCP port", ProbeResult::passed);
    }

    /** The TLS check found a certificate that does not chain to the trusted roots. */
    public static Matcher<ProbeResult> intercepted() {
        return hasVerdict(Verdict.TLS_INTERCEPTED);
    }

    /** The leaf certificate's issuer matches, e.g. {@code issuedBy(containsString("Example CA"))}. */
    public static Matcher<ProbeResult> issuedBy(Matcher<String> issuer) {
        return new TypeSafeDiagnosingMatcher<>() {
            @Override
            protected boolean matchesSafely(ProbeResult item, Description mismatch) {
                String actual = item.evidence().issuer();
                if (actual != null && issuer.matches(actual)) {
                    return true;
                }
                describeResult(item, mismatch);
                return false;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a certificate issued by ").appendDescriptionOf(issuer);
            }
        };
    }

    /** The UDP service (NTP, QUIC) answered validly. */
    public static Matcher<ProbeResult> answers() {
        return result("a valid answer", ProbeResult::passed);
    }

    /** The check passed, whatever its kind. */
    public static Matcher<ProbeResult> passes() {
        return result("a passed check", ProbeResult::passed);
    }

    /** The check ended with exactly this verdict. */
    public static Matcher<ProbeResult> hasVerdict(Verdict verdict) {
        return result("verdict " + verdict, r -> r.verdict() == verdict);
    }

    private static Matcher<ProbeResult> result(String expected, Predicate<ProbeResult> test) {
        return new TypeSafeDiagnosingMatcher<>() {
            @Override
            protected boolean matchesSafely(ProbeResult item, Description mismatch) {
                if (test.test(item)) {
                    return true;
                }
                describeResult(item, mismatch);
                return false;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText(expected);
            }
        };
    }

    /** Verdict, status, message, then the evidence that was observed. */
    static void describeResult(ProbeResult result, Description description) {
        description.appendText(result.verdict().name()).appendText(" (")
                .appendText(result.status() == Status.PASSED ? "passed" : result.status().jsonName())
                .appendText("): ").appendText(result.message());
        Evidence evidence = result.evidence();
        StringBuilder seen = new StringBuilder();
        if (!evidence.addresses().isEmpty()) {
            seen.append(" addresses=").append(evidence.addresses());
        }
        if (!evidence.cnameChain().isEmpty()) {
            seen.append(" cnameChain=").append(evidence.cnameChain());
        }
        if (evidence.connectedTo() != null) {
            seen.append(" connectedTo=").append(evidence.connectedTo());
        }
        if (evidence.route() != null) {
            seen.append(" route=").append(evidence.route());
        }
        if (evidence.issuer() != null) {
            seen.append(" issuer=\"").append(evidence.issuer()).append('"');
        }
        if (evidence.tlsVersion() != null) {
            seen.append(" tls=").append(evidence.tlsVersion());
        }
        if (evidence.httpStatus() != null) {
            seen.append(" http=").append(evidence.httpStatus());
        }
        if (evidence.server() != null) {
            seen.append(" server=\"").append(evidence.server()).append('"');
        }
        if (evidence.detail() != null) {
            seen.append(" detail=\"").append(evidence.detail()).append('"');
        }
        if (seen.length() > 0) {
            description.appendText("; evidence:").appendText(seen.toString());
        }
    }
}
