package io.scangate.driver.n42;

import io.scangate.proto.v1.DeviceRef;
import io.scangate.driver.testkit.RecordingDeviceContext;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.ByteArrayOutputStream;

/**
 * An N42 driver on its real pipeline over EmbeddedChannels. As in the host, the driver outlives each
 * connection: {@code connection} is replaced on reconnect, the driver object stays.
 */
final class DriverHarness {

    /** Who the driver under test is told it is. */
    static final DeviceRef DEVICE = DeviceRef.newBuilder()
            .setDeviceId("lane3-spectro").setDriver("n42").setSite("test-port").setLane("lane3").build();

    private final EmbeddedChannel loop = new EmbeddedChannel();
    private final RecordingDeviceContext device = new RecordingDeviceContext(DriverHarness.DEVICE, loop.eventLoop());
    private final N42Driver driver;
    private EmbeddedChannel connection;

    DriverHarness(N42Config config) {
        driver = (N42Driver) new N42DriverFactory().create(config, device);
        connect();
    }

    DriverHarness() {
        this(N42Config.defaults());
    }

    private void connect() {
        connection = new EmbeddedChannel();
        driver.initPipeline(connection.pipeline());
        driver.linkUp();
    }

    /** The bytes between STX and ETX, as a device frames one document. */
    static byte[] framed(byte[]... documents) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] document : documents) {
            out.write(StxEtxFramer.STX);
            out.writeBytes(document);
            out.write(StxEtxFramer.ETX);
        }
        return out.toByteArray();
    }

    DriverHarness feed(byte[] bytes) {
        connection.writeInbound(Unpooled.wrappedBuffer(bytes));
        connection.checkException();
        return this;
    }

    DriverHarness feedInChunks(byte[] bytes, int chunk) {
        for (int from = 0; from < bytes.length; from += chunk) {
            byte[] part = new byte[Math.min(chunk, bytes.length - from)];
            System.arraycopy(bytes, from, part, 0, part.length);
            feed(part);
        }
        return this;
    }

    /** The connection drops: the framer sees the end of the stream; the driver object stays. */
    DriverHarness disconnect() {
        connection.finish();
        connection.checkException();
        driver.linkDown("test disconnect");
        return this;
    }

    DriverHarness reconnect() {
        connect();
        return this;
    }

    RecordingDeviceContext device() {
        return device;
    }
}
