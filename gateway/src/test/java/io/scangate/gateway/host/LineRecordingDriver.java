package io.scangate.gateway.host;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.LineBasedFrameDecoder;
import io.netty.handler.codec.string.StringDecoder;
import io.scangate.driver.Driver;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A tiny line driver for link tests: records the lines and the pipeline and link events it sees; answers PING with PONG. */
final class LineRecordingDriver implements Driver {

    final List<String> lines = new CopyOnWriteArrayList<>();
    final List<String> events = new CopyOnWriteArrayList<>();
    final AtomicInteger linkUps = new AtomicInteger();
    final AtomicInteger linkDowns = new AtomicInteger();

    @Override
    public void initPipeline(ChannelPipeline pipeline) {
        pipeline.addLast("lines", new LineBasedFrameDecoder(256));
        pipeline.addLast("text", new StringDecoder(StandardCharsets.US_ASCII));
        pipeline.addLast("record", new SimpleChannelInboundHandler<String>() {
            @Override
            public void channelActive(ChannelHandlerContext ctx) {
                events.add("active");
                ctx.fireChannelActive();
            }

            @Override
            public void channelInactive(ChannelHandlerContext ctx) {
                events.add("inactive");
                ctx.fireChannelInactive();
            }

            @Override
            protected void channelRead0(ChannelHandlerContext ctx, String line) {
                lines.add(line);
                if (line.startsWith("PING")) {
                    ctx.writeAndFlush(Unpooled.copiedBuffer("PONG" + line.substring(4) + "\r\n", StandardCharsets.US_ASCII));
                }
            }
        });
    }

    @Override
    public void linkUp() {
        linkUps.incrementAndGet();
    }

    @Override
    public void linkDown(String reason) {
        linkDowns.incrementAndGet();
    }
}
