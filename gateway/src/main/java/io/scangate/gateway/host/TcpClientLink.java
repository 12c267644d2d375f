package io.scangate.gateway.host;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.ScheduledFuture;
import io.scangate.driver.Driver;
import io.scangate.gateway.config.TransportConfig;
import io.scangate.gateway.metrics.GatewayMetrics;
import io.scangate.gateway.retry.Backoff;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one TCP connection to a device that is a server (e.g. a VM-250 on port 1600): connects,
 * reconnects with jittered backoff that resets only after a stable period, and treats silence longer
 * than the idle timeout as a dead link. All of it on the device's event loop.
 */
final class TcpClientLink {

    private static final Logger log = LoggerFactory.getLogger(TcpClientLink.class);

    private final DeviceRuntime runtime;
    private final TransportConfig transport;
    private final Driver driver;
    private final Class<? extends Channel> channelType;
    private final GatewayMetrics metrics;
    private final Backoff backoff;
    private Channel channel;
    private ScheduledFuture<?> pendingReconnect;
    private boolean stopped;
    private boolean paused;

    TcpClientLink(DeviceRuntime runtime, TransportConfig transport, Driver driver,
                  Class<? extends Channel> channelType, GatewayMetrics metrics) {
        this.runtime = runtime;
        this.transport = transport;
        this.driver = driver;
        this.channelType = channelType;
        this.metrics = metrics;
        this.backoff = new Backoff(transport.reconnectMin(), transport.reconnectMax());
    }

    /** Starts connecting; must run on the device's event loop. */
    void start() {
        connect();
    }

    void stop() {
        stopped = true;
        if (pendingReconnect != null) {
            pendingReconnect.cancel(false);
        }
        if (channel != null) {
            channel.close();
        }
    }

    /** Back-pressure: stop or resume reading; TCP flow control then slows the device down. */
    void paused(boolean value) {
        paused = value;
        if (channel != null) {
            channel.config().setAutoRead(!value);
        }
    }

    private void connect() {
        pendingReconnect = null;
        if (stopped) {
            return;
        }
        Bootstrap bootstrap = new Bootstrap()
                .group(runtime.eventLoop())
                .channel(channelType)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) transport.connectTimeout().toMillis())
                .option(ChannelOption.SO_KEEPALIVE, true)
                .option(ChannelOption.AUTO_READ, !paused)
                .handler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ch.pipeline().addLast("idle", new IdleStateHandler(
                                transport.idleTimeout().toMillis(), 0, 0, TimeUnit.MILLISECONDS));
                        ch.pipeline().addLast("link", new LinkWatch());
                        driver.initPipeline(ch.pipeline());
                        ch.pipeline().addLast("guard", new ExceptionGuard());
                    }
                });
        ChannelFuture attempt = bootstrap.connect(transport.host(), transport.port());
        channel = attempt.channel();
        attempt.addListener(f -> {
            if (!f.isSuccess()) {
                String reason = "connect to " + transport.host() + ":" + transport.port() + " failed: "
                        + f.cause().getMessage();
                runtime.link(false, reason);
                scheduleReconnect(reason);
            }
        });
    }

    private void scheduleReconnect(String reason) {
        if (stopped || pendingReconnect != null) {
            return;
        }
        long delay = backoff.next().toMillis();
        metrics.reconnect(runtime.device().getDeviceId());
        log.info("device={} reason=\"{}\" action=reconnect delay_ms={} attempt={}",
                runtime.device().getDeviceId(), reason, delay, backoff.attempts());
        pendingReconnect = runtime.eventLoop().schedule(this::connect, delay, TimeUnit.MILLISECONDS);
    }

    /** Link state, idle detection and the stable-period reset of the backoff. */
    private final class LinkWatch extends ChannelInboundHandlerAdapter {
        private ScheduledFuture<?> stableTimer;
        private String closeReason = "connection closed by the device";

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            log.info("device={} state=connected peer={}", runtime.device().getDeviceId(), ctx.channel().remoteAddress());
            stableTimer = ctx.executor().schedule(backoff::reset, transport.stablePeriod().toMillis(), TimeUnit.MILLISECONDS);
            runtime.link(true, "connected to " + transport.host() + ":" + transport.port());
            driver.linkUp();
            ctx.fireChannelActive();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (stableTimer != null) {
                stableTimer.cancel(false);
            }
            ctx.fireChannelInactive();
            String reason = stopped ? "gateway stopping" : closeReason;
            runtime.link(false, reason);
            driver.linkDown(reason);
            scheduleReconnect(reason);
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
            if (evt instanceof IdleStateEvent) {
                closeReason = "no data for " + transport.idleTimeout().toSeconds() + " s";
                ctx.close();
                return;
            }
            ctx.fireUserEventTriggered(evt);
        }
    }

    /** Last in the pipeline: an exception the driver did not handle costs the connection, never the gateway. */
    private final class ExceptionGuard extends ChannelInboundHandlerAdapter {
        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            runtime.decodeError("unhandled_exception", cause.toString());
            log.warn("device={} reason=unhandled_exception action=reconnect", runtime.device().getDeviceId(), cause);
            ctx.close();
        }
    }
}
