package dev.orchard.probe;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ConnectToTest {

    @Test
    void parsesAFullOverride() {
        ConnectTo rule = ConnectTo.parse("gdmf.apple.com:443:127.0.0.1:8443");
        assertThat(rule.host(), is("gdmf.apple.com"));
        assertThat(rule.port(), is(443));
        assertThat(rule.address().getHostAddress(), is("127.0.0.1"));
        assertThat(rule.targetPort(), is(8443));
        assertThat(rule.display(), is("gdmf.apple.com:443:127.0.0.1:8443"));
    }

    @Test
    void emptyHostOrPortMatchesAny() {
        ConnectTo anyHost = ConnectTo.parse(":5223:127.0.0.1:15223");
        assertThat(anyHost.host(), is(nullValue()));
        assertThat(anyHost.matches("1-courier.push.apple.com", 5223), is(true));
        assertThat(anyHost.matches("1-courier.push.apple.com", 443), is(false));

        ConnectTo anyPort = ConnectTo.parse("gdmf.apple.com::127.0.0.2:9000");
        assertThat(anyPort.port(), is(0));
        assertThat(anyPort.matches("gdmf.apple.com", 80), is(true));
        assertThat(anyPort.matches("GDMF.Apple.com.", 443), is(true));
        assertThat(anyPort.matches("other.apple.com", 443), is(false));
    }

    @Test
    void emptyTargetPortKeepsThePort() {
        List<ConnectTo> rules = ConnectTo.parseAll(List.of("::127.0.0.1:"));
        assertThat(ConnectTo.target(rules, "a.apple.com", 2197),
                is(Optional.of(new InetSocketAddress("127.0.0.1", 2197))));
    }

    @Test
    void ipv6AddressesNeedBrackets() {
        ConnectTo rule = ConnectTo.parse("a.apple.com:443:[::1]:8443");
        assertThat(rule.address().getHostAddress(), is("0:0:0:0:0:0:0:1"));
        assertThat(rule.display(), is("a.apple.com:443:[::1]:8443"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ConnectTo.parse("a.apple.com:443:::1:8443"));
        assertThat(e.getMessage(), containsString("brackets"));
    }

    @Test
    void theFirstMatchingOverrideWins() {
        List<ConnectTo> rules = ConnectTo.parseAll(List.of("a.apple.com:443:127.0.0.1:1001", ":443:127.0.0.1:1002",
                "::127.0.0.1:1003"));
        assertThat(ConnectTo.target(rules, "a.apple.com", 443).orElseThrow().getPort(), is(1001));
        assertThat(ConnectTo.target(rules, "b.apple.com", 443).orElseThrow().getPort(), is(1002));
        assertThat(ConnectTo.target(rules, "b.apple.com", 80).orElseThrow().getPort(), is(1003));
        assertThat(ConnectTo.target(List.of(), "b.apple.com", 80), is(Optional.empty()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a.apple.com:443:127.0.0.1", "a.apple.com:443", "a.apple.com:http:127.0.0.1:80",
        "a.apple.com:443:127.0.0.1:70000", "a.apple.com:443:proxy.corp:8080", "a.apple.com:443::8080",
        "a.apple.com:443:[::1:8080", "a b:443:127.0.0.1:1"})
    void rejectsMalformedOverridesSayingWhatIsExpected(String entry) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ConnectTo.parse(entry));
        assertThat(e.getMessage(), containsString("'" + entry + "'"));
        assertThat(e.getMessage(), containsString("expected HOST:PORT:ADDR:PORT"));
    }

    @Test
    void addressesAreLiteralsNeverLookedUp() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ConnectTo.parse("a.apple.com:443:localhost:80"));
        assertThat(e.getMessage(), containsString("ADDR 'localhost' is not an IP address"));
    }
}
