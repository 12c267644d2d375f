package io.scangate.gateway.host;

import io.netty.channel.Channel;
import io.netty.channel.ServerChannel;
import io.scangate.driver.BlobStore;
import io.scangate.gateway.image.ImageDelivery;
import io.scangate.gateway.metrics.GatewayMetrics;
import io.scangate.gateway.pipeline.EventPipeline;
import java.time.Clock;

/**
 * What every device host shares: where results go, the meters, the blob store and the delivery of its
 * images, the clock and the Netty channel classes of this platform (epoll or NIO).
 */
public record HostServices(
        String site,
        Clock clock,
        EventPipeline pipeline,
        GatewayMetrics metrics,
        BlobStore blobs,
        Class<? extends Channel> clientChannel,
        Class<? extends ServerChannel> serverChannel,
        ImageDelivery images) {

    /** Without image delivery: scans travel alone. */
    public HostServices(String site, Clock clock, EventPipeline pipeline, GatewayMetrics metrics, BlobStore blobs,
            Class<? extends Channel> clientChannel, Class<? extends ServerChannel> serverChannel) {
        this(site, clock, pipeline, metrics, blobs, clientChannel, serverChannel, ImageDelivery.disabled());
    }
}
