package dev.orchard.lab;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.apiguardian.api.API;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * A lab HTTPS server on 127.0.0.1 that stands for any Apple host: it picks the leaf by SNI and answers minimal
 * HTTP/1.1, including an RFC 8484 DoH endpoint at {@code /dns-query}. Its modes reproduce what breaks TLS on real
 * networks: a certificate for another host, a refused handshake, a handshake that never gets an answer, an
 * inspecting middlebox's certificate, and a DoH endpoint that answers with something other than DNS.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class LabTlsServer extends LabOrigin<LabTlsServer> {

    /** How the server behaves towards every client. */
    public enum Mode {
        /** A genuine chain for the SNI name under the lab's Apple root. */
        NORMAL,
        /** A genuine chain under the lab's Apple root, but for {@link #WRONG_HOST_NAME}. */
        WRONG_HOST,
        /** Answers every ClientHello with a fatal protocol_version alert: only an unsupported protocol allowed. */
        HANDSHAKE_FAILURE,
        /** Accepts TCP and never answers the ClientHello. */
        HANDSHAKE_STALL,
        /** Genuine TLS, but {@code /dns-query} answers an HTML page instead of a DNS message. */
        INVALID_DOH,
        /** A chain re-signed by an inspection CA; see {@link #intercepting(LabCertificates, String)}. */
        INTERCEPTED
    }

    /** The name the certificate carries in {@link Mode#WRONG_HOST}. */
    public static final String WRONG_HOST_NAME = "wrong-host.orchard.invalid";
    /** The name served to a client that sends no SNI. */
    public static final String DEFAULT_HOST = "lab.orchard.invalid";
    public static final String DOH_PATH = "/dns-query";
    public static final String DNS_MESSAGE = "application/dns-message";

    private static final byte[] PROTOCOL_VERSION_ALERT = {0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x46};

    private final Mode mode;

    private LabTlsServer(LabCertificates certificates, Mode mode, String inspectionCa) {
        super("lab-tls-" + mode.name().toLowerCase(Locale.ROOT), bind(certificates, mode, inspectionCa),
                "Orchard lab TLS origin");
        this.mode = mode;
        listen();
    }

    /** A plain socket for the modes that never complete a handshake, else a TLS one picking its leaf by SNI. */
    private static ServerSocket bind(LabCertificates certificates, Mode mode, String inspectionCa) {
        ServerSocket server;
        if (mode == Mode.HANDSHAKE_FAILURE || mode == Mode.HANDSHAKE_STALL) {
            server = LabAcceptor.bind();
        } else {
            String issuer = mode == Mode.INTERCEPTED ? inspectionCa : LabCertificates.APPLE_INTERMEDIATE;
            SSLContext context = certificates.serverContext(sni -> certificates.chain(issuer,
                    mode == Mode.WRONG_HOST ? WRONG_HOST_NAME : sni.isEmpty() ? DEFAULT_HOST : sni));
            try {
                server = context.getServerSocketFactory().createServerSocket(0, 1024,
                        InetAddress.getLoopbackAddress());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot bind a lab TLS server to 127.0.0.1:0", e);
            }
        }
        return server;
    }

    public static LabTlsServer start(LabCertificates certificates) {
        return start(certificates, Mode.NORMAL);
    }

    /** Starts a server in {@code mode}; for {@link Mode#INTERCEPTED} it uses the unnamed inspection CA. */
    public static LabTlsServer start(LabCertificates certificates, Mode mode) {
        Objects.requireNonNull(certificates, "certificates");
        Objects.requireNonNull(mode, "mode");
        return new LabTlsServer(certificates, mode, LabCertificates.UNNAMED_CA);
    }

    /** A server that presents leaves re-signed by the named inspection CA, as a transparent inspecting firewall. */
    public static LabTlsServer intercepting(LabCertificates certificates, String inspectionCa) {
        return new LabTlsServer(certificates, Mode.INTERCEPTED, Objects.requireNonNull(inspectionCa, "caName"));
    }

    /** TCP connections accepted so far. */
    public int connections() {
        return accepted();
    }

    @Override
    void serve(Socket socket) throws IOException {
        if (mode == Mode.HANDSHAKE_STALL) {
            hold(socket);
            InputStream in = socket.getInputStream();
            while (in.read() >= 0) {
                // swallow the ClientHello and anything after it; never answer
            }
            return;
        }
        if (mode == Mode.HANDSHAKE_FAILURE) {
            InputStream in = socket.getInputStream();
            byte[] header = in.readNBytes(5);
            if (header.length == 5) {
                in.readNBytes(((header[3] & 0xff) << 8) | (header[4] & 0xff));
            }
            socket.getOutputStream().write(PROTOCOL_VERSION_ALERT);
            socket.getOutputStream().flush();
            return;
        }
        SSLSocket tls = (SSLSocket) socket;
        tls.setSoTimeout(30_000);
        tls.startHandshake();
        LabHttp.Request request = read(tls.getInputStream());
        OutputStream out = tls.getOutputStream();
        if (request.path().startsWith(DOH_PATH)) {
            serveDoh(request, out);
            return;
        }
        if (answerKnown(request.host(), request.path(), out)) {
            return;
        }
        if (!answerSet(request.path(), out)) {
            answerDefault(out);
        }
    }

    private void serveDoh(LabHttp.Request request, OutputStream out) throws IOException {
        if (mode == Mode.INVALID_DOH) {
            LabHttp.write(out, 200, "OK", Map.of("Content-Type", "text/html"),
                    "<html><body>This site is blocked by policy.</body></html>\n");
            return;
        }
        byte[] wire;
        if (request.method().equals("POST")) {
            wire = request.body();
        } else {
            String query = request.path().contains("?dns=") ? request.path().split("\\?dns=", 2)[1] : "";
            try {
                wire = Base64.getUrlDecoder().decode(query.split("&", 2)[0]);
            } catch (IllegalArgumentException e) {
                wire = new byte[0];
            }
        }
        Message query;
        try {
            query = new Message(wire);
        } catch (IOException e) {
            LabHttp.write(out, 400, "Bad Request", Map.of("Content-Type", "text/plain"), "not a DNS message\n");
            return;
        }
        Message answer = new Message(query.getHeader().getID());
        answer.getHeader().setFlag(Flags.QR);
        answer.getHeader().setFlag(Flags.RA);
        Record question = query.getQuestion();
        if (question != null) {
            answer.addRecord(question, Section.QUESTION);
            if (question.getType() == Type.A) {
                answer.addRecord(new ARecord(question.getName(), DClass.IN, 60, InetAddress.getByAddress(
                        new byte[] {127, 0, 0, 1})), Section.ANSWER);
            } else if (question.getType() == Type.AAAA) {
                answer.addRecord(new AAAARecord(question.getName(), DClass.IN, 60,
                        InetAddress.getByName("::1")), Section.ANSWER);
            }
        }
        LabHttp.write(out, 200, "OK", Map.of("Content-Type", DNS_MESSAGE), answer.toWire());
    }
}
