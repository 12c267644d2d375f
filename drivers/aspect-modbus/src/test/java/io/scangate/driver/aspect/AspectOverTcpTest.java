package io.scangate.driver.aspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.scangate.driver.testkit.RecordingDeviceContext.DecodeError;
import io.scangate.driver.testkit.RecordingDeviceContext;
import io.scangate.driver.testkit.TcpRig;
import io.scangate.proto.v1.Envelope;
import io.scangate.proto.v1.OccupancyClose;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The driver on a real Netty TCP client against {@link TestSlave} on 127.0.0.1, the way the host runs it:
 * timers and callbacks on the client's event loop, state kept across connections. Polls are fast so the
 * test is short; the device's counters move only when the test changes the registers.
 */
class AspectOverTcpTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final EventLoopGroup gatewaySide = new NioEventLoopGroup(1);
    private final RecordingDeviceContext device = new RecordingDeviceContext(DriverHarness.DEVICE, gatewaySide.next());
    private final AspectModbusDriver driver = new AspectModbusDriver(
            AspectModbusConfig.defaults().withPolls(Duration.ofMillis(20), Duration.ofMillis(50)), device);
    private final TestSlave slave = new TestSlave();
    private final MonitorImage image = new MonitorImage();

    @AfterEach
    void shutDown() {
        gatewaySide.submit(driver::stop).syncUninterruptibly();
        gatewaySide.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        slave.close();
    }

    @Test
    void anOccupancyPolledOverTcpBecomesOneScan() throws Exception {
        slave.load(image.registers());
        TcpRig.connect(driver, gatewaySide, slave.address());
        awaitMorePolls(2);

        image.inputs = 0x3;
        image.objectCount = 42;
        image.gammaStatus = 0x82;
        slave.load(image.run(5000, 1650, 2.5).registers());
        awaitMorePolls(2);
        image.inputs = 0;
        slave.load(image.run(400, 1650, 2.5).registers());

        await().atMost(WAIT).until(() -> !device.scans().isEmpty());
        assertThat(device.scans()).singleElement().satisfies(scan -> {
            assertThat(scan.getClose()).isEqualTo(OccupancyClose.OCCUPANCY_CLOSE_NORMAL);
            assertThat(scan.getDeviceCounter()).isEqualTo(42);
            assertThat(scan.getGammaAlarm()).isTrue();
            assertThat(scan.getGammaList()).extracting(c -> c.getCounts(0)).contains(8250);
        });
        assertThat(device.emitted()).filteredOn(Envelope::hasDeviceSetup).hasSize(1);
        assertThat(device.decodeErrors()).isEmpty();
    }

    @Test
    void aHangUpInsideAFrameIsReportedAndTheNextConnectionCarriesOn() throws Exception {
        slave.load(image.registers());
        Channel first = TcpRig.connect(driver, gatewaySide, slave.address());
        awaitMorePolls(2);

        slave.misbehave(TestSlave.Misbehaviour.HANG_UP_MID_FRAME);
        first.closeFuture().await(WAIT.toMillis());
        assertThat(first.isOpen()).isFalse();
        TcpRig.connect(driver, gatewaySide, slave.address());
        slave.load(image.run(5000, 1650, 2.5).registers());

        await().atMost(WAIT).until(() -> !device.measurements().isEmpty());
        assertThat(device.decodeErrors()).extracting(DecodeError::reason).containsExactly("truncated_frame");
    }

    @Test
    void aBrokenHeaderFromTheDeviceCostsTheConnection() throws Exception {
        slave.load(image.registers());
        Channel channel = TcpRig.connect(driver, gatewaySide, slave.address());
        awaitMorePolls(1);

        slave.misbehave(TestSlave.Misbehaviour.BAD_PROTOCOL_ID);

        assertThat(channel.closeFuture().await(WAIT.toMillis())).isTrue();
        assertThat(device.decodeErrors()).extracting(DecodeError::reason).containsExactly("bad_protocol_id");
    }

    private void awaitMorePolls(int more) {
        int target = slave.requests.get() + more;
        await().atMost(WAIT).until(() -> slave.requests.get() >= target);
    }

}
