package io.scangate.driver.ocr;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.TooLongFrameException;

/** Hands each line to the driver; a line over the limit is skipped by the decoder and reported here. */
final class LineHandler extends SimpleChannelInboundHandler<ByteBuf> {

    private final OcrDriver driver;

    LineHandler(OcrDriver driver) {
        this.driver = driver;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, ByteBuf line) {
        driver.line(ByteBufUtil.getBytes(line));
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof TooLongFrameException) {
            driver.device().decodeError("line_too_long", cause.getMessage() + " (params.maxLineBytes)");
        } else {
            ctx.fireExceptionCaught(cause);
        }
    }
}
