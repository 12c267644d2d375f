package io.scangate.gateway.host;

import com.fazecast.jSerialComm.SerialPort;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.concurrent.Future;
import io.scangate.gateway.config.TransportConfig;
import io.scangate.gateway.blob.NoBlobStore;
import io.scangate.gateway.metrics.GatewayMetrics;
import io.scangate.gateway.pipeline.EventPipeline;
import io.scangate.gateway.testing.MemoryJournal;
import io.scangate.proto.v1.DeviceRef;
import io.scangate.proto.v1.DeviceState;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** A serial link to a socat pair on a real event loop, with a line driver and the device end opened by the test. */
final class SerialFixture implements AutoCloseable {

    final NioEventLoopGroup loop = new NioEventLoopGroup(1);
    final SocatPair pair;
    final LineRecordingDriver driver = new LineRecordingDriver();
    final DeviceRuntime runtime;
    final SerialLink link;
    final TransportConfig transport;

    SerialFixture(SocatPair pair) {
        this.pair = pair;
        GatewayMetrics metrics = new GatewayMetrics(new SimpleMeterRegistry());
        EventPipeline pipeline = new EventPipeline("gw-test", 1, new MemoryJournal(), metrics, () -> { }, Duration.ofMillis(50));
        DeviceRef ref = DeviceRef.newBuilder().setDeviceId("lane1-rpm").setLane("lane1").setDriver("lines").build();
        this.runtime = new DeviceRuntime(ref, loop.next(), Clock.systemUTC(), pipeline, metrics, NoBlobStore.INSTANCE);
        this.transport = new TransportConfig("serial", null, pair.gatewayEnd().toString(), null,
                Duration.ofMillis(20), Duration.ofMillis(200), null, null, 115_200, null, null, null, null, null, null, null, null, null);
        this.link = onLoop(() -> new SerialLink(runtime, transport, driver, metrics));
    }

    void start() {
        onLoop(() -> {
            link.start();
            return null;
        });
    }

    /** Stops the link and waits until the port and its reader thread are released. */
    void stop() {
        Future<?> released = onLoop(link::stop);
        released.awaitUninterruptibly(10, TimeUnit.SECONDS);
        if (!released.isDone()) {
            throw new AssertionError("serial link not released within 10 s");
        }
    }

    void paused(boolean paused) {
        onLoop(() -> {
            link.paused(paused);
            return null;
        });
    }

    DeviceState state() {
        return onLoop(runtime::state);
    }

    <T> T onLoop(java.util.concurrent.Callable<T> task) {
        return loop.next().submit(task).syncUninterruptibly().getNow();
    }

    /** Opens the device end of the pair, as the simulated device would. */
    static SerialPort openDeviceEnd(Path path) {
        SerialPort port = SerialPort.getCommPort(path.toString());
        if (!port.openPort(0)) {
            throw new AssertionError("cannot open device end " + path + " (error " + port.getLastErrorCode() + ")");
        }
        port.setComPortTimeouts(SerialPort.TIMEOUT_WRITE_BLOCKING, 0, 1000);
        return port;
    }

    static void writeLine(SerialPort port, String line) {
        byte[] bytes = (line + "\r\n").getBytes(StandardCharsets.US_ASCII);
        int written = port.writeBytes(bytes, bytes.length);
        if (written != bytes.length) {
            throw new AssertionError("device end wrote " + written + " of " + bytes.length + " bytes");
        }
    }

    @Override
    public void close() {
        stop();
        loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
