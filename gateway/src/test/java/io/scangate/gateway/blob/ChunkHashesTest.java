package io.scangate.gateway.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.Unpooled;
import io.scangate.driver.BlobRef;
import io.scangate.driver.BlobWriter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChunkHashesTest {

    private static final int CHUNK = 4096;

    @TempDir
    Path dir;
    private final ExecutorService io = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        io.shutdownNow();
    }

    @Test
    void chunkPlanCoversTheBlobWithAShortLastChunk() {
        ChunkHashes hashes = new ChunkHashes(CHUNK, 10_000, java.util.Collections.nCopies(3, "0".repeat(64)));

        assertThat(hashes.count()).isEqualTo(3);
        assertThat(hashes.offset(2)).isEqualTo(8192);
        assertThat(hashes.length(0)).isEqualTo(CHUNK);
        assertThat(hashes.length(2)).isEqualTo(10_000 - 8192);
        assertThat(ChunkHashes.count(0, CHUNK)).isEqualTo(1);
        assertThat(ChunkHashes.count(8192, CHUNK)).isEqualTo(2);
        assertThatThrownBy(() -> new ChunkHashes(CHUNK, 10_000, java.util.List.of("0".repeat(64))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theWriterHashesEveryChunkWhileStreamingAndKeepsTheHashesInASidecar() throws Exception {
        FileBlobStore store = FileBlobStore.open(new BlobStoreSettings(dir, 1 << 24).withChunkSize(CHUNK), io);
        byte[] content = random(3 * CHUNK + 123);
        BlobWriter writer = store.create("application/octet-stream", content.length);
        // Pieces that straddle chunk boundaries, as DICOM PDVs do.
        for (int at = 0; at < content.length; at += 1000) {
            writer.write(Unpooled.wrappedBuffer(content, at, Math.min(1000, content.length - at)));
        }
        BlobRef ref = writer.commit().toCompletableFuture().get();

        ChunkHashes hashes = store.chunkHashes(ref.sha256());

        assertThat(hashes.count()).isEqualTo(4);
        for (int i = 0; i < hashes.count(); i++) {
            byte[] range = Arrays.copyOfRange(content, (int) hashes.offset(i), (int) hashes.offset(i) + hashes.length(i));
            assertThat(hashes.hashes().get(i)).isEqualTo(sha256(range));
        }
        Path sidecar = ChunkHashes.sidecarOf(store.find(ref.sha256()).orElseThrow());
        assertThat(sidecar).exists();
        assertThat(ChunkHashes.read(sidecar)).isEqualTo(hashes);
        assertThat(ChunkHashes.compute(store.find(ref.sha256()).orElseThrow(), CHUNK)).isEqualTo(hashes);
    }

    @Test
    void hashesComputedBehindTheWriterOnSeveralThreadsMatchTheBytesOfALargeBlob() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            int chunk = 256 * 1024;
            FileBlobStore store = FileBlobStore.open(new BlobStoreSettings(dir, 1 << 26).withChunkSize(chunk), pool);
            // Past several hand-over steps of the chunk hasher and two background flushes.
            byte[] content = random((int) (2 * FileBlobWriter.FLUSH_STEP + 3 * ChunkHasher.STEP + 777));
            BlobWriter writer = store.create("application/octet-stream", content.length);
            java.util.Random sizes = new java.util.Random(7);
            for (int at = 0; at < content.length; ) {
                int piece = Math.min(1 + sizes.nextInt(300_000), content.length - at);
                writer.write(Unpooled.wrappedBuffer(content, at, piece));
                at += piece;
            }
            BlobRef ref = writer.commit().toCompletableFuture().get();

            assertThat(ref.sha256()).isEqualTo(sha256(content));
            ChunkHashes hashes = store.chunkHashes(ref.sha256());
            assertThat(hashes.count()).isEqualTo(ChunkHashes.count(content.length, chunk));
            for (int i = 0; i < hashes.count(); i++) {
                byte[] range = Arrays.copyOfRange(content, (int) hashes.offset(i), (int) hashes.offset(i) + hashes.length(i));
                assertThat(hashes.hashes().get(i)).as("chunk %d", i).isEqualTo(sha256(range));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aLostOrCorruptSidecarIsRebuiltFromTheBlob() throws Exception {
        FileBlobStore store = FileBlobStore.open(new BlobStoreSettings(dir, 1 << 24).withChunkSize(CHUNK), io);
        byte[] content = random(2 * CHUNK + 5);
        BlobWriter writer = store.create("application/octet-stream", content.length);
        writer.write(Unpooled.wrappedBuffer(content));
        BlobRef ref = writer.commit().toCompletableFuture().get();
        ChunkHashes original = store.chunkHashes(ref.sha256());
        Path sidecar = ChunkHashes.sidecarOf(store.find(ref.sha256()).orElseThrow());

        Files.writeString(sidecar, "chunk-size 4096\nsize 8197\nnot-a-hash\n");
        assertThat(store.chunkHashes(ref.sha256())).isEqualTo(original);
        Files.delete(sidecar);
        assertThat(store.chunkHashes(ref.sha256())).isEqualTo(original);
        assertThat(sidecar).exists();
        assertThatThrownBy(() -> store.chunkHashes("ab".repeat(32))).isInstanceOf(IOException.class);
    }

    @Test
    void digestsFedInAnyPiecesAgree() {
        byte[] content = random(CHUNK * 2 + 1);
        ChunkHashes.Digests whole = new ChunkHashes.Digests(CHUNK);
        whole.update(ByteBuffer.wrap(content));
        ChunkHashes.Digests bytewise = new ChunkHashes.Digests(CHUNK);
        for (byte b : content) {
            bytewise.update(ByteBuffer.wrap(new byte[] {b}));
        }

        assertThat(bytewise.finish(content.length)).isEqualTo(whole.finish(content.length));
    }

    static byte[] random(int length) {
        byte[] bytes = new byte[length];
        new Random(length).nextBytes(bytes);
        return bytes;
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
