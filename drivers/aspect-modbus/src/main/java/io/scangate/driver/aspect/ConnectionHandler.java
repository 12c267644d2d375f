package io.scangate.driver.aspect;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;

/**
 * The last driver handler of a connection: hands the connection to the {@link Poller} while it is
 * active and passes it every decoded answer. The poller outlives the connection; this handler does not.
 */
final class ConnectionHandler extends ChannelInboundHandlerAdapter {

    private final Poller poller;

    ConnectionHandler(Poller poller) {
        this.poller = poller;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        // Pipelines may be built on a channel that is already active, which then sees no channelActive.
        if (ctx.channel().isActive()) {
            poller.attach(ctx.channel());
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        poller.attach(ctx.channel());
        ctx.fireChannelActive();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        poller.detach(ctx.channel());
        ctx.fireChannelInactive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof ModbusResponse response) {
            poller.onResponse(response);
            return;
        }
        ReferenceCountUtil.release(msg);
    }
}
