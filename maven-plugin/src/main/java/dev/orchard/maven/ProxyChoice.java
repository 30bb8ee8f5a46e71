package dev.orchard.maven;

import dev.orchard.ConfigurationKeys;
import dev.orchard.internal.Sanitizer;
import java.util.List;
import java.util.Optional;
import org.apache.maven.settings.Proxy;

/**
 * Decides the proxy the checks use: {@code apple-network.proxy} when given ({@code none} turns proxying off),
 * otherwise the active HTTP proxy of settings.xml. Hands the chosen credentials to {@link Sanitizer}, so that no
 * log line or report shows them, and carries a credential-free form to print.
 *
 * @param value the {@code apple-network.proxy} parameter, empty for none
 * @param display what the log shows
 * @param nonProxyHosts the settings' nonProxyHosts, if a settings proxy was taken
 */
record ProxyChoice(Optional<String> value, String display, Optional<String> nonProxyHosts) {

    static final String KEY = ConfigurationKeys.PROXY;

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
        Sanitizer.rememberUrl(pac.strip());
        return new ProxyChoice(Optional.empty(), "from the PAC file "
                + Sanitizer.clean(Sanitizer.withoutCredentials(pac.strip()), Sanitizer.QUOTE) + " (apple-network.pac)",
                Optional.empty());
    }

    static ProxyChoice choose(String parameter, List<Proxy> settingsProxies) {
        if (parameter != null && !parameter.isBlank()) {
            String given = parameter.strip();
            if (given.equalsIgnoreCase("none")) {
                return new ProxyChoice(Optional.of("none"), "none (" + KEY + "=none)", Optional.empty());
            }
            Sanitizer.rememberUrl(given);
            return new ProxyChoice(Optional.of(given),
                    Sanitizer.clean(Sanitizer.withoutCredentials(given), Sanitizer.QUOTE) + " (" + KEY + ")",
                    Optional.empty());
        }
        return SettingsProxy.from(settingsProxies)
                .map(p -> {
                    Sanitizer.rememberUrl(p.url());
                    return new ProxyChoice(Optional.of(p.url()), p.display(), p.nonProxyHosts());
                })
                .orElseGet(() -> new ProxyChoice(Optional.empty(), "none", Optional.empty()));
    }
}
