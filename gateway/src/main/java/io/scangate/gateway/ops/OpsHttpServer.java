package io.scangate.gateway.ops;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * {@code GET /metrics} (Prometheus text format) and {@code GET /health} (JSON; 200 when healthy, 503
 * otherwise) on Netty, sharing the gateway's event loops.
 */
public final class OpsHttpServer implements AutoCloseable {

    /** A health verdict and its JSON body. */
    public record Health(boolean healthy, String json) {
    }

    private final Channel channel;

    private OpsHttpServer(Channel channel) {
        this.channel = channel;
    }

    public static OpsHttpServer start(EventLoopGroup group, Class<? extends ServerChannel> channelType, String bind,
                                      int port, Supplier<String> metrics, Supplier<Health> health) {
        Channel ch = new ServerBootstrap()
                .group(group)
                .channel(channelType)
                .childHandler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel c) {
                        c.pipeline().addLast(new HttpServerCodec(4096, 8192, 8192));
                        c.pipeline().addLast(new HttpObjectAggregator(8192));
                        c.pipeline().addLast(new Routes(metrics, health));
                    }
                })
                .bind(bind, port).syncUninterruptibly().channel();
        return new OpsHttpServer(ch);
    }

    public int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    @Override
    public void close() {
        channel.close().syncUninterruptibly();
    }

    private static final class Routes extends SimpleChannelInboundHandler<FullHttpRequest> {
        private final Supplier<String> metrics;
        private final Supplier<Health> health;

        Routes(Supplier<String> metrics, Supplier<Health> health) {
            this.metrics = metrics;
            this.health = health;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
            String path = request.uri().split("\\?", 2)[0];
            FullHttpResponse response;
            if (!HttpMethod.GET.equals(request.method())) {
                response = text(HttpResponseStatus.METHOD_NOT_ALLOWED, "text/plain", "GET only\n");
            } else if (path.equals("/metrics")) {
                response = text(HttpResponseStatus.OK, "text/plain; version=0.0.4; charset=utf-8", metrics.get());
            } else if (path.equals("/health")) {
                Health h = health.get();
                response = text(h.healthy() ? HttpResponseStatus.OK : HttpResponseStatus.SERVICE_UNAVAILABLE,
                        "application/json", h.json());
            } else {
                response = text(HttpResponseStatus.NOT_FOUND, "text/plain", "try /metrics or /health\n");
            }
            boolean keepAlive = HttpUtil.isKeepAlive(request);
            HttpUtil.setKeepAlive(response, keepAlive);
            var written = ctx.writeAndFlush(response);
            if (!keepAlive) {
                written.addListener(ChannelFutureListener.CLOSE);
            }
        }

        private static FullHttpResponse text(HttpResponseStatus status, String type, String body) {
            FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                    Unpooled.copiedBuffer(body, StandardCharsets.UTF_8));
            r.headers().set(HttpHeaderNames.CONTENT_TYPE, type);
            HttpUtil.setContentLength(r, r.content().readableBytes());
            return r;
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
