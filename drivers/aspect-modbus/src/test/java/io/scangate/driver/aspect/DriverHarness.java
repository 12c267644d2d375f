package io.scangate.driver.aspect;

import io.scangate.proto.v1.DeviceRef;
import io.scangate.driver.testkit.RecordingDeviceContext;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * An Aspect driver on its real pipeline over EmbeddedChannels, with time under the test's control: the
 * device clock and the device event loop's scheduler move together. {@code loop} stands for the device's
 * event loop and outlives each {@code connection}. The test plays the monitor: it reads the driver's
 * requests and answers them from a {@link MonitorImage}, or with whatever bytes it likes.
 */
final class DriverHarness {

    /** Who the driver under test is told it is. */
    static final DeviceRef DEVICE = DeviceRef.newBuilder()
            .setDeviceId("lane5-aspect").setDriver("aspect-modbus").setSite("test-port").setLane("lane5").build();

    private final EmbeddedChannel loop = frozen(new EmbeddedChannel());
    private final RecordingDeviceContext device = new RecordingDeviceContext(DriverHarness.DEVICE, loop.eventLoop());
    private final AspectModbusDriver driver;
    final MonitorImage image = new MonitorImage();
    private EmbeddedChannel connection;

    DriverHarness(AspectModbusConfig config) {
        driver = (AspectModbusDriver) new AspectModbusDriverFactory().create(config, device);
    }

    DriverHarness() {
        this(AspectModbusConfig.defaults());
    }

    private static EmbeddedChannel frozen(EmbeddedChannel channel) {
        channel.freezeTime();
        return channel;
    }

    /** A new connection, as the host makes at start and after each drop. */
    DriverHarness connect() {
        connection = frozen(new EmbeddedChannel());
        driver.initPipeline(connection.pipeline());
        driver.linkUp();
        return this;
    }

    /** The next request the driver wrote, or null when it wrote none. */
    Frames.Request request() {
        ByteBuf out = connection.readOutbound();
        if (out == null) {
            return null;
        }
        try {
            return Frames.Request.parse(ByteBufUtil.getBytes(out));
        } finally {
            out.release();
        }
    }

    /** Reads the pending request and answers it from the image; returns the request. */
    Frames.Request answer() {
        Frames.Request request = request();
        if (request == null) {
            throw new AssertionError("the driver sent no request");
        }
        int[] all = image.registers();
        int[] values = new int[request.quantity()];
        for (int i = 0; i < values.length; i++) {
            int address = request.address() + i;
            values[i] = address < all.length ? all[address] : 0;
        }
        feed(Frames.registers(request.transactionId(), request.unitId(), values));
        return request;
    }

    /** Answers the header and the first monitor poll. */
    DriverHarness connectAndLocate() {
        connect();
        answer();
        answer();
        return this;
    }

    DriverHarness feed(byte[] bytes) {
        connection.writeInbound(Unpooled.wrappedBuffer(bytes));
        connection.checkException();
        return this;
    }

    /** Device time and gateway time pass together; timers that became due run. */
    DriverHarness advance(Duration by) {
        device.advanceClock(by);
        loop.advanceTimeBy(by.toNanos(), TimeUnit.NANOSECONDS);
        loop.runScheduledPendingTasks();
        loop.checkException();
        return this;
    }

    /** One poll cycle: the device runs for {@code millis}, the poll pause passes, the request is answered. */
    Frames.Request poll(long millis, double gammaCps, double neutronCps) {
        image.run(millis, gammaCps, neutronCps);
        advance(Duration.ofMillis(millis));
        return answer();
    }

    DriverHarness disconnect() {
        connection.finish();
        driver.linkDown("test disconnect");
        return this;
    }

    /** The host's back-pressure: it stops reading from the device while the journal is full. */
    void pauseReading(boolean paused) {
        connection.config().setAutoRead(!paused);
    }

    boolean connectionOpen() {
        return connection.isOpen();
    }

    void stop() {
        driver.stop();
    }

    RecordingDeviceContext device() {
        return device;
    }
}
