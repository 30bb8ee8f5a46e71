package dev.orchard.lab;

import dev.orchard.probe.IpLiteral;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.apiguardian.api.API;

/**
 * A loopback SSH endpoint that sends a real identification line and then waits, which is all the SSH check reads:
 * it proves that TCP 22 reaches an SSH server, not that a login works.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class LabSshServer extends LabTcpServer {

    /** The identification line the lab sends, without CR LF. */
    public static final String BANNER = "SSH-2.0-OpenSSH_9.6 OrchardLab";

    private static final byte[] LINE = (BANNER + "\r\n").getBytes(StandardCharsets.US_ASCII);

    private LabSshServer() {
        super("ssh");
        listen();
    }

    /** Starts listening on 127.0.0.1 on a free port. */
    public static LabSshServer start() {
        return new LabSshServer();
    }

    /** A connect-to override sending {@code host:port} here. */
    public String connectTo(String host, int port) {
        return host + ":" + port + ":" + IpLiteral.format(address().getAddress(), port());
    }

    @Override
    public int accepted() {
        return super.accepted();
    }

    @Override
    void serve(Socket connection) throws IOException {
        OutputStream out = connection.getOutputStream();
        out.write(LINE);
        out.flush();
        LabAcceptor.drain(connection);
    }
}
