package io.scangate.driver.aspect;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A tiny Modbus TCP server on 127.0.0.1 answering Read Holding Registers from a register image the test
 * replaces while it runs; independent of the simulator. {@link #misbehave} makes it answer the next
 * request wrongly once.
 */
final class TestSlave implements AutoCloseable {

    enum Misbehaviour {
        /** Half of the answer, then the connection is closed. */
        HANG_UP_MID_FRAME,
        /** An answer whose MBAP protocol id is not 0. */
        BAD_PROTOCOL_ID
    }

    /** Replaced whole by {@link #load}, so that no answer mixes two images. */
    private final AtomicReference<int[]> registers = new AtomicReference<>(new int[0x10000]);
    final AtomicInteger requests = new AtomicInteger();
    private final AtomicReference<Misbehaviour> misbehave = new AtomicReference<>();
    private final EventLoopGroup group = new NioEventLoopGroup(1);
    private final Channel server;

    TestSlave() {
        server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline().addLast(new RequestHandler());
                    }
                })
                .bind("127.0.0.1", 0).syncUninterruptibly().channel();
    }

    InetSocketAddress address() {
        return (InetSocketAddress) server.localAddress();
    }

    void load(int[] image) {
        int[] all = new int[0x10000];
        System.arraycopy(image, 0, all, 0, image.length);
        registers.set(all);
    }

    void misbehave(Misbehaviour once) {
        misbehave.set(once);
    }

    @Override
    public void close() {
        server.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private final class RequestHandler extends ByteToMessageDecoder {
        private static final int REQUEST_BYTES = 12;

        @Override
        protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
            while (in.readableBytes() >= REQUEST_BYTES) {
                int transactionId = in.readUnsignedShort();
                in.skipBytes(4);
                int unitId = in.readUnsignedByte();
                in.skipBytes(1);
                int address = in.readUnsignedShort();
                int quantity = in.readUnsignedShort();
                requests.incrementAndGet();
                int[] values = new int[quantity];
                System.arraycopy(registers.get(), address, values, 0, Math.min(quantity, 0x10000 - address));
                byte[] answer = Frames.registers(transactionId, unitId, values);
                Misbehaviour now = misbehave.getAndSet(null);
                if (now == Misbehaviour.HANG_UP_MID_FRAME) {
                    ctx.writeAndFlush(ctx.alloc().buffer().writeBytes(answer, 0, answer.length / 2))
                            .addListener(ChannelFutureListener.CLOSE);
                    return;
                }
                if (now == Misbehaviour.BAD_PROTOCOL_ID) {
                    answer[3] = 1;
                }
                ctx.writeAndFlush(ctx.alloc().buffer().writeBytes(answer));
            }
        }
    }
}
