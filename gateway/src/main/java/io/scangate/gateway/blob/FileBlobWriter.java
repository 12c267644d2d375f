package io.scangate.gateway.blob;

import io.netty.buffer.ByteBuf;
import io.scangate.driver.BlobRef;
import io.scangate.driver.BlobWriter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One blob on its way into a {@link FileBlobStore}: bytes go to a temporary file and into a SHA-256 digest
 * as they arrive, so the content is never held in heap. The per-chunk hashes are computed behind the writer
 * on the blob I/O executor ({@link ChunkHasher}), and the file is flushed to disk in steps while it grows,
 * so that the fsync before "stored" has only the last few megabytes left to write.
 */
final class FileBlobWriter implements BlobWriter {

    private static final Logger log = LoggerFactory.getLogger(FileBlobWriter.class);
    /** Bytes written between two background flushes to disk. */
    static final long FLUSH_STEP = 8L << 20;

    private enum State { OPEN, COMMITTING, COMMITTED, ABORTED }

    private final FileBlobStore store;
    private final Path temp;
    private final String mediaType;
    private final FileChannel channel;
    private final MessageDigest digest;
    /** Per-chunk hashes, computed while the blob streams in so that planning a delivery never reads it again. */
    private final ChunkHasher chunkHasher;
    private long size;
    private long flushedUpTo;
    private final AtomicBoolean flushing = new AtomicBoolean();
    /** Read by abort() on the device's loop while a commit finishes on the I/O executor. */
    private volatile State state = State.OPEN;

    FileBlobWriter(FileBlobStore store, Path temp, String mediaType) throws IOException {
        this.store = store;
        this.temp = temp;
        this.mediaType = mediaType;
        this.digest = ChunkHashes.sha256();
        this.chunkHasher = new ChunkHasher(temp, store.settings().chunkSize(), store.ioExecutor());
        try {
            this.channel = FileChannel.open(temp, StandardOpenOption.WRITE);
        } catch (IOException e) {
            chunkHasher.abandon();
            throw e;
        }
    }

    @Override
    public void write(ByteBuf data) throws IOException {
        if (state != State.OPEN) {
            throw new IllegalStateException("blob writer is " + state + ", cannot write");
        }
        int length = data.readableBytes();
        if (length == 0) {
            return;
        }
        store.reserve(length);
        try {
            for (ByteBuffer part : data.nioBuffers()) {
                digest.update(part.duplicate());
                while (part.hasRemaining()) {
                    channel.write(part);
                }
            }
        } catch (IOException e) {
            store.release(length);
            throw e;
        }
        size += length;
        chunkHasher.written(size);
        flushInSteps();
    }

    /** Starts writing back what is in the page cache every {@link #FLUSH_STEP} bytes, one flush at a time. */
    private void flushInSteps() {
        if (size - flushedUpTo < FLUSH_STEP || !flushing.compareAndSet(false, true)) {
            return;
        }
        flushedUpTo = size;
        store.ioExecutor().execute(() -> {
            try {
                channel.force(false);
            } catch (IOException e) {
                // Not the durability point: the commit forces again and reports what fails there.
            } finally {
                flushing.set(false);
            }
        });
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public CompletionStage<BlobRef> commit() {
        if (state != State.OPEN) {
            return CompletableFuture.failedFuture(
                    new IllegalStateException("blob writer is " + state + ", cannot commit"));
        }
        state = State.COMMITTING;
        String sha256 = HexFormat.of().formatHex(digest.digest());
        return chunkHasher.finish(size)
                .thenApplyAsync(chunks -> install(sha256, chunks), store.ioExecutor())
                .whenComplete((ref, error) -> {
                    if (error != null && state == State.COMMITTING) {
                        discard();
                    }
                });
    }

    private BlobRef install(String sha256, ChunkHashes chunks) {
        try {
            channel.force(true);
            channel.close();
            boolean created = store.install(temp, sha256, size, chunks);
            state = State.COMMITTED;
            log.debug("blob={} size={} media_type={} new={}", sha256, size, mediaType, created);
            return new BlobRef(sha256, size, mediaType);
        } catch (IOException | RuntimeException e) {
            discard();
            throw new CompletionException(e);
        }
    }

    @Override
    public void abort() {
        if (state == State.OPEN) {
            discard();
        }
    }

    @Override
    public void close() {
        abort();
    }

    private void discard() {
        state = State.ABORTED;
        chunkHasher.abandon();
        try {
            channel.close();
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            log.warn("blob_temp={} reason=delete_failed detail={} (removed at the next start)", temp, e.toString());
        }
        store.release(size);
    }
}
