package io.scangate.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.InvalidProtocolBufferException;
import io.scangate.gateway.config.ConfigLoader;
import io.scangate.gateway.config.LoadedConfig;
import io.scangate.gateway.host.DriverRegistry;
import io.scangate.gateway.testing.MosquittoBroker;
import io.scangate.gateway.journal.JournalEntry;
import io.scangate.proto.v1.Envelope;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The driver host's link handling against a real TCP peer: a silent device is declared DOWN after the
 * idle timeout and reconnected; a device that is not there yet is retried until it appears.
 */
class GatewayDeviceLinkTest {

    @Test
    void aSilentDeviceGoesDownAfterTheIdleTimeoutAndIsReconnected(@TempDir Path dir) throws Exception {
        try (ServerSocket device = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            AtomicInteger connections = acceptSilently(device);
            try (Gateway gateway = Gateway.start(config(dir, device.getLocalPort()), Clock.systemUTC())) {
                await().atMost(Duration.ofSeconds(10)).until(() -> connections.get() >= 1);
                await("idle timeout closes and reconnects").atMost(Duration.ofSeconds(20))
                        .until(() -> connections.get() >= 2);
                assertThat(gateway.registry().scrape())
                        .contains("scangate_device_reconnects_total{device=\"rpm-1\"}");
                assertThat(statusReasons(gateway)).contains("no data for 1 s");
            }
        }
    }

    @Test
    void aDeviceThatIsNotThereYetIsRetriedUntilItAppearsAndItsLinesFlow(@TempDir Path dir) throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        try (Gateway gateway = Gateway.start(config(dir, port), Clock.systemUTC())) {
            await().atMost(Duration.ofSeconds(10)).until(() -> gateway.health().json().contains("\"rpm-1\":\"DOWN\""));
            try (ServerSocket device = new ServerSocket(port, 10, InetAddress.getLoopbackAddress());
                 Socket link = device.accept();
                 OutputStream out = link.getOutputStream()) {
                await().atMost(Duration.ofSeconds(10)).until(() -> gateway.health().json().contains("\"rpm-1\":\"UP\""));
                out.write("GB,000383,000389,000432,000423\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                await("the line reached the journal").atMost(Duration.ofSeconds(10))
                        .until(() -> gateway.registry().scrape().contains(
                                "scangate_events_journalled_total{device=\"rpm-1\",kind=\"measurement\"} 1.0"));
            }
        }
    }

    private static LoadedConfig config(Path dir, int devicePort) throws Exception {
        return new ConfigLoader(DriverRegistry.fromClassPath()).parse("""
                site: test
                gatewayId: gw-link
                journal: {directory: '%s', maxBytes: 8MiB, segmentBytes: 1MiB, maxRecordBytes: 64KiB}
                mqtt: {serverUri: '%s', reconnectMin: 1s, reconnectMax: 5s}
                ops: {httpPort: -1}
                devices:
                  - id: rpm-1
                    driver: vm250
                    lane: lane1
                    transport: {kind: tcp-client, host: 127.0.0.1, port: %d, idleTimeout: 1s,
                                reconnectMin: 50ms, reconnectMax: 200ms}
                """.formatted(dir.resolve("journal"), MosquittoBroker.absentBrokerUri(), devicePort));
    }

    /**
     * Accepts connections and never writes: a device that went quiet. The accepted sockets stay referenced:
     * one left to the garbage collector is closed by its cleaner, and the gateway would see the device hang up
     * instead of falling silent.
     */
    private static AtomicInteger acceptSilently(ServerSocket server) {
        AtomicInteger connections = new AtomicInteger();
        List<Socket> open = new CopyOnWriteArrayList<>();
        Thread acceptor = new Thread(() -> {
            try {
                while (!server.isClosed()) {
                    open.add(server.accept());
                    connections.incrementAndGet();
                }
            } catch (IOException closed) {
                // the test is over
            }
        }, "silent-device");
        acceptor.setDaemon(true);
        acceptor.start();
        return connections;
    }

    /** The journal holds the status messages; their reasons tell why the device went DOWN. */
    private static String statusReasons(Gateway gateway) {
        StringBuilder reasons = new StringBuilder();
        for (JournalEntry entry : gateway.journal().take(1000)) {
            try {
                Envelope envelope = Envelope.parseFrom(entry.payload());
                if (envelope.hasDeviceStatus()) {
                    reasons.append(envelope.getDeviceStatus().getReason()).append('\n');
                }
            } catch (InvalidProtocolBufferException e) {
                throw new AssertionError(e);
            }
        }
        return reasons.toString();
    }
}
