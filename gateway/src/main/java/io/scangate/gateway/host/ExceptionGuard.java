package io.scangate.gateway.host;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Last in every device pipeline: an exception the driver did not handle costs the connection, never the gateway. */
final class ExceptionGuard extends ChannelInboundHandlerAdapter {

    private static final Logger log = LoggerFactory.getLogger(ExceptionGuard.class);

    private final DeviceRuntime runtime;

    ExceptionGuard(DeviceRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        runtime.decodeError("unhandled_exception", cause.toString());
        log.warn("device={} reason=unhandled_exception action=close_connection", runtime.device().getDeviceId(), cause);
        ctx.close();
    }
}
