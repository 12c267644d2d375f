package io.scangate.gateway;

import io.micrometer.core.instrument.MeterRegistry;
import io.scangate.gateway.blob.FileBlobStore;
import io.scangate.gateway.config.GatewayConfig;
import io.scangate.gateway.journal.Journal;
import io.scangate.gateway.journal.RecoveryListener;
import io.scangate.gateway.publish.ChunkSource;
import io.scangate.gateway.journal.SegmentJournal;
import io.scangate.gateway.publish.MqttPublisher;
import io.scangate.gateway.publish.Publisher;
import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Builds the journal, the publisher and the blob store from their sections of the config file. */
final class Components {

    private Components() {
    }

    static Journal openJournal(GatewayConfig c, MeterRegistry registry, RecoveryListener recovery) throws IOException {
        return SegmentJournal.open(c.journal().toSettings(), registry, recovery);
    }

    static Publisher publisher(GatewayConfig c, Journal journal, MeterRegistry registry, ChunkSource chunks)
            throws IOException {
        return new MqttPublisher(c.mqtt().toSettings(c.site(), c.gatewayId()), journal, registry, chunks);
    }

    /** Two threads for blob fsyncs and renames: blocking disk work that must stay off the event loops. */
    static ExecutorService blobIo() {
        AtomicInteger n = new AtomicInteger();
        return Executors.newFixedThreadPool(2, task -> {
            Thread t = new Thread(task, "scangate-blob-io-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    static FileBlobStore blobStore(GatewayConfig c, ExecutorService io) throws IOException {
        return c.blobs() == null ? null : FileBlobStore.open(c.blobs().toSettings(), io);
    }

    /** Lets commits under way finish (a scanner waits for their answer), then stops. */
    static void shutdown(ExecutorService io) {
        io.shutdown();
        try {
            if (!io.awaitTermination(10, TimeUnit.SECONDS)) {
                io.shutdownNow();
            }
        } catch (InterruptedException e) {
            io.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
