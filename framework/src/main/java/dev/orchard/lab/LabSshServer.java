package dev.orchard.lab;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * A loopback SSH endpoint that sends a real identification line and then waits, which is all the SSH check reads:
 * it proves that TCP 22 reaches an SSH server, not that a login works.
 */
public final class LabSshServer implements AutoCloseable {

    /** The identification line the lab sends, without CR LF. */
    public static final String BANNER = "SSH-2.0-OpenSSH_9.6 OrchardLab";

    private final LabAcceptor listener;

    private LabSshServer() {
        byte[] line = (BANNER + "\r\n").getBytes(StandardCharsets.US_ASCII);
        this.listener = new LabAcceptor("ssh", connection -> {
            OutputStream out = connection.getOutputStream();
            out.write(line);
            out.flush();
            LabAcceptor.drain(connection);
        });
    }

    /** Starts listening on 127.0.0.1 on a free port. */
    public static LabSshServer start() {
        return new LabSshServer();
    }

    public InetSocketAddress address() {
        return listener.address();
    }

    public int port() {
        return listener.address().getPort();
    }

    /** A connect-to override sending {@code host:port} here. */
    public String connectTo(String host, int port) {
        return host + ":" + port + ":" + address().getAddress().getHostAddress() + ":" + port();
    }

    public int accepted() {
        return listener.accepted();
    }

    @Override
    public void close() {
        listener.close();
    }
}
