package io.scangate.driver.vm250;

import io.scangate.driver.testkit.CanonicalJson;
import io.scangate.driver.testkit.RecordingDeviceContext;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.scangate.driver.testkit.RecordingDeviceContext.DecodeError;
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
        InetSocketAddress address = startDevice();

        connect(address);

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
        InetSocketAddress address = startDevice();

        connect(address).closeFuture().sync();
        connect(address);

        await().atMost(Duration.ofSeconds(10)).until(() -> !scans().isEmpty());
        RadiationScan scan = scans().get(0);
        assertThat(scan.getClose()).isEqualTo(OccupancyClose.OCCUPANCY_CLOSE_NORMAL);
        assertThat(scan.getGammaCount()).isEqualTo(11);
        assertThat(device.decodeErrors()).extracting(DecodeError::reason)
                .containsExactly(LineFramer.TRUNCATED_LINE);
    }

    private InetSocketAddress startDevice() throws InterruptedException {
        Channel server = new ServerBootstrap().group(deviceSide).channel(NioServerSocketChannel.class)
                .childHandler(new DeviceStandIn())
                .bind("127.0.0.1", 0).sync().channel();
        return (InetSocketAddress) server.localAddress();
    }

    /** Sends the next session's bytes in small segments, then hangs up. */
    @Sharable
    private final class DeviceStandIn extends ChannelInboundHandlerAdapter {
        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            byte[] bytes = sessions.poll();
            for (int from = 0; from < bytes.length; from += CHUNK) {
                byte[] chunk = Arrays.copyOfRange(bytes, from, Math.min(bytes.length, from + CHUNK));
                ctx.writeAndFlush(Unpooled.wrappedBuffer(chunk));
            }
            ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        }
    }

    private Channel connect(InetSocketAddress address) throws InterruptedException {
        Channel channel = new Bootstrap().group(gatewaySide).channel(NioSocketChannel.class)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        driver.initPipeline(channel.pipeline());
                    }
                })
                .connect(address).sync().channel();
        channel.eventLoop().execute(driver::linkUp);
        channel.closeFuture().addListener(closed -> driver.linkDown("device closed the connection"));
        return channel;
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
