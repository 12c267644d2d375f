package io.scangate.driver.vm250;

import io.scangate.proto.v1.DeviceRef;
import io.scangate.driver.testkit.RecordingDeviceContext;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A VM-250 driver on its real pipeline over EmbeddedChannels, with time under the test's control: the
 * device clock and the device event loop's scheduler move together. As in the host, the device's event
 * loop outlives each connection: {@code loop} stands for it and is never closed, while {@code connection}
 * is replaced on reconnect. A tap before the driver's record handler keeps the decoded records.
 */
final class DriverHarness {

    /** Who the driver under test is told it is. */
    static final DeviceRef DEVICE = DeviceRef.newBuilder()
            .setDeviceId("lane3-rpm").setDriver("vm250").setSite("test-port").setLane("lane3").build();

    private final EmbeddedChannel loop = frozen(new EmbeddedChannel());
    private final RecordingDeviceContext device = new RecordingDeviceContext(DriverHarness.DEVICE, loop.eventLoop());
    private final Vm250Driver driver;
    private final List<Vm250Record> records = new ArrayList<>();
    private EmbeddedChannel connection;

    DriverHarness(Vm250Config config) {
        driver = (Vm250Driver) new Vm250DriverFactory().create(config, device);
        connect();
    }

    DriverHarness() {
        this(Vm250Config.defaults());
    }

    private static EmbeddedChannel frozen(EmbeddedChannel channel) {
        channel.freezeTime();
        return channel;
    }

    private void connect() {
        connection = frozen(new EmbeddedChannel());
        driver.initPipeline(connection.pipeline());
        connection.pipeline().addBefore(Vm250Driver.RECORDS, "tap", new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                if (msg instanceof Vm250Record record) {
                    records.add(record);
                }
                ctx.fireChannelRead(msg);
            }
        });
        driver.linkUp();
    }

    DriverHarness feed(byte[] bytes) {
        connection.writeInbound(Unpooled.wrappedBuffer(bytes));
        connection.checkException();
        return this;
    }

    DriverHarness feedLines(String... lines) {
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            text.append(line).append("\r\n");
        }
        return feed(Vm250Record.ascii(text.toString()));
    }

    DriverHarness feedByteByByte(byte[] bytes) {
        for (byte b : bytes) {
            feed(new byte[] {b});
        }
        return this;
    }

    /** Moves the device clock and the event loop's time, then runs whatever timers became due. */
    DriverHarness advance(Duration by) {
        device.advanceClock(by);
        loop.advanceTimeBy(by.toNanos(), TimeUnit.NANOSECONDS);
        loop.runScheduledPendingTasks();
        loop.checkException();
        return this;
    }

    /** The connection drops: the framer sees the end of the stream; the driver object stays. */
    DriverHarness disconnect() {
        connection.finish();
        driver.linkDown("test disconnect");
        return this;
    }

    /** A new connection to the same driver, as the host makes after a drop. */
    DriverHarness reconnect() {
        connect();
        return this;
    }

    void stop() {
        driver.stop();
    }

    RecordingDeviceContext device() {
        return device;
    }

    List<Vm250Record> records() {
        return records;
    }
}
