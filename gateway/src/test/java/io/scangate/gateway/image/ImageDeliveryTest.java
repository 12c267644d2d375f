package io.scangate.gateway.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.buffer.Unpooled;
import io.netty.channel.DefaultEventLoop;
import io.scangate.driver.BlobRef;
import io.scangate.driver.BlobWriter;
import io.scangate.gateway.blob.BlobReferences;
import io.scangate.gateway.blob.BlobStoreSettings;
import io.scangate.gateway.blob.FileBlobStore;
import io.scangate.gateway.journal.Journal;
import io.scangate.gateway.journal.JournalEntry;
import io.scangate.gateway.journal.JournalFullException;
import io.scangate.gateway.journal.JournalStats;
import io.scangate.gateway.journal.Lane;
import io.scangate.gateway.metrics.GatewayMetrics;
import io.scangate.gateway.pipeline.EventPipeline;
import io.scangate.gateway.pipeline.Outbox;
import io.scangate.gateway.testing.Envelopes;
import io.scangate.proto.v1.DeviceRef;
import io.scangate.proto.v1.Envelope;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The delivery plan of a scan, journalled in order, durable as a whole or refused as a whole to the driver. */
class ImageDeliveryTest {

    private static final int CHUNK = 4096;
    private static final DeviceRef DEVICE = DeviceRef.newBuilder().setDeviceId("xray-1").setLane("lane-1").build();

    @TempDir
    Path dir;
    private final ExecutorService io = Executors.newSingleThreadExecutor();
    private final DefaultEventLoop loop = new DefaultEventLoop();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final BlobReferences references = new BlobReferences();
    private final GatedJournal journal = new GatedJournal();

    @AfterEach
    void stop() {
        io.shutdownNow();
        loop.shutdownGracefully();
    }

    @Test
    void theDriversStageCompletesOnlyWhenScanManifestAndEveryChunkAreDurable() throws Exception {
        FileBlobStore store = store();
        BlobRef blob = blob(store, 3 * CHUNK + 1);

        CompletableFuture<Void> durable = deliver(store, blob);
        await().atMost(Duration.ofSeconds(10)).until(() -> journal.appended.size() == 6);

        assertThat(durable).isNotDone();
        journal.completeAll(5);
        assertThat(durable).isNotDone();
        journal.completeAll(6);
        durable.get();
        List<Envelope> journalled = journal.envelopes();
        assertThat(journalled).extracting(Envelope::getBodyCase).containsExactly(Envelope.BodyCase.XRAY_SCAN,
                Envelope.BodyCase.IMAGE_MANIFEST, Envelope.BodyCase.IMAGE_CHUNK, Envelope.BodyCase.IMAGE_CHUNK,
                Envelope.BodyCase.IMAGE_CHUNK, Envelope.BodyCase.IMAGE_CHUNK);
        assertThat(journal.lanes).containsExactly(Lane.RESULT, Lane.RESULT, Lane.BULK, Lane.BULK, Lane.BULK, Lane.BULK);
        assertThat(journalled).extracting(Envelope::getSequence).isSorted().doesNotHaveDuplicates();
        assertThat(journalled.get(1).getImageManifest().getScanEventId()).isEqualTo(journalled.get(0).getEventId());
        assertThat(journalled.subList(2, 6)).allSatisfy(chunk -> assertThat(chunk.getImageChunk().getData().isEmpty()).isTrue());
        assertThat(journal.payloadBytes()).as("no image bytes in the journal").isLessThan(2_000);
        assertThat(references.unsettled(blob.sha256())).isEqualTo(4);
        assertThat(registry.get("scangate.image.chunks.planned").counter().count()).isEqualTo(4);
    }

    @Test
    void aChunkTheJournalRefusesFailsTheStageAndDoesNotPinTheBlob() throws Exception {
        FileBlobStore store = store();
        BlobRef blob = blob(store, 3 * CHUNK);
        journal.refuse = 3;

        CompletableFuture<Void> durable = deliver(store, blob);
        await().atMost(Duration.ofSeconds(10)).until(() -> journal.appended.size() == 5);
        journal.completeAll(5);

        await().atMost(Duration.ofSeconds(10)).until(durable::isDone);
        assertThat(durable).isCompletedExceptionally();
        assertThat(causeOf(durable)).isInstanceOf(JournalFullException.class);
        assertThat(references.unsettled(blob.sha256())).isEqualTo(2);
    }

    @Test
    void aScanWhoseBlobIsMissingIsRefusedBeforeAnythingIsJournalled() throws Exception {
        FileBlobStore store = store();
        BlobRef blob = blob(store, CHUNK);
        store.delete(blob.sha256());

        CompletableFuture<Void> durable = deliver(store, blob);

        await().atMost(Duration.ofSeconds(10)).until(durable::isDone);
        assertThat(causeOf(durable)).isInstanceOf(IOException.class).hasMessageContaining("cannot plan image");
        assertThat(journal.appended).isEmpty();
        assertThat(registry.get("scangate.image.plan.failed").counter().count()).isEqualTo(1);
    }

    private CompletableFuture<Void> deliver(FileBlobStore store, BlobRef blob) throws Exception {
        ImageDelivery delivery = new ImageDelivery(store, references, io, new ImageMetrics(registry));
        EventPipeline pipeline = new EventPipeline("gw", 1, journal, new GatewayMetrics(registry), () -> { },
                Duration.ofMillis(50));
        Envelope.Builder scan = DeliveryPlansTest.scan(Envelopes.stamped("lane-1", "xray-1"), blob.sizeBytes(), "0", "0")
                .toBuilder().clearEventId().clearSequence();
        scan.getXrayScanBuilder().getImagesBuilder(0).setSha256(blob.sha256());
        return loop.submit(() -> {
            Outbox outbox = pipeline.outbox("xray-1", loop);
            assertThat(delivery.expands(scan)).isTrue();
            return delivery.deliver(scan, loop, b -> pipeline.stamp(b, DEVICE, Instant.now()), outbox::submitOnce)
                    .toCompletableFuture();
        }).get();
    }

    private FileBlobStore store() throws IOException {
        return FileBlobStore.open(new BlobStoreSettings(dir, 1 << 24).withChunkSize(CHUNK), io);
    }

    private static BlobRef blob(FileBlobStore store, int size) throws Exception {
        byte[] content = new byte[size];
        new Random(size).nextBytes(content);
        BlobWriter writer = store.create("application/dicom", size);
        writer.write(Unpooled.wrappedBuffer(content));
        return writer.commit().toCompletableFuture().get();
    }

    private static Throwable causeOf(CompletableFuture<Void> future) {
        try {
            future.get();
            return null;
        } catch (ExecutionException | InterruptedException e) {
            return e.getCause();
        }
    }

    /** Appends wait until the test makes them durable; the {@code refuse}-th (1-based) is refused as full. */
    private static final class GatedJournal implements Journal {
        final List<CompletableFuture<Long>> appended = new java.util.concurrent.CopyOnWriteArrayList<>();
        final List<byte[]> payloads = new java.util.concurrent.CopyOnWriteArrayList<>();
        final List<Lane> lanes = new java.util.concurrent.CopyOnWriteArrayList<>();
        volatile int refuse = -1;

        @Override
        public CompletableFuture<Long> append(Lane lane, byte[] payload) {
            CompletableFuture<Long> future = new CompletableFuture<>();
            appended.add(future);
            payloads.add(payload);
            lanes.add(lane);
            return future;
        }

        void completeAll(int count) {
            for (int i = 0; i < count; i++) {
                if (i + 1 == refuse) {
                    appended.get(i).completeExceptionally(new JournalFullException("journal full"));
                } else {
                    appended.get(i).complete((long) i + 1);
                }
            }
        }

        List<Envelope> envelopes() throws Exception {
            List<Envelope> envelopes = new ArrayList<>();
            for (byte[] payload : payloads) {
                envelopes.add(Envelope.parseFrom(payload));
            }
            return envelopes;
        }

        long payloadBytes() {
            return payloads.stream().mapToLong(p -> p.length).sum();
        }

        @Override
        public List<JournalEntry> take(int max) {
            return List.of();
        }

        @Override
        public void confirm(long id) {
        }

        @Override
        public void release(long id) {
        }

        @Override
        public void deadLetter(long id, String reason) {
        }

        @Override
        public void onAvailable(Runnable listener) {
        }

        @Override
        public JournalStats stats() {
            return new JournalStats(0, 0, 0, 0, 0);
        }

        @Override
        public void close() {
        }
    }
}
