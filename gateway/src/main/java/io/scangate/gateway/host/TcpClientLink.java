package io.scangate.gateway.host;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.util.concurrent.Future;
import io.scangate.driver.Driver;
import io.scangate.gateway.config.TransportConfig;
import io.scangate.gateway.metrics.GatewayMetrics;

/**
 * Keeps one TCP connection to a device that is a server (e.g. a VM-250 on port 1600): connects,
 * reconnects with jittered backoff that resets only after a stable period, and treats silence longer
 * than the idle timeout as a dead link. All of it on the device's event loop.
 */
final class TcpClientLink implements DeviceLink, HostHandlers.Owner {

    private final DeviceRuntime runtime;
    private final TransportConfig transport;
    private final Class<? extends Channel> channelType;
    private final Reconnects reconnects;
    private final HostHandlers handlers;
    private Channel channel;
    private boolean stopped;
    private boolean paused;

    TcpClientLink(DeviceRuntime runtime, TransportConfig transport, Driver driver,
                  Class<? extends Channel> channelType, GatewayMetrics metrics) {
        this.runtime = runtime;
        this.transport = transport;
        this.channelType = channelType;
        this.reconnects = new Reconnects(runtime, transport, metrics);
        this.handlers = new HostHandlers(runtime, transport, driver, reconnects.backoff(), this,
                "connection closed by the device");
    }

    @Override
    public void start() {
        connect();
    }

    @Override
    public Future<?> stop() {
        stopped = true;
        reconnects.cancel();
        if (channel != null) {
            return channel.close();
        }
        return runtime.eventLoop().newSucceededFuture(null);
    }

    /** Back-pressure: stop or resume reading; TCP flow control then slows the device down. */
    @Override
    public void paused(boolean value) {
        paused = value;
        if (channel != null) {
            channel.config().setAutoRead(!value);
        }
    }

    @Override
    public boolean stopping() {
        return stopped;
    }

    @Override
    public void linkLost(String reason) {
        scheduleReconnect(reason);
    }

    private void connect() {
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
                        handlers.install(ch.pipeline());
                    }
                });
        ChannelFuture attempt = bootstrap.connect(transport.host(), transport.tcpPort());
        channel = attempt.channel();
        attempt.addListener(f -> {
            if (!f.isSuccess()) {
                String reason = "connect to " + transport.peer() + " failed: " + f.cause().getMessage();
                runtime.link(false, reason);
                scheduleReconnect(reason);
            }
        });
    }

    private void scheduleReconnect(String reason) {
        if (!stopped) {
            reconnects.schedule(reason, this::connect);
        }
    }
}
