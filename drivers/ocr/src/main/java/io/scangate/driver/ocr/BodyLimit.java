package io.scangate.driver.ocr;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.scangate.driver.DeviceContext;

/** Netty's aggregator, which answers 413 itself; this one also counts and logs the refusal. */
final class BodyLimit extends HttpObjectAggregator {

    private final DeviceContext device;
    private final int maxBodyBytes;

    BodyLimit(int maxBodyBytes, DeviceContext device) {
        super(maxBodyBytes);
        this.maxBodyBytes = maxBodyBytes;
        this.device = device;
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) throws Exception {
        device.frameReceived();
        device.decodeError("body_too_large", "request body over " + maxBodyBytes + " bytes (params.maxBodyBytes), answered 413");
        super.handleOversizedMessage(ctx, oversized);
    }
}
