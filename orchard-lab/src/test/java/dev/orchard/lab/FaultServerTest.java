package dev.orchard.lab;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.orchard.probe.Deadline;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The lab's faults, checked with plain sockets: each must fail exactly the way the probes expect. */
class FaultServerTest {

    /** Above the 10% Deadline allows, for a loaded machine: these timeouts are short. */
    private static final Duration SLACK = Duration.ofMillis(200);

    private static void connect(java.net.InetSocketAddress address) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(address, 1000);
        }
    }

    @Test
    void refusingPortAnswersWithReset() {
        try (FaultServer server = FaultServer.refusing()) {
            assertThat(server.address().getAddress().isLoopbackAddress(), is(true));
            assertThat(server.port(), greaterThan(0));
            assertThrows(ConnectException.class, () -> connect(server.address()));
        }
    }

    @Test
    void blackholeNeverCompletesAConnect() {
        Duration timeout = Duration.ofMillis(500);
        try (FaultServer server = FaultServer.blackhole()) {
            Deadline.endsWithin(timeout, SLACK, () -> assertThrows(SocketTimeoutException.class, () -> {
                try (Socket socket = new Socket()) {
                    socket.connect(server.address(), (int) timeout.toMillis());
                }
            }));
        }
    }

    @Test
    void resettingServerResetsAfterAccepting() throws IOException {
        try (FaultServer server = FaultServer.resetting(); Socket socket = new Socket()) {
            // The RST can arrive while connect() still polls for completion, or at the first read.
            SocketException e = assertThrows(SocketException.class, () -> {
                socket.connect(server.address(), 1000);
                socket.setSoTimeout(2000);
                InputStream in = socket.getInputStream();
                in.read();
            });
            assertThat(e.getMessage(), e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("reset"), is(true));
        }
    }

    @Test
    void tarpitAcceptsAndStaysSilent() throws IOException {
        try (FaultServer server = FaultServer.tarpit(); Socket socket = new Socket()) {
            socket.connect(server.address(), 1000);
            socket.setSoTimeout(300);
            assertThrows(SocketTimeoutException.class, () -> socket.getInputStream().read());
        }
    }

    @Test
    void slowServerAnswersAfterItsDelay() {
        Duration delay = Duration.ofMillis(300);
        // a server per attempt, since Deadline may run the action again and the server counts its connections
        SlowAnswer answer = Deadline.endsWithin(delay, SLACK, () -> {
            try (FaultServer server = FaultServer.slow(delay, "late\n"); Socket socket = new Socket()) {
                socket.connect(server.address(), 1000);
                socket.setSoTimeout(2000);
                String line = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                        StandardCharsets.UTF_8)).readLine();
                return new SlowAnswer(line, server.accepted());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        assertThat(answer.line(), is("late"));
        assertThat(answer.accepted(), is(1));
    }

    private record SlowAnswer(String line, int accepted) {
    }

    @Test
    void sshServerSendsItsBannerAndWaits() throws IOException {
        try (LabSshServer server = LabSshServer.start(); Socket socket = new Socket()) {
            socket.connect(server.address(), 1000);
            socket.setSoTimeout(2000);
            BufferedReader reader = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII));
            assertThat(reader.readLine(), is("SSH-2.0-OpenSSH_9.6 OrchardLab"));
            socket.setSoTimeout(200);
            assertThrows(SocketTimeoutException.class, reader::read);
        }
    }

    @Test
    void closingFreesThePortAndConnections() throws IOException {
        FaultServer server = FaultServer.tarpit();
        Socket socket = new Socket();
        socket.connect(server.address(), 1000);
        server.close();
        socket.setSoTimeout(2000);
        try (socket) {
            int read;
            try {
                read = socket.getInputStream().read();
            } catch (SocketException e) {
                read = -1;
            }
            assertThat(read, is(-1));
        }
        assertThrows(ConnectException.class, () -> connect(server.address()));
    }

    /** Closing while the acceptor hands a fresh connection over must not leave that connection open. */
    @Test
    void closingRightAfterAConnectionArrivesLeavesItClosed() throws IOException {
        for (int i = 0; i < 30; i++) {
            FaultServer server = FaultServer.tarpit();
            try (Socket socket = new Socket()) {
                socket.connect(server.address(), 1000);
                server.close();
                socket.setSoTimeout(2000);
                int read;
                try {
                    read = socket.getInputStream().read();
                } catch (SocketException e) {
                    read = -1;
                }
                assertThat("round " + i, read, is(-1));
            }
        }
    }
}
