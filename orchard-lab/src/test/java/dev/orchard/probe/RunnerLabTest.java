package dev.orchard.probe;

import com.sun.management.UnixOperatingSystemMXBean;
import dev.orchard.catalog.Endpoint;
import dev.orchard.catalog.Transport;
import dev.orchard.lab.FaultServer;
import dev.orchard.lab.LabDnsServer;
import dev.orchard.lab.LabSshServer;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * The lab that runner tests share: a DNS server answering Apple-looking (non-loopback) addresses, an SSH banner and
 * a blackhole on loopback, reached only through connect-to overrides with loopbackOnly on.
 */
abstract class RunnerLabTest {

    static final Duration TIMEOUT = Duration.ofSeconds(1);

    /**
     * One per class: making a blackhole waits out a connect to prove the kernel drops, and a dropped SYN leaves
     * nothing behind for the next test to see.
     */
    static FaultServer blackhole;

    LabDnsServer dns;
    LabSshServer ssh;

    @BeforeAll
    static void startBlackhole() {
        blackhole = FaultServer.blackhole();
    }

    @AfterAll
    static void stopBlackhole() {
        blackhole.close();
    }

    @BeforeEach
    void startLab() throws IOException {
        dns = LabDnsServer.start();
        ssh = LabSshServer.start();
    }

    @AfterEach
    void stopLab() {
        ssh.close();
        dns.close();
    }

    Network.Builder network(List<String> connectTo) {
        return Network.builder().loopbackOnly(true).timeout(TIMEOUT).dnsServer(dns.address()).connectTo(connectTo);
    }

    static Endpoint endpoint(String host, Integer... ports) {
        return Endpoint.builder("test", host).ports(ports).tlsPorts(List.of()).build();
    }

    static CheckTarget target(Endpoint endpoint, Check check) {
        return new CheckTarget(endpoint, endpoint.pattern(), check);
    }

    static Check tcp(int port) {
        return new Check(CheckKind.TCP, port, Transport.TCP);
    }

    /**
     * How many file descriptors this JVM holds, for leak checks. Only Unix JVMs count them, so tests that call this
     * carry {@code @EnabledOnOs({LINUX, MAC})}.
     */
    static long openFiles() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof UnixOperatingSystemMXBean unix) {
            return unix.getOpenFileDescriptorCount();
        }
        throw new IllegalStateException("this JVM does not count file descriptors: guard the test with @EnabledOnOs");
    }
}
