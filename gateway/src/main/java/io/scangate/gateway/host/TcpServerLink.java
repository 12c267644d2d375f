package io.scangate.gateway.host;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ServerChannel;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.handler.ssl.SslContext;
import io.netty.util.concurrent.Future;
import io.scangate.driver.Driver;
import io.scangate.gateway.config.TransportConfig;
import io.scangate.gateway.metrics.GatewayMetrics;
import java.io.IOException;
import java.security.GeneralSecurityException;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens for a device that connects to the gateway (a scanner sending DICOM C-STOREs). The device is UP
 * while the gateway listens; connections come and go with the device's transfers and each gets the
 * driver's pipeline on the device's event loop. Idle and protocol timers belong to the driver here (a DICOM
 * association has ARTIM and idle timers of its own), so the host adds no idle handler.
 */
final class TcpServerLink implements DeviceLink {

    private static final Logger log = LoggerFactory.getLogger(TcpServerLink.class);

    private final DeviceRuntime runtime;
    private final TransportConfig transport;
    private final Driver driver;
    private final Class<? extends ServerChannel> channelType;
    private final Reconnects rebinds;
    private final ChannelGroup connections;
    private final SslContext tls;
    private Channel listener;
    private boolean stopped;
    private boolean paused;

    TcpServerLink(DeviceRuntime runtime, TransportConfig transport, Driver driver,
                  Class<? extends ServerChannel> channelType, GatewayMetrics metrics) {
        this.runtime = runtime;
        this.transport = transport;
        this.driver = driver;
        this.channelType = channelType;
        this.rebinds = new Reconnects(runtime, transport, metrics);
        this.connections = new DefaultChannelGroup(runtime.eventLoop());
        this.tls = tlsContext(transport);
    }

    /** Loaded once per device; start-up validation loaded the same files already, so failing here is a bug. */
    private static SslContext tlsContext(TransportConfig transport) {
        if (transport.tls() == null) {
            return null;
        }
        try {
            return transport.tls().serverContext();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("transport.tls: cannot load: " + e.getMessage(), e);
        }
    }

    @Override
    public void start() {
        bind();
    }

    @Override
    public Future<?> stop() {
        stopped = true;
        rebinds.cancel();
        connections.close();
        return listener != null ? listener.close() : runtime.eventLoop().newSucceededFuture(null);
    }

    /** Back-pressure: stop reading from open connections and stop accepting new ones. */
    @Override
    public void paused(boolean value) {
        paused = value;
        connections.forEach(c -> c.config().setAutoRead(!value));
        if (listener != null) {
            listener.config().setAutoRead(!value);
        }
    }

    private void bind() {
        if (stopped) {
            return;
        }
        ChannelFuture bound = new ServerBootstrap()
                .group(runtime.eventLoop(), runtime.eventLoop())
                .channel(channelType)
                .option(ChannelOption.SO_REUSEADDR, true)
                .option(ChannelOption.AUTO_READ, !paused)
                .childOption(ChannelOption.AUTO_READ, !paused)
                .childOption(ChannelOption.SO_KEEPALIVE, true)
                .childHandler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel connection) {
                        if (connections.size() >= transport.maxConnections()) {
                            runtime.decodeError("too_many_connections", connection.remoteAddress() + " refused: "
                                    + transport.maxConnections() + " connections are open (transport.maxConnections)");
                            connection.close();
                            return;
                        }
                        connections.add(connection);
                        connection.pipeline().addLast("connection-log", new ConnectionLog());
                        if (tls != null) {
                            connection.pipeline().addLast("tls", tls.newHandler(connection.alloc()));
                            connection.pipeline().addLast("tls-failures", new TlsFailures());
                        }
                        driver.initPipeline(connection.pipeline());
                        connection.pipeline().addLast("guard", new ExceptionGuard(runtime));
                    }
                })
                .bind(transport.host(), transport.tcpPort());
        bound.addListener(f -> {
            if (f.isSuccess()) {
                listener = bound.channel();
                rebinds.backoff().reset();
                log.info("device={} state=listening address={}", runtime.device().getDeviceId(), transport.peer());
                runtime.link(true, "listening on " + transport.peer());
                driver.linkUp();
                listener.closeFuture().addListener(closed -> {
                    if (!stopped) {
                        runtime.link(false, "listening socket closed");
                        driver.linkDown("listening socket closed");
                        rebinds.schedule("listening socket closed", this::bind);
                    }
                });
            } else {
                String reason = "cannot listen on " + transport.peer() + ": " + f.cause().getMessage();
                runtime.link(false, reason);
                rebinds.schedule(reason, this::bind);
            }
        });
    }

    /** A failed handshake or a record that does not decrypt is bad input from the device: counted, connection closed. */
    private final class TlsFailures extends ChannelInboundHandlerAdapter {
        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            if (cause instanceof SSLException || cause.getCause() instanceof SSLException) {
                runtime.decodeError("tls_failed", ctx.channel().remoteAddress() + ": " + cause.getMessage());
                ctx.close();
            } else {
                ctx.fireExceptionCaught(cause);
            }
        }
    }

    /** One line per connection in the log, so that an operator can follow a scanner's transfers. */
    private final class ConnectionLog extends ChannelInboundHandlerAdapter {
        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            log.info("device={} event=connection_opened peer={}", runtime.device().getDeviceId(), ctx.channel().remoteAddress());
            ctx.fireChannelActive();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            log.info("device={} event=connection_closed peer={}", runtime.device().getDeviceId(), ctx.channel().remoteAddress());
            ctx.fireChannelInactive();
        }
    }
}
