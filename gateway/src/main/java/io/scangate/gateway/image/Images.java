package io.scangate.gateway.image;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.util.concurrent.EventExecutor;
import io.scangate.driver.BlobStore;
import io.scangate.gateway.blob.BlobJanitor;
import io.scangate.gateway.blob.BlobReferences;
import io.scangate.gateway.blob.FileBlobStore;
import io.scangate.gateway.blob.NoBlobStore;
import io.scangate.gateway.publish.ChunkSource;
import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's image side, wired once: the blob store, which blobs the journal still references, their
 * delivery (planning on the device side, chunk bytes on the publisher side) and their retention.
 */
public final class Images {

    private static final Logger log = LoggerFactory.getLogger(Images.class);

    private final FileBlobStore store;
    private final ImageDelivery delivery;
    private final ChunkSource chunks;
    private final BlobRetention retention;

    private Images(FileBlobStore store, ImageDelivery delivery, ChunkSource chunks, BlobRetention retention) {
        this.store = store;
        this.delivery = delivery;
        this.chunks = chunks;
        this.retention = retention;
    }

    /** A gateway without a blob store: images are refused, scans travel alone. */
    public static Images none() {
        return new Images(null, ImageDelivery.disabled(), ChunkSource.NONE, null);
    }

    /**
     * Wires image delivery over an opened store and removes what a crash left behind.
     *
     * @param references the unconfirmed chunk references counted while the journal recovered
     */
    public static Images open(FileBlobStore store, BlobReferences references, Executor io, MeterRegistry registry,
            Clock clock) throws IOException {
        ImageMetrics metrics = new ImageMetrics(registry);
        BlobJanitor janitor = new BlobJanitor(store, references, clock);
        janitor.sweepAtStart();
        references.onDelivered(sha256 -> {
            try {
                io.execute(() -> janitor.delivered(sha256));
            } catch (RejectedExecutionException stopping) {
                // Acknowledged while the gateway stops: unreferenced and unmarked, the next start deletes it.
                log.info("blob={} event=delivered_while_stopping action=deleted_at_next_start", sha256);
            }
        });
        Gauge.builder("scangate.blob.used.bytes", store, FileBlobStore::usedBytes)
                .description("Bytes of the blob store counted against blobs.maxBytes").register(registry);
        Gauge.builder("scangate.blob.pinned", references, BlobReferences::blobsInUse)
                .description("Blobs with chunks not yet acknowledged by the broker").register(registry);
        return new Images(store, new ImageDelivery(store, references, io, metrics),
                new BlobChunkSource(store, references, metrics), new BlobRetention(janitor, io));
    }

    /** What drivers store into. */
    public BlobStore blobStore() {
        return store == null ? NoBlobStore.INSTANCE : store;
    }

    public ImageDelivery delivery() {
        return delivery;
    }

    public ChunkSource chunkSource() {
        return chunks;
    }

    public void startRetention(EventExecutor timerLoop) {
        if (retention != null) {
            retention.start(timerLoop, store.settings().retention());
        }
    }

    public void stop() {
        if (retention != null) {
            retention.stop();
        }
    }
}
