package io.scangate.driver.n42;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.scangate.driver.DeviceContext;

/**
 * One document per connection: collects every byte between connect and close, up to
 * {@code maxDocumentBytes}, and passes the whole on as a {@code byte[]} when the connection closes. A
 * larger document is reported ({@code document_too_large}) and dropped whole, never cut and parsed in part.
 */
final class PerConnectionFramer extends ChannelInboundHandlerAdapter {

    private final DeviceContext device;
    private final int maxDocumentBytes;
    private ByteBuf document;
    private long seenBytes;

    PerConnectionFramer(DeviceContext device, int maxDocumentBytes) {
        this.device = device;
        this.maxDocumentBytes = maxDocumentBytes;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf bytes = (ByteBuf) msg;
        try {
            seenBytes += bytes.readableBytes();
            if (seenBytes > maxDocumentBytes) {
                release();
                return;
            }
            if (document == null) {
                document = ctx.alloc().buffer(bytes.readableBytes());
            }
            document.writeBytes(bytes);
        } finally {
            bytes.release();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (seenBytes > maxDocumentBytes) {
            device.decodeError(StxEtxFramer.DOCUMENT_TOO_LARGE, "document of " + seenBytes + " bytes is over maxDocumentBytes "
                    + maxDocumentBytes + "; dropped whole");
        } else if (document != null && document.isReadable()) {
            device.frameReceived();
            byte[] whole = ByteBufUtil.getBytes(document);
            release();
            ctx.fireChannelRead(whole);
        }
        release();
        ctx.fireChannelInactive();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        release();
    }

    private void release() {
        if (document != null) {
            document.release();
            document = null;
        }
    }
}
