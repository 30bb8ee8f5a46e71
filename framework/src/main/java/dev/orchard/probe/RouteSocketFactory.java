package dev.orchard.probe;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.time.Duration;
import javax.net.SocketFactory;

/**
 * Lets OkHttp speak over a {@link Route}: its sockets connect by asking the route to open {@code host:port}
 * (directly or through a proxy tunnel), whatever address OkHttp asks for. It remembers how the route failed, so
 * that a probe can report the route's own verdict rather than OkHttp's wrapping of it.
 */
final class RouteSocketFactory extends SocketFactory {

    private final Route route;
    private final String host;
    private final int port;
    private volatile RouteException refusal;
    private volatile IOException connectFailure;
    private volatile Socket opened;

    RouteSocketFactory(Route route, String host, int port) {
        this.route = route;
        this.host = host;
        this.port = port;
    }

    /**
     * An OkHttp client for one exchange over this factory's route: the route decides where to connect, so OkHttp's
     * DNS answers a placeholder that is never dialled; no proxy of OkHttp's own, no pooling, no retries, no
     * redirects, and {@code timeout} for every phase.
     */
    okhttp3.OkHttpClient.Builder client(java.time.Duration timeout) {
        return new okhttp3.OkHttpClient.Builder()
                .socketFactory(this)
                .dns(name -> java.util.List.of(InetAddress.getByAddress(name, new byte[4])))
                .proxy(java.net.Proxy.NO_PROXY)
                .connectionPool(new okhttp3.ConnectionPool(0, 1, java.util.concurrent.TimeUnit.SECONDS))
                .retryOnConnectionFailure(false)
                .followRedirects(false)
                .followSslRedirects(false)
                .fastFallback(false)
                .callTimeout(timeout)
                .connectTimeout(timeout)
                .readTimeout(timeout)
                .writeTimeout(timeout);
    }

    /** The route's own diagnosis, if opening failed with one. */
    RouteException refusal() {
        return refusal;
    }

    /** The socket failure while opening, if any. */
    IOException connectFailure() {
        return connectFailure;
    }

    /** The socket the route opened, if it did. */
    Socket opened() {
        return opened;
    }

    @Override
    public Socket createSocket() {
        return new RouteSocket();
    }

    @Override
    public Socket createSocket(String ignoredHost, int ignoredPort) throws IOException {
        Socket socket = createSocket();
        socket.connect(null, 0);
        return socket;
    }

    @Override
    public Socket createSocket(String ignoredHost, int ignoredPort, InetAddress localHost, int localPort)
            throws IOException {
        return createSocket(ignoredHost, ignoredPort);
    }

    @Override
    public Socket createSocket(InetAddress ignoredHost, int ignoredPort) throws IOException {
        return createSocket((String) null, ignoredPort);
    }

    @Override
    public Socket createSocket(InetAddress ignoredHost, int ignoredPort, InetAddress localAddress, int localPort)
            throws IOException {
        return createSocket((String) null, ignoredPort);
    }

    /** A socket whose connect opens the route, and which then forwards everything to the opened socket. */
    private final class RouteSocket extends Socket {

        private volatile Socket inner;

        @Override
        public void connect(SocketAddress ignored) throws IOException {
            connect(ignored, 0);
        }

        @Override
        public void connect(SocketAddress ignored, int timeoutMillis) throws IOException {
            if (inner != null) {
                throw new SocketException("already connected");
            }
            try {
                Duration timeout = Duration.ofMillis(timeoutMillis > 0 ? timeoutMillis : 30_000);
                Socket socket = route.open(host, port, timeout);
                socket.setSoTimeout(super.getSoTimeout());
                inner = socket;
                opened = socket;
            } catch (RouteException e) {
                refusal = e;
                throw new ConnectException(e.getMessage());
            } catch (IOException e) {
                connectFailure = e;
                throw e;
            }
        }

        private Socket inner() throws SocketException {
            Socket socket = inner;
            if (socket == null) {
                throw new SocketException("not connected");
            }
            return socket;
        }

        @Override
        public InputStream getInputStream() throws IOException {
            return inner().getInputStream();
        }

        @Override
        public OutputStream getOutputStream() throws IOException {
            return inner().getOutputStream();
        }

        @Override
        public InetAddress getInetAddress() {
            Socket socket = inner;
            return socket == null ? null : socket.getInetAddress();
        }

        @Override
        public InetAddress getLocalAddress() {
            Socket socket = inner;
            return socket == null ? super.getLocalAddress() : socket.getLocalAddress();
        }

        @Override
        public int getPort() {
            Socket socket = inner;
            return socket == null ? 0 : socket.getPort();
        }

        @Override
        public int getLocalPort() {
            Socket socket = inner;
            return socket == null ? -1 : socket.getLocalPort();
        }

        @Override
        public SocketAddress getRemoteSocketAddress() {
            Socket socket = inner;
            return socket == null ? null : socket.getRemoteSocketAddress();
        }

        @Override
        public SocketAddress getLocalSocketAddress() {
            Socket socket = inner;
            return socket == null ? null : socket.getLocalSocketAddress();
        }

        @Override
        public void setSoTimeout(int timeout) throws SocketException {
            Socket socket = inner;
            if (socket == null) {
                super.setSoTimeout(timeout);
            } else {
                socket.setSoTimeout(timeout);
            }
        }

        @Override
        public int getSoTimeout() throws SocketException {
            Socket socket = inner;
            return socket == null ? super.getSoTimeout() : socket.getSoTimeout();
        }

        @Override
        public void setTcpNoDelay(boolean on) throws SocketException {
            inner().setTcpNoDelay(on);
        }

        @Override
        public boolean getTcpNoDelay() throws SocketException {
            return inner().getTcpNoDelay();
        }

        @Override
        public void setKeepAlive(boolean on) throws SocketException {
            inner().setKeepAlive(on);
        }

        @Override
        public boolean getKeepAlive() throws SocketException {
            return inner().getKeepAlive();
        }

        @Override
        public void setSoLinger(boolean on, int linger) throws SocketException {
            inner().setSoLinger(on, linger);
        }

        @Override
        public int getSoLinger() throws SocketException {
            return inner().getSoLinger();
        }

        @Override
        public void shutdownInput() throws IOException {
            inner().shutdownInput();
        }

        @Override
        public void shutdownOutput() throws IOException {
            inner().shutdownOutput();
        }

        @Override
        public boolean isConnected() {
            Socket socket = inner;
            return socket != null && socket.isConnected();
        }

        @Override
        public boolean isBound() {
            Socket socket = inner;
            return socket != null && socket.isBound();
        }

        @Override
        public boolean isClosed() {
            Socket socket = inner;
            return socket == null ? super.isClosed() : socket.isClosed();
        }

        @Override
        public boolean isInputShutdown() {
            Socket socket = inner;
            return socket != null && socket.isInputShutdown();
        }

        @Override
        public boolean isOutputShutdown() {
            Socket socket = inner;
            return socket != null && socket.isOutputShutdown();
        }

        @Override
        public void close() throws IOException {
            super.close();
            Socket socket = inner;
            if (socket != null) {
                socket.close();
            }
        }

        @Override
        public String toString() {
            return "RouteSocket[" + route.describe() + " to " + host + ":" + port + "]";
        }
    }
}
