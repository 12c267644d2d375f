package io.scangate.gateway.image;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicInteger;

/** Meters of image delivery ({@code scangate_image_*}). */
public final class ImageMetrics {

    final Counter imagesPlanned;
    final Counter chunksPlanned;
    final Counter planFailures;
    final Counter chunksSent;
    final Counter chunksUnavailable;
    final Counter chunkTooLarge;
    final AtomicInteger chunkSizeFits = new AtomicInteger(1);

    public ImageMetrics(MeterRegistry registry) {
        imagesPlanned = Counter.builder("scangate.image.planned")
                .description("Images whose manifest and chunk references were journalled").register(registry);
        chunksPlanned = Counter.builder("scangate.image.chunks.planned")
                .description("Chunk references journalled").register(registry);
        planFailures = Counter.builder("scangate.image.plan.failed")
                .description("Scans whose images could not be planned (blob missing, sidecar unreadable)")
                .register(registry);
        chunksSent = Counter.builder("scangate.image.chunks.hydrated")
                .description("Chunks read from the blob store and verified at publish time (retries included)")
                .register(registry);
        chunksUnavailable = Counter.builder("scangate.image.chunks.unavailable")
                .description("Chunks dead-lettered: blob missing, shorter than planned or its bytes do not match the"
                        + " chunk hash").register(registry);
        chunkTooLarge = Counter.builder("scangate.image.chunk.oversize")
                .description("Connections whose broker Maximum Packet Size is below one image chunk").register(registry);
        Gauge.builder("scangate.image.chunk.fits", chunkSizeFits, AtomicInteger::get)
                .description("1 when a chunk message fits the broker's Maximum Packet Size, 0 when it does not")
                .register(registry);
    }

    /** Meters nobody reads, for seams without a registry. */
    static ImageMetrics detached() {
        return new ImageMetrics(new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
    }
}
