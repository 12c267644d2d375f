package io.scangate.gateway.blob;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.scangate.driver.BlobRef;
import io.scangate.driver.BlobWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Blob lifetime on real files: retention after delivery, and the start-up sweep of what a crash left. */
class BlobJanitorTest {

    private static final Duration RETENTION = Duration.ofMinutes(10);

    @TempDir
    Path dir;
    private final ExecutorService io = Executors.newSingleThreadExecutor();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T10:00:00Z"));

    @AfterEach
    void stop() {
        io.shutdownNow();
    }

    @Test
    void aDeliveredBlobIsDeletedOnlyAfterTheRetentionAndGivesItsBytesBack() throws Exception {
        FileBlobStore store = open();
        BlobReferences references = new BlobReferences();
        BlobJanitor janitor = new BlobJanitor(store, references, clock);
        references.onDelivered(janitor::delivered);
        BlobRef delivered = store(store, 50_000, 1);
        BlobRef pending = store(store, 60_000, 2);
        references.add(delivered.sha256(), 2);
        references.add(pending.sha256(), 1);

        references.settled(delivered.sha256());
        assertThat(janitor.sweep().deleted()).isZero();
        references.settled(delivered.sha256());
        clock.advance(RETENTION.minusSeconds(1));
        assertThat(janitor.sweep().deleted()).as("retention not over").isZero();
        clock.advance(Duration.ofSeconds(1));
        BlobJanitor.Sweep sweep = janitor.sweep();

        assertThat(sweep.deleted()).isEqualTo(1);
        assertThat(sweep.freedBytes()).isEqualTo(50_000);
        assertThat(store.find(delivered.sha256())).isEmpty();
        assertThat(Files.list(store.blobRoot().resolve(delivered.sha256().substring(0, 2)))).isEmpty();
        assertThat(store.find(pending.sha256())).as("chunks still unconfirmed").isPresent();
        assertThat(store.usedBytes()).isEqualTo(60_000);
    }

    @Test
    void storingTheSameContentAgainRestartsItsLife() throws Exception {
        FileBlobStore store = open();
        BlobReferences references = new BlobReferences();
        BlobJanitor janitor = new BlobJanitor(store, references, clock);
        BlobRef first = store(store, 10_000, 3);
        references.add(first.sha256(), 1);
        references.onDelivered(janitor::delivered);
        references.settled(first.sha256());
        clock.advance(RETENTION.multipliedBy(2));

        store(store, 10_000, 3);

        assertThat(janitor.sweep().deleted()).isZero();
        assertThat(store.find(first.sha256())).isPresent();
    }

    @Test
    void atStartBlobsNothingReferencesAndCrashLeftoversAreRemoved() throws Exception {
        FileBlobStore store = open();
        BlobRef referenced = store(store, 20_000, 4);
        BlobRef orphan = store(store, 30_000, 5);
        BlobRef recentlyDelivered = store(store, 40_000, 6);
        BlobJanitor before = new BlobJanitor(store, new BlobReferences(), clock);
        before.delivered(recentlyDelivered.sha256());
        Path blobOfOrphan = store.find(orphan.sha256()).orElseThrow();
        Path strandedSidecar = store.metaRoot().resolve("ff").resolve("0".repeat(62) + ChunkHashes.SUFFIX);
        Files.createDirectories(strandedSidecar.getParent());
        Files.writeString(strandedSidecar, "chunk-size 4096\nsize 0\n");
        Files.write(dir.resolve(FileBlobStore.TEMP).resolve("blob-123.part"), new byte[1000]);

        FileBlobStore reopened = open();
        BlobReferences recovered = new BlobReferences();
        recovered.add(referenced.sha256(), 7);
        BlobJanitor.Sweep sweep = new BlobJanitor(reopened, recovered, clock).sweepAtStart();

        assertThat(sweep.deleted()).isEqualTo(1);
        assertThat(sweep.orphansRemoved()).isEqualTo(1);
        assertThat(blobOfOrphan).doesNotExist();
        assertThat(ChunkHashes.sidecarOf(blobOfOrphan)).doesNotExist();
        assertThat(strandedSidecar).doesNotExist();
        assertThat(reopened.find(referenced.sha256())).isPresent();
        assertThat(reopened.find(recentlyDelivered.sha256())).as("within its retention").isPresent();
        assertThat(Files.list(dir.resolve(FileBlobStore.TEMP))).isEmpty();
        assertThat(reopened.usedBytes()).isEqualTo(60_000);
    }

    private FileBlobStore open() throws Exception {
        return FileBlobStore.open(new BlobStoreSettings(dir, 1 << 24).withChunkSize(4096).withRetention(RETENTION), io);
    }

    private static BlobRef store(FileBlobStore store, int size, int seed) throws Exception {
        byte[] content = new byte[size];
        new java.util.Random(seed).nextBytes(content);
        BlobWriter writer = store.create("application/octet-stream", size);
        writer.write(Unpooled.wrappedBuffer(content));
        return writer.commit().toCompletableFuture().get();
    }

    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
