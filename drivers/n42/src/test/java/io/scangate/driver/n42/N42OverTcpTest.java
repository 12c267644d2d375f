package io.scangate.driver.n42;

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
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The driver on a real Netty TCP client against a device stand-in on 127.0.0.1 that sends framed golden
 * documents in small segments, the way the host runs it.
 */
class N42OverTcpTest {

    private static final int CHUNK = 512;

    private final EventLoopGroup deviceSide = new NioEventLoopGroup(1);
    private final EventLoopGroup gatewaySide = new NioEventLoopGroup(1);
    private final RecordingDeviceContext device = new RecordingDeviceContext(DriverHarness.DEVICE, gatewaySide.next());
    private final N42Driver driver = new N42Driver(N42Config.defaults(), device);
    private final ConcurrentLinkedQueue<byte[]> sessions = new ConcurrentLinkedQueue<>();

    @AfterEach
    void shutDown() {
        gatewaySide.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        deviceSide.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @Test
    void goldenDocumentsOverTcpGiveTheGoldenMessagesInOrder() throws Exception {
        byte[] background = Files.readAllBytes(golden("background.n42"));
        byte[] alarm = Files.readAllBytes(golden("alarm-cs137.n42"));
        sessions.add(DriverHarness.framed(background, alarm));
        TcpRig.connect(driver, gatewaySide, TcpRig.scriptedDevice(deviceSide, sessions, CHUNK));

        await().atMost(Duration.ofSeconds(10)).until(() -> device.emitted().stream().anyMatch(Envelope::hasRadiationScan));
        List<String> expected = new ArrayList<>(expected("background"));
        expected.addAll(expected("alarm-cs137"));
        assertThat(device.events()).map(GoldenJson::event).map(CanonicalJson::of)
                .containsExactlyElementsOf(expected);
    }

    @Test
    void aDocumentCutByTheDeviceHangingUpIsReportedAndTheNextSessionDecodes() throws Exception {
        byte[] alarm = DriverHarness.framed(Files.readAllBytes(golden("alarm-cs137.n42")));
        sessions.add(Arrays.copyOf(alarm, alarm.length / 2));
        sessions.add(alarm);
        InetSocketAddress address = TcpRig.scriptedDevice(deviceSide, sessions, CHUNK);

        TcpRig.connect(driver, gatewaySide, address).closeFuture().sync();
        TcpRig.connect(driver, gatewaySide, address);

        await().atMost(Duration.ofSeconds(10)).until(() -> device.emitted().stream().anyMatch(Envelope::hasRadiationScan));
        assertThat(device.decodeErrors()).extracting(DecodeError::reason)
                .containsExactly(StxEtxFramer.TRUNCATED_DOCUMENT);
        assertThat(device.emitted().get(0).getRawRecord().getPayload().size()).isEqualTo(alarm.length / 2 - 1);
    }

    private static List<String> expected(String name) throws Exception {
        List<String> events = new ArrayList<>();
        for (JsonNode event : GoldenJson.JSON.readTree(golden(name + ".expected.json").toFile())) {
            events.add(CanonicalJson.of(event));
        }
        return events;
    }

    private static Path golden(String file) throws Exception {
        return Path.of(N42OverTcpTest.class.getResource("/golden/" + file).toURI());
    }
}
