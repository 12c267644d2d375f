package io.scangate.gateway.image;

import io.netty.util.concurrent.EventExecutor;
import io.scangate.gateway.blob.BlobReferences;
import io.scangate.gateway.blob.ChunkHashes;
import io.scangate.gateway.blob.FileBlobStore;
import io.scangate.proto.v1.Envelope;
import io.scangate.proto.v1.ImageRef;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Expands an {@code XrayScan} with images into its delivery plan: the scan, then per image a manifest and
 * its chunk references, stamped in that order on the device's event loop and appended to the journal. The
 * stage a driver waits on completes only once every one of them is durable, so a scanner told "stored"
 * knows the whole delivery survives a crash. The chunk hashes come from the blob's sidecar, read on the
 * blob I/O executor, never on the event loop.
 */
public final class ImageDelivery {

    private static final Logger log = LoggerFactory.getLogger(ImageDelivery.class);

    private final FileBlobStore store;
    private final BlobReferences references;
    private final Executor io;
    private final ImageMetrics metrics;

    public ImageDelivery(FileBlobStore store, BlobReferences references, Executor io, ImageMetrics metrics) {
        this.store = store;
        this.references = references;
        this.io = io;
        this.metrics = metrics;
    }

    /** For a gateway without a blob store: scans travel alone, as references nobody can fetch. */
    public static ImageDelivery disabled() {
        return new ImageDelivery(null, new BlobReferences(), Runnable::run, ImageMetrics.detached());
    }

    /** Whether this message is a scan whose images this gateway delivers. */
    public boolean expands(Envelope.Builder message) {
        return store != null && message.getBodyCase() == Envelope.BodyCase.XRAY_SCAN
                && message.getXrayScan().getImagesCount() > 0;
    }

    /**
     * Plans, stamps and submits the scan and its images.
     *
     * @param loop the device's event loop: stamping and submitting happen there, in order
     * @param stamp the device's stamping of an envelope
     * @param submit appends one stamped envelope; its stage completes when it is durable
     * @return completes when every message is durable, or exceptionally with the first failure
     */
    public CompletionStage<Void> deliver(Envelope.Builder message, EventExecutor loop,
            Function<Envelope.Builder, Envelope> stamp, Function<Envelope, CompletionStage<Void>> submit) {
        List<ImageRef> images = List.copyOf(message.getXrayScan().getImagesList());
        CompletableFuture<List<ChunkHashes>> planned;
        try {
            planned = CompletableFuture.supplyAsync(() -> chunkHashes(images), io);
        } catch (RejectedExecutionException stopping) {
            return CompletableFuture.failedFuture(new IOException("the gateway is stopping; image not planned"));
        }
        return planned
                .whenComplete((plans, error) -> {
                    if (error != null) {
                        metrics.planFailures.increment();
                        log.error("scan={} reason=image_plan_failed detail=\"{}\"",
                                message.getXrayScan().getScanId(), cause(error).getMessage());
                    }
                })
                .thenComposeAsync(plans -> submitAll(message, plans, stamp, submit), loop);
    }

    private CompletionStage<Void> submitAll(Envelope.Builder message, List<ChunkHashes> plans,
            Function<Envelope.Builder, Envelope> stamp, Function<Envelope, CompletionStage<Void>> submit) {
        Envelope scan = stamp.apply(message);
        List<Envelope> rest = DeliveryPlans.expand(scan, plans, stamp);
        for (int i = 0; i < plans.size(); i++) {
            references.add(scan.getXrayScan().getImages(i).getSha256(), plans.get(i).count());
            metrics.chunksPlanned.increment(plans.get(i).count());
        }
        metrics.imagesPlanned.increment(plans.size());
        List<CompletableFuture<Void>> durable = new ArrayList<>(rest.size() + 1);
        durable.add(submit.apply(scan).toCompletableFuture());
        for (Envelope next : rest) {
            CompletableFuture<Void> appended = submit.apply(next).toCompletableFuture();
            if (next.getBodyCase() == Envelope.BodyCase.IMAGE_CHUNK) {
                // A chunk that never reached the journal will never be confirmed: it must not pin the blob.
                appended.whenComplete((done, error) -> {
                    if (error != null) {
                        references.settled(next.getImageChunk().getImageSha256());
                    }
                });
            }
            durable.add(appended);
        }
        log.info("device={} scan={} event=image_delivery_planned images={} messages={}", scan.getDevice().getDeviceId(),
                scan.getXrayScan().getScanId(), plans.size(), rest.size() + 1);
        return CompletableFuture.allOf(durable.toArray(CompletableFuture[]::new));
    }

    private List<ChunkHashes> chunkHashes(List<ImageRef> images) {
        List<ChunkHashes> plans = new ArrayList<>(images.size());
        for (ImageRef image : images) {
            try {
                ChunkHashes hashes = store.chunkHashes(image.getSha256());
                if (image.getSizeBytes() != 0 && hashes.size() != image.getSizeBytes()) {
                    throw new IOException("blob " + image.getSha256() + " has " + hashes.size() + " bytes, the scan says "
                            + image.getSizeBytes());
                }
                plans.add(hashes);
            } catch (IOException | IllegalArgumentException e) {
                throw new CompletionException(new IOException("cannot plan image " + image.getSha256() + ": " + e.getMessage(), e));
            }
        }
        return plans;
    }

    static Throwable cause(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }
}
