package io.scangate.driver.vm250;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.scangate.driver.testkit.CanonicalJson;
import io.scangate.driver.testkit.RecordingDeviceContext.DecodeError;
import io.scangate.driver.testkit.RecordingDeviceContext;
import io.scangate.driver.testkit.TcpRig;
import io.scangate.proto.v1.Envelope;
import io.scangate.proto.v1.OccupancyClose;
import io.scangate.proto.v1.RadiationScan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The driver on a real Netty TCP client against a device stand-in listening on 127.0.0.1, the way the
 * host runs it: its timers and callbacks on the client's event loop, state kept across connections.
 */
class Vm250OverTcpTest {

    private static final int CHUNK = 7;

    private final EventLoopGroup deviceSide = new NioEventLoopGroup(1);
    private final EventLoopGroup gatewaySide = new NioEventLoopGroup(1);
    private final RecordingDeviceContext device = new RecordingDeviceContext(DriverHarness.DEVICE, gatewaySide.next());
    private final Vm250Driver driver = new Vm250Driver(Vm250Config.defaults(), device);
    /** What the device sends on each accepted connection, in order; it hangs up after each. */
    private final ConcurrentLinkedQueue<byte[]> sessions = new ConcurrentLinkedQueue<>();

    @AfterEach
    void shutDown() {
        gatewaySide.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        deviceSide.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @Test
    void anOccupancyArrivingInSmallTcpSegmentsGivesTheGoldenEvents() throws Exception {
        Path lines = golden("normal-occupancy.lines");
        sessions.add(Files.readAllBytes(lines));
        InetSocketAddress address = TcpRig.scriptedDevice(deviceSide, sessions, CHUNK);

        TcpRig.connect(driver, gatewaySide, address);

        await().atMost(Duration.ofSeconds(10)).until(() -> !scans().isEmpty());
        List<String> expected = Files.readAllLines(golden("normal-occupancy.events.jsonl")).stream()
                .map(line -> CanonicalJson.of(readTree(line))).toList();
        assertThat(device.events()).map(GoldenJson::event).map(CanonicalJson::of)
                .containsExactlyElementsOf(expected);
    }

    @Test
    void aConnectionDroppedMidLineLosesOnlyThatLineAndTheOccupancyEndsAfterTheReconnect() throws Exception {
        byte[] all = Files.readAllBytes(golden("normal-occupancy.lines"));
        String text = new String(all, StandardCharsets.US_ASCII);
        int cut = text.indexOf("GS,000057,000059,000058,000062") + 12;
        int resume = text.indexOf('\n', cut) + 1;
        sessions.add(Arrays.copyOfRange(all, 0, cut));
        sessions.add(Arrays.copyOfRange(all, resume, all.length));
        InetSocketAddress address = TcpRig.scriptedDevice(deviceSide, sessions, CHUNK);

        TcpRig.connect(driver, gatewaySide, address).closeFuture().sync();
        TcpRig.connect(driver, gatewaySide, address);

        await().atMost(Duration.ofSeconds(10)).until(() -> !scans().isEmpty());
        RadiationScan scan = scans().get(0);
        assertThat(scan.getClose()).isEqualTo(OccupancyClose.OCCUPANCY_CLOSE_NORMAL);
        assertThat(scan.getGammaCount()).isEqualTo(11);
        assertThat(device.decodeErrors()).extracting(DecodeError::reason)
                .containsExactly(LineFramer.TRUNCATED_LINE);
    }

    private List<RadiationScan> scans() {
        return device.emitted().stream().filter(Envelope::hasRadiationScan).map(Envelope::getRadiationScan).toList();
    }

    private static Path golden(String file) throws Exception {
        return Path.of(Vm250OverTcpTest.class.getResource("/golden/" + file).toURI());
    }

    private static JsonNode readTree(String line) {
        try {
            return GoldenJson.JSON.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
