package io.scangate.driver.n42;

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
        connect(startDevice());

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
        InetSocketAddress address = startDevice();

        connect(address).closeFuture().sync();
        connect(address);

        await().atMost(Duration.ofSeconds(10)).until(() -> device.emitted().stream().anyMatch(Envelope::hasRadiationScan));
        assertThat(device.decodeErrors()).extracting(DecodeError::reason)
                .containsExactly(StxEtxFramer.TRUNCATED_DOCUMENT);
        assertThat(device.emitted().get(0).getRawRecord().getPayload().size()).isEqualTo(alarm.length / 2 - 1);
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
                ctx.writeAndFlush(Unpooled.wrappedBuffer(Arrays.copyOfRange(bytes, from,
                        Math.min(bytes.length, from + CHUNK))));
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
