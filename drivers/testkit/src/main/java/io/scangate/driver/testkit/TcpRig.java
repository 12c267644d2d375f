package io.scangate.driver.testkit;

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
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.scangate.driver.Driver;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.Queue;

/** A driver on a real TCP connection to 127.0.0.1, the way the host runs it, and a device stand-in to talk to. */
public final class TcpRig {

    private TcpRig() {
    }

    /**
     * Connects the driver as the host would: its pipeline on the channel, {@code linkUp} once connected and
     * {@code linkDown} when the device closes.
     */
    public static Channel connect(Driver driver, EventLoopGroup gatewaySide, InetSocketAddress device)
            throws InterruptedException {
        Channel channel = new Bootstrap().group(gatewaySide).channel(NioSocketChannel.class)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        driver.initPipeline(channel.pipeline());
                    }
                })
                .connect(device).sync().channel();
        channel.eventLoop().execute(driver::linkUp);
        channel.closeFuture().addListener(closed -> driver.linkDown("device closed the connection"));
        return channel;
    }

    /**
     * A device listening on 127.0.0.1 that, on each accepted connection, sends the next of {@code sessions}
     * in segments of {@code segmentBytes} (as a slow or chatty device does), then hangs up.
     */
    public static InetSocketAddress scriptedDevice(EventLoopGroup deviceSide, Queue<byte[]> sessions, int segmentBytes)
            throws InterruptedException {
        Channel server = new ServerBootstrap().group(deviceSide).channel(NioServerSocketChannel.class)
                .childHandler(new ScriptedSessions(sessions, segmentBytes))
                .bind("127.0.0.1", 0).sync().channel();
        return (InetSocketAddress) server.localAddress();
    }

    @Sharable
    private static final class ScriptedSessions extends ChannelInboundHandlerAdapter {
        private final Queue<byte[]> sessions;
        private final int segmentBytes;

        ScriptedSessions(Queue<byte[]> sessions, int segmentBytes) {
            this.sessions = sessions;
            this.segmentBytes = segmentBytes;
        }

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            byte[] bytes = sessions.poll();
            for (int from = 0; from < bytes.length; from += segmentBytes) {
                ctx.writeAndFlush(Unpooled.wrappedBuffer(Arrays.copyOfRange(bytes, from,
                        Math.min(bytes.length, from + segmentBytes))));
            }
            ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        }
    }
}
