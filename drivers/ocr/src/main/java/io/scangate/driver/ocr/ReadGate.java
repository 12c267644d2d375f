package io.scangate.driver.ocr;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;

/**
 * Holds a connection's socket reads while too many of its requests are unanswered. It never touches
 * autoRead, which belongs to the host's back-pressure: a held read is released only while the host still
 * reads, so answering a request can never resume a connection the host paused for a full journal.
 */
final class ReadGate extends ChannelOutboundHandlerAdapter {

    private ChannelHandlerContext context;
    private boolean holding;
    private boolean readHeld;

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        context = ctx;
    }

    @Override
    public void read(ChannelHandlerContext ctx) {
        if (holding) {
            readHeld = true;
            return;
        }
        ctx.read();
    }

    void hold() {
        holding = true;
    }

    void release() {
        holding = false;
        if (readHeld && context != null) {
            readHeld = false;
            if (context.channel().config().isAutoRead()) {
                context.read();
            }
        }
    }
}
