package io.scangate.driver.n42;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/** Hands every framed document (and every cut one) to the driver, which outlives this connection. */
final class DocumentHandler extends ChannelInboundHandlerAdapter {

    private final N42Driver driver;

    DocumentHandler(N42Driver driver) {
        this.driver = driver;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof byte[] document) {
            driver.document(document);
        } else if (msg instanceof StxEtxFramer.TruncatedDocument truncated) {
            driver.truncated(truncated);
        } else {
            ctx.fireChannelRead(msg);
        }
    }
}
