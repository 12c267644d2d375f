package io.scangate.gateway.blob;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * Hashes a blob's chunks behind its writer: each range the writer has put in the file is read back (from
 * the page cache) and hashed on the blob I/O executor, range after range in order. The connection's event
 * loop then pays for one SHA-256 pass (the whole file's) instead of two, and the second pass runs on the
 * other core while the image is still arriving. Memory is one small buffer, whatever the image size.
 */
final class ChunkHasher {

    /** A range is handed over once this much more was written. */
    static final int STEP = 1 << 20;

    private final FileChannel reader;
    private final ChunkHashes.Digests digests;
    private final Executor executor;
    private final ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
    // The writer's thread only.
    private CompletableFuture<Void> tail = CompletableFuture.completedFuture(null);
    private long handedOver;

    ChunkHasher(Path file, int chunkSize, Executor executor) throws IOException {
        this.reader = FileChannel.open(file, StandardOpenOption.READ);
        this.digests = new ChunkHashes.Digests(chunkSize);
        this.executor = executor;
    }

    /** The file now holds {@code written} bytes. */
    void written(long written) {
        if (written - handedOver >= STEP) {
            handOver(written);
        }
    }

    /** The chunk hashes of the whole file once every byte up to {@code size} is hashed; closes the reader. */
    CompletableFuture<ChunkHashes> finish(long size) {
        if (size > handedOver) {
            handOver(size);
        }
        return tail.thenApply(done -> digests.finish(size)).whenComplete((hashes, error) -> close());
    }

    /** The blob is abandoned: stop reading once the ranges under way are done. */
    void abandon() {
        tail.whenComplete((done, error) -> close());
    }

    private void handOver(long upTo) {
        long from = handedOver;
        handedOver = upTo;
        // Stages of one chain run one after the other and see each other's writes, on whichever pool thread.
        tail = tail.thenRunAsync(() -> hash(from, upTo), executor);
    }

    private void hash(long from, long to) {
        long position = from;
        try {
            while (position < to) {
                buffer.clear().limit((int) Math.min(buffer.capacity(), to - position));
                int read = reader.read(buffer, position);
                if (read < 0) {
                    throw new EOFException("blob file ends at " + position + ", " + to + " bytes were written");
                }
                digests.update(buffer.flip());
                position += read;
            }
        } catch (IOException e) {
            throw new CompletionException(e);
        }
    }

    private void close() {
        try {
            reader.close();
        } catch (IOException e) {
            // Read-only: nothing to lose.
        }
    }
}
