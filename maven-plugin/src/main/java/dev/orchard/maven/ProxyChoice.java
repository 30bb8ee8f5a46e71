package dev.orchard.maven;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.maven.settings.Proxy;

/**
 * Decides the proxy the checks use: {@code apple-network.proxy} when given ({@code none} turns proxying off),
 * otherwise the active HTTP proxy of settings.xml. Carries the secrets to redact and a credential-free form to
 * print.
 *
 * @param value the {@code apple-network.proxy} parameter, empty for none
 * @param display what the log shows
 * @param redaction removes the proxy password from printed text
 * @param nonProxyHosts the settings' nonProxyHosts, if a settings proxy was taken
 */
record ProxyChoice(Optional<String> value, String display, Redaction redaction, Optional<String> nonProxyHosts) {

    static final String KEY = "apple-network.proxy";

    /**
     * With a PAC file, no proxy: the PAC decides, and the settings.xml proxy is not the fallback. A proxy parameter
     * beside it contradicts it.
     */
    static ProxyChoice choose(String parameter, String pac, List<Proxy> settingsProxies) {
        if (pac == null || pac.isBlank()) {
            return choose(parameter, settingsProxies);
        }
        if (parameter != null && !parameter.isBlank()) {
            throw new IllegalArgumentException("apple-network.pac and " + KEY + " are both set: the PAC file decides "
                    + "each host's proxy, so " + KEY + " would contradict it; unset one");
        }
        return new ProxyChoice(Optional.empty(), "from the PAC file " + withoutCredentials(pac.strip())
                + " (apple-network.pac)", new Redaction(secretsOf(pac.strip())), Optional.empty());
    }

    static ProxyChoice choose(String parameter, List<Proxy> settingsProxies) {
        if (parameter != null && !parameter.isBlank()) {
            String given = parameter.strip();
            if (given.equalsIgnoreCase("none")) {
                return new ProxyChoice(Optional.of("none"), "none (" + KEY + "=none)", Redaction.none(),
                        Optional.empty());
            }
            return new ProxyChoice(Optional.of(given), withoutCredentials(given) + " (" + KEY + ")",
                    new Redaction(secretsOf(given)), Optional.empty());
        }
        return SettingsProxy.from(settingsProxies)
                .map(p -> new ProxyChoice(Optional.of(p.url()), p.display(), new Redaction(p.secrets()),
                        p.nonProxyHosts()))
                .orElseGet(() -> new ProxyChoice(Optional.empty(), "none", Redaction.none(), Optional.empty()));
    }

    /** The password of a proxy URL, raw and decoded; nothing when the URL has none or cannot be read. */
    static List<String> secretsOf(String url) {
        try {
            String userInfo = new URI(url).getRawUserInfo();
            if (userInfo == null || !userInfo.contains(":")) {
                return List.of();
            }
            String raw = userInfo.substring(userInfo.indexOf(':') + 1);
            List<String> secrets = new ArrayList<>();
            secrets.add(raw);
            secrets.add(URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8));
            secrets.add(userInfo);
            return secrets.stream().filter(s -> !s.isEmpty()).distinct().toList();
        } catch (URISyntaxException | IllegalArgumentException e) {
            int at = url.lastIndexOf('@');
            return at < 0 ? List.of() : List.of(url.substring(0, at));
        }
    }

    static String withoutCredentials(String url) {
        int scheme = url.indexOf("://");
        int at = url.lastIndexOf('@');
        if (at < 0) {
            return url;
        }
        return (scheme < 0 ? "" : url.substring(0, scheme + 3)) + url.substring(at + 1);
    }
}
