package dev.orchard.internal;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SanitizerTest {

    @Test
    void controlCharactersBecomeHexEscapesAndNothingElseChanges() {
        assertThat(Sanitizer.escape("a\u001b[31mb\u0007\u0000\r\n[INFO] BUILD SUCCESS\u007f\u0085é"),
                is("a\\x1B[31mb\\x07\\x00\\x0D\\x0A[INFO] BUILD SUCCESS\\x7F\\x85é"));
        assertThat(Sanitizer.escape("plain text, Ünïcode and 🍏"), is("plain text, Ünïcode and 🍏"));
    }

    @Test
    void lineSeparatorsBidiControlsAndLoneSurrogatesAreEscaped() {
        assertThat(Sanitizer.escape("a\u2028b\u202Ec\uD800d\uFFFF"), is("a\\u2028b\\u202Ec\\uD800d\\uFFFF"));
    }

    @Test
    void capKeepsTheStartAndSaysHowMuchWasCut() {
        String capped = Sanitizer.cap("x".repeat(10_000), 80);
        assertThat(capped.length(), lessThanOrEqualTo(80));
        assertThat(capped, endsWith(" more chars]"));
        assertThat(capped, containsString("…["));
        assertThat("capping twice changes nothing", Sanitizer.cap(capped, 80), is(capped));
        assertThat(Sanitizer.cap("short", 80), is("short"));
    }

    @Test
    void everyFormOfAKnownCredentialIsRedacted() {
        Sanitizer.rememberUrl("http://carol:Qu%2Fx%25pw9@127.0.0.1:3128");
        String basic = Base64.getEncoder().encodeToString("carol:Qu/x%pw9".getBytes(StandardCharsets.UTF_8));
        String text = "Qu/x%pw9 | carol:Qu/x%pw9 | Basic " + basic + " | Qu%2Fx%25pw9 | qu%2fx%25pw9 | Qu%2fx%25pw9";
        String clean = Sanitizer.clean(text);
        for (String secret : new String[] {"Qu/x%pw9", basic, "Qu%2Fx%25pw9", "Qu%2fx%25pw9"}) {
            assertThat(clean, not(containsString(secret)));
        }
        assertThat(clean, containsString("carol:****"));
        assertThat(clean, containsString("Basic ****"));
    }

    @Test
    void aUrlLosesItsCredentials() {
        assertThat(Sanitizer.withoutCredentials("http://a:b@[::1]:3128"), is("http://[::1]:3128"));
        assertThat(Sanitizer.withoutCredentials("http://proxy:3128"), is("http://proxy:3128"));
    }

    /** Random text of every character class: the result is bounded and holds no control character. */
    @Test
    void randomTextAlwaysComesOutPrintableAndBounded() {
        Random random = new Random(20261130L);
        for (int i = 0; i < 2_000; i++) {
            char[] chars = new char[random.nextInt(3_000)];
            for (int j = 0; j < chars.length; j++) {
                chars[j] = random.nextInt(4) == 0 ? (char) random.nextInt(0x20) : (char) random.nextInt(0x10000);
            }
            String clean = Sanitizer.clean(new String(chars), 500);
            assertThat(clean.length(), lessThanOrEqualTo(500));
            assertThat(clean.chars().anyMatch(c -> c < 0x20 || (c >= 0x7F && c <= 0x9F)), is(false));
            for (int j = 0; j < clean.length(); j++) {
                char c = clean.charAt(j);
                if (Character.isHighSurrogate(c)) {
                    assertThat(j + 1 < clean.length() && Character.isLowSurrogate(clean.charAt(j + 1)), is(true));
                    j++;
                } else {
                    assertThat(Character.isLowSurrogate(c), is(false));
                }
            }
        }
    }
}
