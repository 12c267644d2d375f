package io.scangate.gateway.host;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.AttributeKey;
import io.netty.util.concurrent.ScheduledFuture;
import io.scangate.driver.Driver;
import io.scangate.gateway.config.TransportConfig;
import io.scangate.gateway.retry.Backoff;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The host's handlers around a driver's, the same for every transport: idle detection and link state in
 * front, an exception guard behind. So a driver sees the same pipeline events over TCP and serial.
 */
final class HostHandlers {

    /** Why the link closed, when the link itself knows better than "closed by the device". */
    static final AttributeKey<String> CLOSE_REASON = AttributeKey.valueOf("scangate.closeReason");

    private static final Logger log = LoggerFactory.getLogger(HostHandlers.class);

    /** What the link that owns the channel learns from its handlers. */
    interface Owner {
        /** The gateway is closing the link: a close is not a loss. */
        boolean stopping();

        /** The channel is gone; the owner retries unless it is stopping. */
        void linkLost(String reason);
    }

    private final DeviceRuntime runtime;
    private final TransportConfig transport;
    private final Driver driver;
    private final Backoff backoff;
    private final Owner owner;
    private final String defaultCloseReason;

    /** @param defaultCloseReason the reason of a close nobody explained, e.g. "connection closed by the device" */
    HostHandlers(DeviceRuntime runtime, TransportConfig transport, Driver driver, Backoff backoff, Owner owner,
                 String defaultCloseReason) {
        this.runtime = runtime;
        this.transport = transport;
        this.driver = driver;
        this.backoff = backoff;
        this.owner = owner;
        this.defaultCloseReason = defaultCloseReason;
    }

    /** Adds idle detection, link watch, the driver's handlers and the guard, in this order. */
    void install(ChannelPipeline pipeline) {
        pipeline.addLast("idle", new IdleStateHandler(transport.idleTimeout().toMillis(), 0, 0, TimeUnit.MILLISECONDS));
        pipeline.addLast("link", new LinkWatch());
        driver.initPipeline(pipeline);
        pipeline.addLast("guard", new ExceptionGuard(runtime));
    }

    /** Link state, idle detection and the stable-period reset of the backoff. */
    private final class LinkWatch extends ChannelInboundHandlerAdapter {
        private ScheduledFuture<?> stableTimer;

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            log.info("device={} state=connected peer={}", runtime.device().getDeviceId(), ctx.channel().remoteAddress());
            stableTimer = ctx.executor().schedule(backoff::reset, transport.stablePeriod().toMillis(), TimeUnit.MILLISECONDS);
            runtime.link(true, "connected to " + transport.peer());
            driver.linkUp();
            ctx.fireChannelActive();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (stableTimer != null) {
                stableTimer.cancel(false);
            }
            ctx.fireChannelInactive();
            String explained = ctx.channel().attr(CLOSE_REASON).get();
            String reason = owner.stopping() ? "gateway stopping" : explained != null ? explained : defaultCloseReason;
            runtime.link(false, reason);
            driver.linkDown(reason);
            owner.linkLost(reason);
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
            if (evt instanceof IdleStateEvent) {
                if (!ctx.channel().config().isAutoRead()) {
                    // We stopped reading (back-pressure): the silence is ours, and closing would throw away
                    // what the device already handed to the socket.
                    return;
                }
                ctx.channel().attr(CLOSE_REASON).setIfAbsent("no data for " + transport.idleTimeout().toSeconds() + " s");
                ctx.close();
                return;
            }
            ctx.fireUserEventTriggered(evt);
        }
    }
}
