package dev.orchard.probe;

import dev.orchard.internal.Sanitizer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.UnknownHostException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Fetches one web page (Apple's article, for {@code catalog-diff}) the way the checks reach the network: through
 * the same proxy and non-proxy hosts, trusting the same anchors, within the same timeout per step. On a
 * loopback-only network (the lab, tests) it refuses any host that is not a loopback address, the page's or the
 * proxy's, and follows no redirect.
 */
final class PageFetch {

    /** Apple's article is about 100 kB; more than this is not the article. */
    static final int MAX_BYTES = 4 * 1024 * 1024;

    private final ProxySettings proxy;
    private final NonProxyHosts nonProxyHosts;
    private final TrustAnchors anchors;
    private final Duration timeout;
    private final boolean loopbackOnly;

    PageFetch(ProxySettings proxy, NonProxyHosts nonProxyHosts, TrustAnchors anchors, Duration timeout,
            boolean loopbackOnly) {
        this.proxy = proxy;
        this.nonProxyHosts = nonProxyHosts;
        this.anchors = anchors;
        this.timeout = timeout;
        this.loopbackOnly = loopbackOnly;
    }

    Network.Page get(String url) throws IOException {
        HttpUrl parsed = HttpUrl.parse(url);
        if (parsed == null) {
            throw new IOException("'" + Sanitizer.quote(url) + "' is not an http(s) URL");
        }
        requireLoopback(parsed.host());
        OkHttpClient client = client(parsed.host());
        Request request = new Request.Builder().url(parsed).header("Accept", "text/html, text/plain;q=0.9").build();
        try (Response response = client.newCall(request).execute()) {
            if (loopbackOnly && response.isRedirect()) {
                throw new IOException("this network is loopback-only (the lab); it does not follow the redirect to "
                        + Sanitizer.quote(response.header("Location", "")));
            }
            if (!response.isSuccessful()) {
                throw new IOException("HTTP " + response.code() + " from " + parsed.redact());
            }
            ResponseBody body = response.body();
            MediaType type = body.contentType();
            byte[] bytes;
            try (InputStream in = body.byteStream()) {
                bytes = in.readNBytes(MAX_BYTES + 1);
            }
            if (bytes.length > MAX_BYTES) {
                throw new IOException("the page at " + parsed.redact() + " is larger than " + MAX_BYTES + " bytes");
            }
            Charset charset = type == null ? StandardCharsets.UTF_8 : type.charset(StandardCharsets.UTF_8);
            return new Network.Page(response.request().url().toString(), type == null ? "" : type.toString(),
                    new String(bytes, charset));
        }
    }

    /** On a loopback-only network, refuses a host that is not a loopback address, before anything is sent. */
    private void requireLoopback(String host) throws UnknownHostException {
        if (loopbackOnly && !IpLiteral.parse(host).map(InetAddress::isLoopbackAddress).orElse(false)) {
            throw new UnknownHostException("this network is loopback-only (the lab); it does not fetch "
                    + Sanitizer.quote(host));
        }
    }

    private OkHttpClient client(String host) throws IOException {
        OkHttpClient.Builder builder = new OkHttpClient.Builder()
                .callTimeout(timeout.multipliedBy(3))
                .connectTimeout(timeout)
                .readTimeout(timeout)
                .writeTimeout(timeout);
        if (loopbackOnly) {
            // a redirect could lead off this machine, and OkHttp would connect before anyone could look
            builder.followRedirects(false).followSslRedirects(false);
        }
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {anchors.trustManager()}, null);
            builder.sslSocketFactory(context.getSocketFactory(), anchors.trustManager());
        } catch (java.security.GeneralSecurityException e) {
            throw new IOException("cannot set up TLS: " + e.getMessage(), e);
        }
        if (proxy != null && !nonProxyHosts.matches(host)) {
            requireLoopback(proxy.host());
            builder.proxy(new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(proxy.host(), proxy.port())));
            if (proxy.hasCredentials()) {
                builder.proxyAuthenticator((route, response) -> response.request().header("Proxy-Authorization") != null
                        ? null
                        : response.request().newBuilder().header("Proxy-Authorization", proxy.proxyAuthorization())
                                .build());
            }
        } else {
            builder.proxy(Proxy.NO_PROXY);
        }
        return builder.build();
    }
}
