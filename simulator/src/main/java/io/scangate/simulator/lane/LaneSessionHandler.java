package io.scangate.simulator.lane;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binds one accepted connection to its lane; the lane serves one client at a time (the newest). The device ignores
 * what a client sends.
 */
final class LaneSessionHandler extends ChannelInboundHandlerAdapter {

    private static final Logger log = LoggerFactory.getLogger(LaneSessionHandler.class);

    private final String laneId;
    private final LanePump pump;

    LaneSessionHandler(String laneId, LanePump pump) {
        this.laneId = laneId;
        this.pump = pump;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        pump.attach(ctx.channel());
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        pump.detach(ctx.channel());
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ReferenceCountUtil.release(msg);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.warn("lane={} reason=connection-error remote={} detail={}", laneId, ctx.channel().remoteAddress(),
                cause.toString());
        ctx.close();
    }
}
