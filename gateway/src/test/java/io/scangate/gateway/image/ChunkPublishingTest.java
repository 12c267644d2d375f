package io.scangate.gateway.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.buffer.Unpooled;
import io.scangate.driver.BlobRef;
import io.scangate.driver.BlobWriter;
import io.scangate.gateway.blob.BlobReferences;
import io.scangate.gateway.blob.BlobStoreSettings;
import io.scangate.gateway.blob.ChunkHashes;
import io.scangate.gateway.blob.FileBlobStore;
import io.scangate.gateway.journal.Lane;
import io.scangate.gateway.pipeline.LanePolicy;
import io.scangate.gateway.publish.ChunkSource;
import io.scangate.gateway.publish.MqttPublisher;
import io.scangate.gateway.publish.MqttSettings;
import io.scangate.gateway.testing.CountingSubscriber;
import io.scangate.gateway.testing.Envelopes;
import io.scangate.gateway.testing.MemoryJournal;
import io.scangate.gateway.testing.MosquittoBroker;
import io.scangate.proto.v1.Envelope;
import io.scangate.proto.v1.ImageChunk;
import io.scangate.proto.v1.ImageRef;
import java.io.ByteArrayOutputStream;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Chunk references journalled without bytes are filled from real blob files by the publisher, verified,
 * and published to a real Mosquitto; a chunk whose blob changed is dead-lettered with the reason.
 */
class ChunkPublishingTest {

    private static final int CHUNK = 4096;
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    Path dir;
    private final ExecutorService io = Executors.newSingleThreadExecutor();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MemoryJournal journal = new MemoryJournal();
    private final BlobReferences references = new BlobReferences();
    private MosquittoBroker broker;
    private MqttPublisher publisher;
    private CountingSubscriber backEnd;

    @AfterEach
    void stop() {
        if (publisher != null) {
            publisher.close();
        }
        if (backEnd != null) {
            backEnd.close();
        }
        if (broker != null) {
            broker.close();
        }
        io.shutdownNow();
    }

    @Test
    void chunksArePublishedWithTheirBytesAfterAlarmsAndCorruptOnesAreDeadLettered() throws Exception {
        FileBlobStore store = FileBlobStore.open(new BlobStoreSettings(dir, 1 << 24).withChunkSize(CHUNK), io);
        BlobChunkSource source = new BlobChunkSource(store, references, new ImageMetrics(registry));
        byte[] good = random(3 * CHUNK + 500, 1);
        byte[] bad = random(2 * CHUNK, 2);
        List<Envelope> goodPlan = plan(store, good);
        List<Envelope> badPlan = plan(store, bad);
        goodPlan.forEach(e -> journal.add(LanePolicy.of(e), e.toByteArray()));
        badPlan.forEach(e -> journal.add(LanePolicy.of(e), e.toByteArray()));
        Envelope alarm = Envelopes.radiationScan("lane-9", "rpm-9", true);
        long alarmId = journal.add(Lane.ALARM, alarm.toByteArray());
        String badSha = badPlan.get(0).getImageManifest().getImageSha256();
        try (RandomAccessFile file = new RandomAccessFile(store.find(badSha).orElseThrow().toFile(), "rw")) {
            file.seek(CHUNK + 10);
            file.write(file.read() ^ 0xFF);
        }

        broker = MosquittoBroker.start();
        backEnd = CountingSubscriber.connect(broker.uri(), "image-back-end", "scangate/v1/#");
        publisher = new MqttPublisher(MqttSettings.of(broker.uri(), Envelopes.SITE, Envelopes.GATEWAY), journal, registry,
                source);
        publisher.start();

        await().atMost(PATIENCE).until(() -> journal.unconfirmed() == 0);
        await().atMost(PATIENCE).until(() -> backEnd.byKind("image-chunk").size() == 4 + 1);
        assertThat(journal.takeOrder().get(0).id()).as("the alarm overtakes the image").isEqualTo(alarmId);
        ByteArrayOutputStream reassembled = new ByteArrayOutputStream();
        backEnd.byKind("image-chunk").stream().map(r -> r.envelope().getImageChunk())
                .filter(c -> !c.getImageSha256().equals(badSha))
                .sorted(Comparator.comparingInt(ImageChunk::getIndex))
                .forEach(c -> reassembled.writeBytes(c.getData().toByteArray()));
        assertThat(reassembled.toByteArray()).isEqualTo(good);
        assertThat(journal.deadLetters()).hasSize(1);
        assertThat(journal.deadLetters().values().iterator().next()).contains(badSha + "#1").contains("blob corrupt");
        assertThat(references.inUse(goodPlan.get(0).getImageManifest().getImageSha256())).isFalse();
        assertThat(references.inUse(badSha)).isFalse();
        assertThat(registry.get("scangate.image.chunks.unavailable").counter().count()).isEqualTo(1);
    }

    @Test
    void aRetryIsByteIdenticalAndAMissingBlobIsUnavailable() throws Exception {
        FileBlobStore store = FileBlobStore.open(new BlobStoreSettings(dir, 1 << 24).withChunkSize(CHUNK), io);
        BlobChunkSource source = new BlobChunkSource(store, references, new ImageMetrics(registry));
        List<Envelope> plan = plan(store, random(CHUNK + 1, 3));
        Envelope chunk = plan.get(2);

        byte[] first = source.payload(chunk);
        byte[] second = source.payload(chunk);

        assertThat(second).isEqualTo(first);
        assertThat(Envelope.parseFrom(first).getImageChunk().getData().size()).isEqualTo(1);
        store.delete(chunk.getImageChunk().getImageSha256());
        assertThatThrownBy(() -> source.payload(chunk)).isInstanceOf(ChunkSource.UnavailableException.class)
                .hasMessageContaining("not in the store");
    }

    @Test
    void aBrokerPacketLimitBelowAChunkIsNamedWithItsFix() throws Exception {
        FileBlobStore store = FileBlobStore.open(new BlobStoreSettings(dir, 1 << 24), io);
        BlobChunkSource source = new BlobChunkSource(store, references, new ImageMetrics(registry));

        assertThat(source.checkMaxPacketSize(1 << 20)).isNull();
        assertThat(registry.get("scangate.image.chunk.fits").gauge().value()).isEqualTo(1.0);
        assertThat(source.checkMaxPacketSize(100_000)).contains("blobs.chunkSize 262144").contains("at most 97952");
        assertThat(registry.get("scangate.image.chunk.fits").gauge().value()).isZero();
        assertThat(registry.get("scangate.image.chunk.oversize").counter().count()).isEqualTo(1);
    }

    private List<Envelope> plan(FileBlobStore store, byte[] content) throws Exception {
        BlobWriter writer = store.create("application/dicom", content.length);
        writer.write(Unpooled.wrappedBuffer(content));
        BlobRef ref = writer.commit().toCompletableFuture().get();
        Envelope scan = DeliveryPlansTest.scan(Envelopes.stamped("lane-1", "xray-1"), content.length, "0", "0").toBuilder()
                .setXrayScan(DeliveryPlansTest.scan(Envelopes.stamped("lane-1", "xray-1"), content.length, "0", "0")
                        .getXrayScan().toBuilder().setImages(0, ImageRef.newBuilder()
                                .setSha256(ref.sha256()).setSizeBytes(ref.sizeBytes())))
                .build();
        ChunkHashes hashes = store.chunkHashes(ref.sha256());
        references.add(ref.sha256(), hashes.count());
        return DeliveryPlans.expand(scan, List.of(hashes), builder -> Envelopes.stamped("lane-1", "xray-1")
                .mergeFrom(builder.build()).build());
    }

    private static byte[] random(int length, long seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }
}
